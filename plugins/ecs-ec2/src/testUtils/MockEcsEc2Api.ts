import { CompoundEntityRef } from '@backstage/catalog-model';
import { EcsEntityPicture } from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import { EcsEc2Api } from '../api';

/**
 * An {@link EcsEc2Api} that returns a fixed picture for every entity.
 *
 * @public
 */
export class MockEcsEc2Api implements EcsEc2Api {
  constructor(private readonly picture: EcsEntityPicture) {}

  async getEntityPicture(
    _entityRef: CompoundEntityRef,
  ): Promise<EcsEntityPicture> {
    return this.picture;
  }
}
