import { Fragment, ReactNode, useState } from 'react';
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
  // The stop code sits above the reason, which saves a column. The reason is
  // the only free text, so it takes the spare width and wraps between words.
  // Backstage's theme sets `word-break: break-word` on table cells, which lets
  // the table squeeze a column below its longest word and break words in the
  // middle. With `normal`, the longest word sets the minimum width instead.
  reason: {
    minWidth: 240,
    wordBreak: 'normal',
  },
  // One container per line, each "name: exit code N" kept on one line.
  exitCodes: {
    minWidth: 160,
  },
  exitCode: {
    display: 'block',
    whiteSpace: 'nowrap',
    lineHeight: 1.5,
  },
});

/**
 * Inserts a line break opportunity (`<wbr>`) after each ":" and "/", so that an
 * ARN or a path in a reason wraps at its separators instead of widening the table.
 */
function withBreaksInIdentifiers(text: string): ReactNode[] {
  return text.split(/(?<=[:/])/).map((part, index) => (
    <Fragment key={index}>
      {index > 0 && <wbr />}
      {part}
    </Fragment>
  ));
}

function ExitCodes(props: { task: EcsTaskView; className: string }) {
  const exited = props.task.containers.filter(
    container => container.exitCode !== undefined,
  );
  if (exited.length === 0) {
    return <>–</>;
  }
  return (
    <>
      {exited.map(container => (
        <span key={container.name} className={props.className}>
          {container.name}: exit code {container.exitCode}
        </span>
      ))}
    </>
  );
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
              <TableCell className={classes.nowrap}>
                Stop code and reason
              </TableCell>
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
                <TableCell className={classes.reason}>
                  <Typography
                    variant="caption"
                    color="textSecondary"
                    component="div"
                    className={classes.nowrap}
                  >
                    {task.stopCode ?? '–'}
                  </Typography>
                  <Typography variant="body2" component="div">
                    {task.stoppedReason
                      ? withBreaksInIdentifiers(task.stoppedReason)
                      : '–'}
                  </Typography>
                </TableCell>
                <TableCell className={classes.exitCodes}>
                  <ExitCodes task={task} className={classes.exitCode} />
                </TableCell>
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
