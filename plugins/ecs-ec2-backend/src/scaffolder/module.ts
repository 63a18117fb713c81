import { createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';

/**
 * Scaffolder module with the ECS on EC2 template actions. The backend plugin's
 * default export installs it too; import it alone from `/scaffolder` to get the
 * actions without the entity endpoints.
 *
 * @public
 */
export const ecsEc2ScaffolderModule = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'ecs-ec2',
  register(env) {
    env.registerInit({
      deps: { scaffolderActions: scaffolderActionsExtensionPoint },
      async init({ scaffolderActions }) {
        scaffolderActions.addActions();
      },
    });
  },
});
