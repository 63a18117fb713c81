import { createPlugin } from '@backstage/core-plugin-api';

/**
 * The ECS on EC2 plugin for apps on the legacy frontend system.
 *
 * @public
 */
export const ecsEc2Plugin = createPlugin({
  id: 'ecs-ec2',
});
