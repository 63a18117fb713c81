import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import Router from 'express-promise-router';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { ecsEc2Permissions } from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import { registerGetEcsEntityPictureAction } from './actions/getEcsEntityPictureAction';
import { AwsClients } from './aws/AwsClients';
import { readSettings } from './config';
import { createLocalGitRouter, LOCAL_GIT_ROUTE_PREFIX } from './localGit';
import { createRouter } from './router';
import { EcsPictureService } from './service/EcsPictureService';

/**
 * The ECS on EC2 backend plugin, mounted at `/api/ecs-ec2`.
 *
 * @public
 */
export const ecsEc2Plugin = createBackendPlugin({
  pluginId: 'ecs-ec2',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        rootLifecycle: coreServices.rootLifecycle,
        cache: coreServices.cache,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init({
        config,
        logger,
        rootLifecycle,
        cache,
        httpAuth,
        httpRouter,
        permissions,
        permissionsRegistry,
        catalog,
        actionsRegistry,
      }) {
        const settings = readSettings(config);
        permissionsRegistry.addPermissions(ecsEc2Permissions);

        const pictures = new EcsPictureService({
          clients: AwsClients.fromConfig(config, settings),
          cache,
          cacheTtlMs: settings.cacheTtlMs,
          logger,
        });
        const deps = { catalog, permissions, pictures };

        registerGetEcsEntityPictureAction(actionsRegistry, deps);
        httpRouter.use(await createRouter({ ...deps, httpAuth }));
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });

        // The demo's git host serves published repositories to the catalog and
        // to `git clone`, neither of which sends a Backstage token.
        if (config.getOptionalBoolean('ecsEc2.localGit.enabled')) {
          const gitRouter = await createLocalGitRouter({
            config,
            logger,
            lifecycle: rootLifecycle,
          });
          httpRouter.use(Router().use(LOCAL_GIT_ROUTE_PREFIX, gitRouter));
          httpRouter.addAuthPolicy({
            path: LOCAL_GIT_ROUTE_PREFIX,
            allow: 'unauthenticated',
          });
          logger.info(`Serving published repositories at ${LOCAL_GIT_ROUTE_PREFIX}`);
        }

        if (settings.endpoint) {
          logger.info(
            `AWS calls go to ${settings.endpoint} instead of the AWS endpoints`,
          );
        }
      },
    });
  },
});
