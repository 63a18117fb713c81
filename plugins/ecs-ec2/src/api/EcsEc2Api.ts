import { createApiRef } from '@backstage/core-plugin-api';
import { CompoundEntityRef } from '@backstage/catalog-model';
import { EcsEntityPicture } from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';

/**
 * Client of the ECS on EC2 backend.
 *
 * @public
 */
export interface EcsEc2Api {
  /**
   * Fetches the ECS services, tasks, container instances and capacity providers
   * of one catalog entity.
   */
  getEntityPicture(
    entityRef: CompoundEntityRef,
    options?: { signal?: AbortSignal },
  ): Promise<EcsEntityPicture>;
}

/**
 * Reference of the {@link EcsEc2Api}.
 *
 * @public
 */
export const ecsEc2ApiRef = createApiRef<EcsEc2Api>({
  id: 'plugin.ecs-ec2.service',
});
