import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { AwsClients } from '../aws/AwsClients';
import { readSettings } from '../config';
import {
  removeDefaultLocalGitDirectoryOnShutdown,
  resolveApplyUrl,
  resolveLocalGitDirectory,
} from '../localGit';
import { createCheckTargetAction } from './actions/checkTarget';
import { createDemoApplyAction } from './actions/demoApply';
import { createGenerateTerraformAction } from './actions/generateTerraform';
import { createPublishLocalAction } from './actions/publishLocal';

/**
 * Scaffolder module with the ECS on EC2 template actions:
 * `ecs-ec2:terraform:generate`, `ecs-ec2:target:check`, `ecs-ec2:publish:local`
 * and `ecs-ec2:demo:apply`. Install it with
 * `backend.add(import('@ecs-on-ec2/backstage-plugin-ecs-ec2-backend/scaffolder'))`.
 *
 * @public
 */
export const ecsEc2ScaffolderModule = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'ecs-ec2',
  register(env) {
    env.registerInit({
      deps: {
        scaffolderActions: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        catalog: catalogServiceRef,
        rootLifecycle: coreServices.rootLifecycle,
        logger: coreServices.logger,
      },
      async init({ scaffolderActions, config, discovery, catalog, rootLifecycle, logger }) {
        // Without the git host the module may be the only user of the default
        // directory, so it removes it at shutdown too.
        removeDefaultLocalGitDirectoryOnShutdown({ config, lifecycle: rootLifecycle, logger });
        scaffolderActions.addActions(
          createGenerateTerraformAction(),
          createCheckTargetAction({
            catalog,
            awsClients: AwsClients.fromConfig(config, readSettings(config)),
          }),
          createPublishLocalAction({
            directory: resolveLocalGitDirectory(config),
            discovery,
          }),
          createDemoApplyAction({ simulatorUrl: resolveApplyUrl(config) }),
        );
      },
    });
  },
});
