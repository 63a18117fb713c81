import { ReactNode } from 'react';
import {
  Link,
  StatusError,
  StatusOK,
  StatusPending,
} from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { EcsServiceView } from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import { Section } from '../shared/Section';
import { RolloutChip } from '../shared/RolloutChip';
import { RolloutVerdict } from '../../lib/rollout';
import { formatCpuUnits, formatGpus, formatMemory } from '../../lib/format';

function ServiceStatus(props: { status: string }) {
  if (props.status === 'ACTIVE') {
    return <StatusOK>ACTIVE</StatusOK>;
  }
  if (props.status === 'DRAINING') {
    return <StatusPending>DRAINING</StatusPending>;
  }
  return <StatusError>{props.status}</StatusError>;
}

function Figure(props: { label: string; children: ReactNode }) {
  return (
    <Grid item xs={6} sm={4} md={2}>
      <Typography variant="caption" color="textSecondary" component="div">
        {props.label}
      </Typography>
      <Typography variant="body1" component="div">
        {props.children}
      </Typography>
    </Grid>
  );
}

/** Status, task counts, revision and console link of one service. */
export function ServiceSummary(props: {
  service: EcsServiceView;
  rollout: RolloutVerdict;
}) {
  const { service, rollout } = props;
  const size = service.taskSize;
  return (
    <Section
      title={`Service ${service.serviceName}`}
      regionLabel={`Service summary ${service.serviceName}`}
      action={
        <Link
          to={service.consoleUrl}
          aria-label={`Open ${service.serviceName} in the AWS console`}
        >
          Open in AWS console
        </Link>
      }
    >
      <Grid container spacing={2}>
        <Figure label="Status">
          <ServiceStatus status={service.status} />
        </Figure>
        <Figure label="Tasks">
          <span aria-label="Task counts">
            {service.runningCount} running / {service.desiredCount} desired
            {service.pendingCount > 0
              ? ` / ${service.pendingCount} pending`
              : ''}
          </span>
        </Figure>
        <Figure label="Task definition">
          {service.taskDefinitionFamily}:{service.taskDefinitionRevision}
        </Figure>
        <Figure label="Latest rollout">
          <RolloutChip state={rollout.state} /> revision {rollout.revision}
        </Figure>
        <Figure label="Task size">
          {formatCpuUnits(size.cpu)}, {formatMemory(size.memoryMiB)}
          {size.gpus > 0 ? `, ${formatGpus(size.gpus)}` : ''}
        </Figure>
        <Figure label="Cluster">
          {service.clusterName} ({service.region}, {service.accountId})
        </Figure>
      </Grid>
    </Section>
  );
}
