import { useState } from 'react';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Alert from '@material-ui/lab/Alert';
import {
  ECS_EC2_SERVICE_ARN_ANNOTATION,
  AWSLABS_ECS_SERVICE_ARN_ANNOTATION,
} from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import { isEcsEc2Available } from '../../isEcsEc2Available';
import { useEcsEntityPicture } from '../../hooks/useEcsEntityPicture';
import { EcsEntityPictureView } from './EcsEntityPictureView';
import { RefreshControls } from './RefreshControls';

/** Props of {@link EcsEc2Content}. @public */
export interface EcsEc2ContentProps {
  /** Seconds between automatic refreshes; 15 by default. */
  refreshIntervalSeconds?: number;
}

function EcsEc2EntityView(props: { refreshIntervalSeconds: number }) {
  const { entity } = useEntity();
  const [paused, setPaused] = useState(false);
  const state = useEcsEntityPicture(getCompoundEntityRef(entity), {
    intervalMs: props.refreshIntervalSeconds * 1000,
    paused,
  });

  const controls = (
    <RefreshControls
      receivedAt={state.receivedAt}
      loading={state.loading}
      paused={paused}
      intervalSeconds={props.refreshIntervalSeconds}
      onTogglePause={() => setPaused(value => !value)}
      onRefresh={state.refresh}
    />
  );

  if (!state.picture) {
    if (state.error) {
      return (
        <>
          {controls}
          <ResponseErrorPanel error={state.error} />
        </>
      );
    }
    return <Progress />;
  }

  return (
    <>
      {controls}
      {state.error && (
        // A failed refresh keeps the last picture, which is still useful.
        <Alert
          severity="error"
          aria-label="Refresh failed"
          style={{ marginBottom: 16 }}
        >
          Refresh failed, showing data from the last successful update:{' '}
          {state.error.message}
        </Alert>
      )}
      <EcsEntityPictureView picture={state.picture} />
    </>
  );
}

/**
 * The ECS tab of a catalog entity: service health, deployments, task placement,
 * instance utilization, capacity providers and headroom.
 *
 * @public
 */
export function EcsEc2Content(props: EcsEc2ContentProps) {
  const { entity } = useEntity();
  if (!isEcsEc2Available(entity)) {
    return (
      <MissingAnnotationEmptyState
        annotation={[
          ECS_EC2_SERVICE_ARN_ANNOTATION,
          AWSLABS_ECS_SERVICE_ARN_ANNOTATION,
        ]}
      />
    );
  }
  return (
    <EcsEc2EntityView
      refreshIntervalSeconds={props.refreshIntervalSeconds ?? 15}
    />
  );
}
