import { createFrontendPlugin } from '@backstage/frontend-plugin-api';

/**
 * The ECS on EC2 plugin for apps on the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'ecs-ec2',
  extensions: [],
});
