import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  EcsServiceView,
  EcsTaskView,
} from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import { Section } from '../shared/Section';
import {
  PlacedInstance,
  PlacementGroup,
  findConcentrationRisks,
  groupPlacement,
  isStopped,
} from '../../lib/placement';
import {
  dotPattern,
  okabeIto,
  problemColour,
  stripePattern,
} from '../../lib/palette';
import { colourOfDeployment } from './taskLook';
import { PlacementGroupView } from './PlacementGroupView';
import { StoppedTasks } from './StoppedTasks';
import { TaskDetailsDialog, TaskSelection } from './TaskDetailsDialog';

/** Up to this many instances, every group starts expanded. */
const expandAllBelow = 40;

function Swatch(props: { background: string; label: string }) {
  return (
    <Box display="inline-flex" alignItems="center" mr={2}>
      <span
        aria-hidden
        style={{
          display: 'inline-block',
          width: 18,
          height: 12,
          marginRight: 4,
          background: props.background,
          border: '1px solid rgba(0,0,0,0.3)',
        }}
      />
      <Typography variant="caption">{props.label}</Typography>
    </Box>
  );
}

function matches(placed: PlacedInstance, query: string): boolean {
  const { instance, tasks } = placed;
  const fields = [
    instance.ec2InstanceId,
    instance.instanceType,
    instance.availabilityZone,
    instance.capacityProviderName,
    instance.lifecycle,
  ];
  if (fields.some(field => field?.toLowerCase().includes(query))) {
    return true;
  }
  return tasks.some(
    task =>
      task.taskId.toLowerCase().includes(query) ||
      `r${task.taskDefinitionRevision}` === query,
  );
}

/**
 * Where the service's tasks run: instances grouped by capacity provider and
 * Availability Zone, the tasks packed on each, risks of concentration, and the
 * tasks that stopped.
 */
export function TaskPlacement(props: { service: EcsServiceView }) {
  const { service } = props;
  const groups = useMemo(() => groupPlacement(service), [service]);
  const risks = useMemo(() => findConcentrationRisks(service), [service]);
  const stopped = useMemo(() => service.tasks.filter(isStopped), [service]);

  const [filter, setFilter] = useState('');
  // The deferred query keeps typing responsive while a large grid re-renders.
  const query = useDeferredValue(filter.trim().toLowerCase());
  const [toggled, setToggled] = useState<Set<string>>(() => new Set());
  const [selection, setSelection] = useState<TaskSelection>();
  const expandByDefault = service.containerInstances.length <= expandAllBelow;

  const onToggle = useCallback((key: string) => {
    setToggled(previous => {
      const next = new Set(previous);
      if (next.has(key)) {
        next.delete(key);
      } else {
        next.add(key);
      }
      return next;
    });
  }, []);
  const onSelectTask = useCallback(
    (task: EcsTaskView) => setSelection({ kind: 'task', task }),
    [],
  );
  const onSelectTasks = useCallback(
    (title: string, tasks: EcsTaskView[]) =>
      setSelection({ kind: 'list', title, tasks }),
    [],
  );

  const visible = useMemo(() => {
    const result: Array<{
      group: PlacementGroup;
      instances: PlacedInstance[];
    }> = [];
    for (const group of groups) {
      const instances = query
        ? group.instances.filter(placed => matches(placed, query))
        : group.instances;
      if (instances.length > 0) {
        result.push({ group, instances });
      }
    }
    return result;
  }, [groups, query]);

  return (
    <Section
      title="Task placement"
      regionLabel={`Task placement ${service.serviceName}`}
    >
      {risks.map(risk => (
        <Alert key={risk} severity="warning" aria-label="Concentration risk">
          {risk}
        </Alert>
      ))}
      <Box my={1}>
        {service.deployments.map(deployment => (
          <Swatch
            key={deployment.id}
            background={colourOfDeployment(deployment, service.deployments)}
            label={`r${deployment.taskDefinitionRevision} ${deployment.status}`}
          />
        ))}
        <Swatch
          background={`${dotPattern}, ${okabeIto.grey}`}
          label="… pending"
        />
        <Swatch
          background={`${stripePattern}, ${problemColour}`}
          label="! unhealthy"
        />
      </Box>
      <TextField
        label="Filter instances and tasks"
        placeholder="instance id, type, zone, task id or r42"
        size="small"
        variant="outlined"
        value={filter}
        onChange={event => setFilter(event.target.value)}
        inputProps={{ 'aria-label': 'Filter instances and tasks' }}
      />
      <Box mt={1}>
        {visible.length === 0 && (
          <Typography variant="body2">
            {query
              ? 'No instance or task matches the filter.'
              : 'No container instances.'}
          </Typography>
        )}
        {visible.map(({ group, instances }) => (
          <PlacementGroupView
            key={group.key}
            group={group}
            instances={instances}
            // A filter opens the groups it matches; the toggle inverts the default.
            expanded={
              (expandByDefault || Boolean(query)) !== toggled.has(group.key)
            }
            onToggle={onToggle}
            deployments={service.deployments}
            onSelectTask={onSelectTask}
            onSelectTasks={onSelectTasks}
          />
        ))}
      </Box>
      <Typography variant="subtitle2" component="h4" style={{ marginTop: 16 }}>
        Stopped tasks ({stopped.length})
      </Typography>
      <StoppedTasks tasks={stopped} onSelectTask={onSelectTask} />
      <TaskDetailsDialog selection={selection} onSelect={setSelection} />
    </Section>
  );
}
