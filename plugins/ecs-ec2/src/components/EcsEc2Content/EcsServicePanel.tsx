import { useMemo } from 'react';
import Grid from '@material-ui/core/Grid';
import { EcsServiceView } from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import { decideRollout } from '../../lib/rollout';
import { checkHeadroom } from '../../lib/headroom';
import { ServiceSummary } from '../ServiceSummary/ServiceSummary';
import { Deployments } from '../Deployments/Deployments';
import { Headroom } from '../Headroom/Headroom';
import { TaskPlacement } from '../TaskPlacement/TaskPlacement';
import { InstanceUtilization } from '../InstanceUtilization/InstanceUtilization';
import { CapacityProviders } from '../CapacityProviders/CapacityProviders';

/** Every section of the tab for one ECS service. */
export function EcsServicePanel(props: { service: EcsServiceView }) {
  const { service } = props;
  const rollout = useMemo(() => decideRollout(service), [service]);
  const headroom = useMemo(() => checkHeadroom(service), [service]);

  return (
    <Grid container spacing={2}>
      <Grid item xs={12}>
        <ServiceSummary service={service} rollout={rollout} />
      </Grid>
      {/* The deployments table needs the full width of a 1440 px screen next to
          Backstage's sidebar; side by side with headroom only on wider screens. */}
      <Grid item xs={12} xl={7}>
        <Deployments service={service} rollout={rollout} />
      </Grid>
      <Grid item xs={12} xl={5}>
        <Headroom service={service} headroom={headroom} />
      </Grid>
      <Grid item xs={12}>
        <TaskPlacement service={service} />
      </Grid>
      <Grid item xs={12}>
        <InstanceUtilization service={service} />
      </Grid>
      <Grid item xs={12}>
        <CapacityProviders service={service} />
      </Grid>
    </Grid>
  );
}
