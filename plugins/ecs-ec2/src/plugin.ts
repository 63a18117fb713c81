import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { EcsEc2Client, ecsEc2ApiRef } from './api';

/**
 * The ECS on EC2 plugin for apps on the legacy frontend system.
 *
 * @public
 */
export const ecsEc2Plugin = createPlugin({
  id: 'ecs-ec2',
  apis: [
    createApiFactory({
      api: ecsEc2ApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new EcsEc2Client({ discoveryApi, fetchApi }),
    }),
  ],
});

/**
 * The ECS tab for the entity page of the legacy frontend system. Render it inside
 * an `EntityLayout.Route` guarded by {@link isEcsEc2Available}.
 *
 * @public
 */
export const EntityEcsEc2Content = ecsEc2Plugin.provide(
  createComponentExtension({
    name: 'EntityEcsEc2Content',
    component: {
      lazy: () =>
        import('./components/EcsEc2Content').then(m => m.EcsEc2Content),
    },
  }),
);
