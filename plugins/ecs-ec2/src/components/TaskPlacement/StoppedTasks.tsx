import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Link from '@material-ui/core/Link';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { EcsTaskView } from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import { formatTime } from '../../lib/format';

const initialRows = 10;

function exitCodes(task: EcsTaskView): string {
  const codes = task.containers
    .filter(container => container.exitCode !== undefined)
    .map(container => `${container.name}: exit code ${container.exitCode}`);
  return codes.length > 0 ? codes.join('; ') : '–';
}

/** Tasks stopped within the last hour, with why they stopped. */
export function StoppedTasks(props: {
  tasks: EcsTaskView[];
  onSelectTask: (task: EcsTaskView) => void;
}) {
  const [showAll, setShowAll] = useState(false);
  if (props.tasks.length === 0) {
    return (
      <Typography variant="body2">
        No tasks stopped in the last hour.
      </Typography>
    );
  }
  const shown = showAll ? props.tasks : props.tasks.slice(0, initialRows);

  return (
    <>
      <Table size="small" aria-label="Stopped tasks">
        <TableHead>
          <TableRow>
            <TableCell>Task</TableCell>
            <TableCell>Revision</TableCell>
            <TableCell>Stopped</TableCell>
            <TableCell>Stop code</TableCell>
            <TableCell>Stopped reason</TableCell>
            <TableCell>Exit codes</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.map(task => (
            <TableRow key={task.taskArn}>
              <TableCell>
                <Link
                  component="button"
                  variant="body2"
                  aria-label={`Stopped task ${task.taskId}`}
                  onClick={() => props.onSelectTask(task)}
                >
                  {task.taskId}
                </Link>
              </TableCell>
              <TableCell>{task.taskDefinitionRevision}</TableCell>
              <TableCell>{formatTime(task.stoppedAt)}</TableCell>
              <TableCell>{task.stopCode ?? '–'}</TableCell>
              <TableCell>{task.stoppedReason ?? '–'}</TableCell>
              <TableCell>{exitCodes(task)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {props.tasks.length > shown.length && (
        <Button
          size="small"
          variant="outlined"
          onClick={() => setShowAll(true)}
        >
          Show all {props.tasks.length} stopped tasks
        </Button>
      )}
    </>
  );
}
