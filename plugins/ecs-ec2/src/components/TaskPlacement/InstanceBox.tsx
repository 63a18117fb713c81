import { memo, ReactNode } from 'react';
import { makeStyles } from '@material-ui/core/styles';
import {
  EcsDeploymentView,
  EcsTaskView,
} from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import { PlacedInstance, deploymentOfTask } from '../../lib/placement';
import { formatPercent, ratio } from '../../lib/format';
import {
  colourOfDeployment,
  describeTask,
  lookOfTask,
  textColourOn,
} from './taskLook';

/** Above this many tasks an instance shows one segment per deployment, not per task. */
const maxTaskSlots = 12;

const useStyles = makeStyles(theme => ({
  // A fixed width with border-box sizing keeps cards from growing into their
  // neighbours; the header truncates instead.
  box: {
    width: 300,
    minWidth: 300,
    boxSizing: 'border-box',
    overflow: 'hidden',
    padding: theme.spacing(0.75),
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: 4,
    fontSize: 12,
  },
  inactive: {
    borderStyle: 'dashed',
    opacity: 0.75,
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    justifyContent: 'space-between',
    gap: 4,
    marginBottom: 4,
    whiteSpace: 'nowrap',
  },
  // The id never breaks after "i-" because readers search for it whole. A card
  // too narrow for it truncates it and keeps the full id in the tooltip.
  instanceId: {
    flex: '1 1 auto',
    minWidth: 0,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  fixed: {
    flexShrink: 0,
  },
  spot: {
    border: `1px dashed ${theme.palette.text.primary}`,
    borderRadius: 3,
    padding: '0 3px',
    fontStyle: 'italic',
  },
  onDemand: {
    border: `1px solid ${theme.palette.text.primary}`,
    borderRadius: 3,
    padding: '0 3px',
  },
  slots: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: 2,
    minHeight: 22,
    background: theme.palette.type === 'dark' ? '#333' : '#eee',
  },
  slot: {
    minWidth: 26,
    height: 22,
    border: 'none',
    padding: '0 2px',
    fontSize: 11,
    fontWeight: 600,
    cursor: 'pointer',
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    '&:focus-visible': {
      outline: `3px solid ${theme.palette.text.primary}`,
      outlineOffset: 1,
    },
  },
  caption: {
    marginTop: 4,
    color: theme.palette.text.secondary,
  },
}));

/** Returns the lifecycle badge text, or an empty string when the lifecycle is unknown. */
function lifecycleText(lifecycle?: string): string {
  if (lifecycle === 'SPOT') return 'Spot';
  if (lifecycle === 'ON_DEMAND') return 'On-Demand';
  return '';
}

/**
 * One container instance with the service's tasks packed on it. Each task is a
 * slot as wide as its CPU share; past {@link maxTaskSlots} tasks, the slots of one
 * deployment merge into a single segment so that large clusters stay light.
 */
function InstanceBoxContent(props: {
  placed: PlacedInstance;
  deployments: EcsDeploymentView[];
  onSelectTask: (task: EcsTaskView) => void;
  onSelectTasks: (title: string, tasks: EcsTaskView[]) => void;
}) {
  const classes = useStyles();
  const { instance, tasks } = props.placed;
  const registered = instance.registered;
  const reservedCpu = registered.cpu - instance.remaining.cpu;
  const reservedMemory = registered.memoryMiB - instance.remaining.memoryMiB;
  const reservedGpus = registered.gpus - instance.remaining.gpus;
  const lifecycle = lifecycleText(props.placed.lifecycle);
  const boxLabel = `${instance.ec2InstanceId}, ${
    instance.instanceType ?? 'unknown type'
  }, ${lifecycle ? `${lifecycle}, ` : ''}${instance.status}, ${
    tasks.length
  } task${tasks.length === 1 ? '' : 's'}`;

  let slots: ReactNode;
  if (tasks.length <= maxTaskSlots) {
    slots = tasks.map(task => {
      const look = lookOfTask(task, props.deployments);
      const share = ratio(task.cpu, registered.cpu);
      return (
        <button
          key={task.taskArn}
          type="button"
          className={classes.slot}
          style={{
            background: look.background,
            color: look.colour,
            flex: `${share} 0 0`,
          }}
          aria-label={describeTask(task, look)}
          title={describeTask(task, look)}
          onClick={() => props.onSelectTask(task)}
        >
          {look.text}
          {task.gpuIds.length > 0 ? ` GPU ${task.gpuIds.join(',')}` : ''}
        </button>
      );
    });
  } else {
    const byDeployment = new Map<
      EcsDeploymentView | undefined,
      EcsTaskView[]
    >();
    for (const task of tasks) {
      const deployment = deploymentOfTask(task, props.deployments);
      byDeployment.set(deployment, [
        ...(byDeployment.get(deployment) ?? []),
        task,
      ]);
    }
    slots = [...byDeployment.entries()].map(([deployment, group]) => {
      const revision =
        deployment?.taskDefinitionRevision ?? group[0].taskDefinitionRevision;
      const cpu = group.reduce((sum, task) => sum + task.cpu, 0);
      const label = `${group.length} tasks of revision ${revision} on ${instance.ec2InstanceId}`;
      return (
        <button
          key={deployment?.id ?? 'unknown'}
          type="button"
          className={classes.slot}
          style={{
            background: colourOfDeployment(deployment, props.deployments),
            color: textColourOn(
              colourOfDeployment(deployment, props.deployments),
            ),
            flex: `${ratio(cpu, registered.cpu)} 0 0`,
          }}
          aria-label={label}
          title={label}
          onClick={() => props.onSelectTasks(label, group)}
        >
          r{revision} × {group.length}
        </button>
      );
    });
  }

  return (
    <div
      role="group"
      aria-label={boxLabel}
      className={`${classes.box} ${
        instance.status === 'ACTIVE' ? '' : classes.inactive
      }`}
    >
      <div className={classes.header}>
        <strong className={classes.instanceId} title={instance.ec2InstanceId}>
          {instance.ec2InstanceId}
        </strong>
        <span className={classes.fixed}>{instance.instanceType}</span>
        {lifecycle && (
          <span
            className={`${classes.fixed} ${
              props.placed.lifecycle === 'SPOT'
                ? classes.spot
                : classes.onDemand
            }`}
          >
            {lifecycle}
          </span>
        )}
      </div>
      <div className={classes.slots}>{slots}</div>
      <div className={classes.caption}>
        {instance.status !== 'ACTIVE' ? `${instance.status} · ` : ''}
        CPU {formatPercent(ratio(reservedCpu, registered.cpu))} · memory{' '}
        {formatPercent(ratio(reservedMemory, registered.memoryMiB))}
        {registered.gpus > 0
          ? ` · GPU ${reservedGpus}/${registered.gpus}`
          : ''}{' '}
        reserved
      </div>
    </div>
  );
}

export const InstanceBox = memo(InstanceBoxContent);
