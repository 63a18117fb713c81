import { screen } from '@testing-library/react';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { Entity } from '@backstage/catalog-model';
import { ecsEc2ApiRef } from './api';
import { ecsEc2EntityContent } from './alpha';
import { MockEcsEc2Api, healthyServicePicture } from './testUtils';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'gpu-inference',
    annotations: {
      'aws.amazon.com/amazon-ecs-service-arn':
        'arn:aws:ecs:us-west-2:123456789012:service/ml-inference/gpu-inference',
    },
  },
  spec: { type: 'service', owner: 'ml-team', lifecycle: 'production' },
};

describe('ecsEc2EntityContent', () => {
  it('mounts the ECS tab at ecs for annotated entities only', () => {
    const tester = createExtensionTester(ecsEc2EntityContent);

    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('ECS');
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(filter?.(entity)).toBe(true);
    expect(filter?.({ ...entity, metadata: { name: 'plain' } })).toBe(false);
  });

  it('renders the service of the entity', async () => {
    const tester = createExtensionTester(ecsEc2EntityContent, {
      apis: [[ecsEc2ApiRef, new MockEcsEc2Api(healthyServicePicture())]],
    });

    renderInTestApp(
      <EntityProvider entity={entity}>{tester.reactElement()}</EntityProvider>,
      { apis: [[ecsEc2ApiRef, new MockEcsEc2Api(healthyServicePicture())]] },
    );

    expect(
      await screen.findByRole('region', { name: 'Service summary web-api' }),
    ).toBeInTheDocument();
  });
});
