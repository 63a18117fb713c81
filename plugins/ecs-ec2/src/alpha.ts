import { createElement } from 'react';
import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { EcsEc2Client, ecsEc2ApiRef } from './api';
import { isEcsEc2Available } from './isEcsEc2Available';

/**
 * The {@link EcsEc2Api} client, as an API extension.
 *
 * @alpha
 */
export const ecsEc2Api = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: ecsEc2ApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new EcsEc2Client({ discoveryApi, fetchApi }),
    }),
});

/**
 * The ECS tab of entities that carry an ECS on EC2 annotation.
 *
 * @alpha
 */
export const ecsEc2EntityContent = EntityContentBlueprint.make({
  params: {
    path: 'ecs',
    title: 'ECS',
    filter: isEcsEc2Available,
    loader: () =>
      import('./components/EcsEc2Content').then(m =>
        createElement(m.EcsEc2Content),
      ),
  },
});

/**
 * The ECS on EC2 plugin for apps on the new frontend system.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'ecs-ec2',
  extensions: [ecsEc2Api, ecsEc2EntityContent],
});
