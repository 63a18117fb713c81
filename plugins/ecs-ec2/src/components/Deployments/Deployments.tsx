import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import {
  EcsDeploymentView,
  EcsServiceView,
} from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import { Section } from '../shared/Section';
import { RolloutChip } from '../shared/RolloutChip';
import { UsageBar } from '../shared/UsageBar';
import { RolloutVerdict } from '../../lib/rollout';
import { formatTime, ratio } from '../../lib/format';
import { deploymentColours } from '../../lib/palette';
import { ServiceEvents } from './ServiceEvents';

const useStyles = makeStyles(theme => ({
  // Narrow screens scroll the table sideways instead of breaking words.
  scroller: {
    overflowX: 'auto',
  },
  cell: {
    whiteSpace: 'nowrap',
    paddingLeft: theme.spacing(1),
    paddingRight: theme.spacing(1),
  },
  // Only the rollout reason wraps, at word boundaries.
  rolloutCell: {
    minWidth: 180,
    paddingLeft: theme.spacing(1),
    paddingRight: theme.spacing(1),
  },
  tasksCell: {
    minWidth: 160,
    whiteSpace: 'nowrap',
    paddingLeft: theme.spacing(1),
    paddingRight: theme.spacing(1),
  },
}));

function VerdictAlert(props: { rollout: RolloutVerdict }) {
  const { rollout } = props;
  if (rollout.state === 'FAILED') {
    const rolledBack =
      rollout.rolledBackToRevision !== undefined
        ? ` The circuit breaker rolled back to revision ${
            rollout.rolledBackToRevision
          }${rollout.historyStatus ? ` (${rollout.historyStatus})` : ''}.`
        : '';
    return (
      <Alert severity="error" aria-label="Rollout outcome">
        Deployment of revision {rollout.revision} FAILED
        {rollout.reason ? `: ${rollout.reason}` : '.'}
        {rolledBack} {rollout.failedTasks} failed task
        {rollout.failedTasks === 1 ? '' : 's'}.
      </Alert>
    );
  }
  if (rollout.state === 'IN_PROGRESS') {
    return (
      <Alert severity="info" aria-label="Rollout outcome">
        Rollout of revision {rollout.revision} IN PROGRESS:{' '}
        {Math.round(rollout.progress * 100)}% of the desired tasks run.
      </Alert>
    );
  }
  return (
    <Alert severity="success" aria-label="Rollout outcome">
      Revision {rollout.revision} COMPLETED
      {rollout.reason ? `: ${rollout.reason}` : '.'}
    </Alert>
  );
}

function DeploymentRow(props: {
  deployment: EcsDeploymentView;
  index: number;
  rollout: RolloutVerdict;
}) {
  const { deployment, index, rollout } = props;
  const classes = useStyles();
  const isRollbackTarget =
    rollout.rolledBackToRevision === deployment.taskDefinitionRevision &&
    rollout.revision !== deployment.taskDefinitionRevision;
  return (
    <TableRow>
      <TableCell className={classes.cell}>
        <span
          aria-hidden
          style={{
            display: 'inline-block',
            width: 10,
            height: 10,
            marginRight: 6,
            background: deploymentColours[index % deploymentColours.length],
          }}
        />
        {deployment.status}
      </TableCell>
      <TableCell className={classes.cell}>
        {deployment.taskDefinitionRevision}
        {isRollbackTarget ? ' (rollback)' : ''}
      </TableCell>
      <TableCell className={classes.rolloutCell}>
        {deployment.rolloutState ? (
          <RolloutChip state={deployment.rolloutState} />
        ) : (
          '–'
        )}
        {deployment.rolloutStateReason && (
          <Typography variant="caption" component="div">
            {deployment.rolloutStateReason}
          </Typography>
        )}
      </TableCell>
      <TableCell className={classes.tasksCell}>
        <UsageBar
          label={`Deployment ${deployment.taskDefinitionRevision} progress`}
          value={ratio(deployment.runningCount, deployment.desiredCount)}
          colour={deploymentColours[index % deploymentColours.length]}
        />
        <Typography variant="caption">
          {deployment.runningCount} running / {deployment.desiredCount} desired
          {deployment.pendingCount > 0
            ? ` / ${deployment.pendingCount} pending`
            : ''}
        </Typography>
      </TableCell>
      <TableCell className={classes.cell}>{deployment.failedTasks}</TableCell>
      <TableCell className={classes.cell}>
        {formatTime(deployment.createdAt)}
      </TableCell>
    </TableRow>
  );
}

/** Rollout state, circuit breaker and event timeline of one service. */
export function Deployments(props: {
  service: EcsServiceView;
  rollout: RolloutVerdict;
}) {
  const { service, rollout } = props;
  const breaker = service.deploymentConfiguration.circuitBreaker;
  const [showEvents, setShowEvents] = useState(false);
  const classes = useStyles();

  return (
    <Section
      title="Deployments"
      regionLabel={`Deployments ${service.serviceName}`}
    >
      <VerdictAlert rollout={rollout} />
      <Box mt={1}>
        <Typography variant="body2">
          Deployment circuit breaker:{' '}
          {breaker.enable
            ? `on, ${
                breaker.rollback ? 'rolls back on failure' : 'no rollback'
              }`
            : 'off'}
          {service.deploymentConfiguration.minimumHealthyPercent !==
            undefined &&
            ` · minimum healthy ${service.deploymentConfiguration.minimumHealthyPercent}%`}
          {service.deploymentConfiguration.maximumPercent !== undefined &&
            ` · maximum ${service.deploymentConfiguration.maximumPercent}%`}
        </Typography>
      </Box>
      <div className={classes.scroller}>
        <Table
          size="small"
          aria-label={`Deployments of ${service.serviceName}`}
        >
          <TableHead>
            <TableRow>
              <TableCell className={classes.cell}>Status</TableCell>
              <TableCell className={classes.cell}>Revision</TableCell>
              <TableCell className={classes.cell}>Rollout state</TableCell>
              <TableCell className={classes.cell}>Tasks</TableCell>
              <TableCell className={classes.cell}>Failed tasks</TableCell>
              <TableCell className={classes.cell}>Created</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {service.deployments.map((deployment, index) => (
              <DeploymentRow
                key={deployment.id}
                deployment={deployment}
                index={index}
                rollout={rollout}
              />
            ))}
          </TableBody>
        </Table>
      </div>
      <Box mt={2}>
        <Typography variant="subtitle2" component="h4">
          Service events
        </Typography>
        {/* The five newest events answer most questions, and the full list is long. */}
        <ServiceEvents
          events={showEvents ? service.events : service.events.slice(0, 5)}
        />
        {service.events.length > 5 && (
          <Button
            size="small"
            variant="outlined"
            aria-expanded={showEvents}
            onClick={() => setShowEvents(shown => !shown)}
          >
            {showEvents
              ? 'Show the five newest events'
              : `Show all ${service.events.length} events`}
          </Button>
        )}
      </Box>
    </Section>
  );
}
