import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { startSimulator } from '@ecs-on-ec2/ecs-simulator';

/**
 * Runs the ECS simulator inside the demo backend, so the README's start command
 * brings up a simulated AWS account with no separate process. It does nothing
 * unless `ecsSimulator.enabled` is true, which only the demo config sets.
 */
export const demoSimulatorPlugin = createBackendPlugin({
  pluginId: 'ecs-simulator',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        lifecycle: coreServices.rootLifecycle,
      },
      async init({ config, logger, lifecycle }) {
        const settings = config.getOptionalConfig('ecsSimulator');
        if (!settings?.getOptionalBoolean('enabled')) {
          return;
        }

        const simulator = await startSimulator({
          scenario: settings.getOptionalString('scenario') ?? 'demo',
          port: settings.getOptionalNumber('port') ?? 4599,
          clock: 'real',
        });
        logger.info(`ECS simulator serving the demo scenario at ${simulator.url}`);

        lifecycle.addShutdownHook(async () => {
          await simulator.stop();
        });
      },
    });
  },
});
