/**
 * Backend plugin for ECS on EC2: the live picture of a catalog entity's services,
 * and the scaffolder module with the ECS on EC2 template actions.
 *
 * @packageDocumentation
 */

import { createBackendFeatureLoader } from '@backstage/backend-plugin-api';
import { ecsEc2Plugin } from './plugin';
import { ecsEc2ScaffolderModule } from './scaffolder/module';

/**
 * Installs the `ecs-ec2` backend plugin together with the scaffolder module, so
 * `backend.add(import('@ecs-on-ec2/backstage-plugin-ecs-ec2-backend'))` is all a
 * portal needs.
 *
 * @public
 */
const ecsEc2Features = createBackendFeatureLoader({
  *loader() {
    yield ecsEc2Plugin;
    yield ecsEc2ScaffolderModule;
  },
});

export default ecsEc2Features;
export { ecsEc2Plugin };
