import { useState } from 'react';
import Button from '@material-ui/core/Button';
import Link from '@material-ui/core/Link';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { EcsTaskView } from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import { formatTime } from '../../lib/format';

const initialRows = 10;

const useStyles = makeStyles({
  // Narrow screens scroll the table sideways instead of breaking ids and codes.
  scroller: {
    overflowX: 'auto',
  },
  nowrap: {
    whiteSpace: 'nowrap',
  },
  reason: {
    minWidth: 200,
  },
});

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
  const classes = useStyles();
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
      <div className={classes.scroller}>
        <Table size="small" aria-label="Stopped tasks">
          <TableHead>
            <TableRow>
              <TableCell className={classes.nowrap}>Task</TableCell>
              <TableCell className={classes.nowrap}>Revision</TableCell>
              <TableCell className={classes.nowrap}>Stopped</TableCell>
              <TableCell className={classes.nowrap}>Stop code</TableCell>
              <TableCell className={classes.nowrap}>Stopped reason</TableCell>
              <TableCell className={classes.nowrap}>Exit codes</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map(task => (
              <TableRow key={task.taskArn}>
                <TableCell className={classes.nowrap}>
                  <Link
                    component="button"
                    variant="body2"
                    aria-label={`Stopped task ${task.taskId}`}
                    onClick={() => props.onSelectTask(task)}
                  >
                    {task.taskId}
                  </Link>
                </TableCell>
                <TableCell className={classes.nowrap}>
                  {task.taskDefinitionRevision}
                </TableCell>
                <TableCell className={classes.nowrap}>
                  {formatTime(task.stoppedAt)}
                </TableCell>
                <TableCell className={classes.nowrap}>
                  {task.stopCode ?? '–'}
                </TableCell>
                <TableCell className={classes.reason}>
                  {task.stoppedReason ?? '–'}
                </TableCell>
                <TableCell>{exitCodes(task)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
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
