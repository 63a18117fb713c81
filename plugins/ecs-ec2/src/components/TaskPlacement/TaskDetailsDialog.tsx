import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { StructuredMetadataTable } from '@backstage/core-components';
import { EcsTaskView } from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import { formatCpuUnits, formatMemory, formatTime } from '../../lib/format';

/** Content of the dialog: one task, or a list of tasks to pick from. */
export type TaskSelection =
  | { kind: 'task'; task: EcsTaskView }
  | { kind: 'list'; title: string; tasks: EcsTaskView[] };

function lifecycleText(lifecycle?: string): string {
  if (lifecycle === 'SPOT') return 'Spot';
  if (lifecycle === 'ON_DEMAND') return 'On-Demand';
  return 'unknown';
}

function TaskDetails(props: { task: EcsTaskView }) {
  const { task } = props;
  const metadata: Record<string, string> = {
    'Last status': task.lastStatus,
    'Desired status': task.desiredStatus,
    Health: task.healthStatus ?? 'UNKNOWN',
    Revision: String(task.taskDefinitionRevision),
    Deployment: task.deploymentId ?? '–',
    'Capacity provider': task.capacityProviderName ?? '–',
    'Availability Zone': task.availabilityZone ?? '–',
    Instance: `${task.ec2InstanceId ?? '–'} (${
      task.instanceType ?? 'unknown type'
    }, ${lifecycleText(task.lifecycle)})`,
    Size: `${formatCpuUnits(task.cpu)}, ${formatMemory(task.memoryMiB)}`,
    'GPU ids': task.gpuIds.length > 0 ? task.gpuIds.join(', ') : 'none',
    Started: formatTime(task.startedAt),
  };
  if (task.lastStatus === 'STOPPED' || task.stoppedAt) {
    metadata.Stopped = formatTime(task.stoppedAt);
    metadata['Stop code'] = task.stopCode ?? '–';
    metadata['Stopped reason'] = task.stoppedReason ?? '–';
  }

  return (
    <>
      <StructuredMetadataTable metadata={metadata} dense />
      <Typography variant="subtitle2" component="h3" style={{ marginTop: 16 }}>
        Containers
      </Typography>
      <Table size="small" aria-label={`Containers of task ${task.taskId}`}>
        <TableHead>
          <TableRow>
            <TableCell>Name</TableCell>
            <TableCell>Last status</TableCell>
            <TableCell>Exit code</TableCell>
            <TableCell>Reason</TableCell>
            <TableCell>Health</TableCell>
            <TableCell>GPU ids</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {task.containers.map(container => (
            <TableRow key={container.name}>
              <TableCell>{container.name}</TableCell>
              <TableCell>{container.lastStatus ?? '–'}</TableCell>
              <TableCell>
                {container.exitCode === undefined
                  ? '–'
                  : `exit code ${container.exitCode}`}
              </TableCell>
              <TableCell>{container.reason ?? '–'}</TableCell>
              <TableCell>{container.healthStatus ?? '–'}</TableCell>
              <TableCell>
                {container.gpuIds.length > 0
                  ? container.gpuIds.join(', ')
                  : '–'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}

/** Details of a task, or a list of tasks that opens the details of the one picked. */
export function TaskDetailsDialog(props: {
  selection?: TaskSelection;
  onSelect: (selection?: TaskSelection) => void;
}) {
  const { selection } = props;
  const title =
    selection?.kind === 'task'
      ? `Task ${selection.task.taskId}`
      : selection?.title ?? '';

  return (
    <Dialog
      open={Boolean(selection)}
      onClose={() => props.onSelect(undefined)}
      aria-labelledby="ecs-ec2-task-dialog-title"
      maxWidth="md"
      fullWidth
    >
      <DialogTitle id="ecs-ec2-task-dialog-title">{title}</DialogTitle>
      <DialogContent>
        {selection?.kind === 'task' && <TaskDetails task={selection.task} />}
        {selection?.kind === 'list' && (
          <List dense aria-label={selection.title}>
            {selection.tasks.map(task => (
              <ListItem
                key={task.taskArn}
                button
                onClick={() => props.onSelect({ kind: 'task', task })}
              >
                <ListItemText
                  primary={`Task ${task.taskId}`}
                  secondary={`revision ${task.taskDefinitionRevision}, ${
                    task.lastStatus
                  }, ${task.healthStatus ?? 'UNKNOWN'}`}
                />
              </ListItem>
            ))}
          </List>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={() => props.onSelect(undefined)}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
