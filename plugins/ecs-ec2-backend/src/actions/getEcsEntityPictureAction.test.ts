import { createServiceFactory } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { mockCredentials, mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { buildCluster, componentWithArns } from '../__testUtils__/buildCluster';
import { installFakeAws } from '../__testUtils__/fakeAws';
import { ecsEc2Plugin } from '../plugin';

const ARN = 'arn:aws:ecs:us-east-1:123456789012:service/demo/web';
// The mock registry prefixes actions with `test:`; a real backend registers ecs-ec2:get-ecs-entity-picture.
const ACTION_ID = 'test:get-ecs-entity-picture';

async function startWithRegistry(permission: AuthorizeResult.ALLOW | AuthorizeResult.DENY) {
  const registry = actionsRegistryServiceMock();
  await startTestBackend({
    features: [
      ecsEc2Plugin,
      createServiceFactory({
        service: actionsRegistryServiceRef,
        deps: {},
        factory: () => registry,
      }),
      mockServices.rootConfig.factory({
        data: {
          aws: {
            accounts: [
              { accountId: '123456789012', accessKeyId: 'AKIA123456789012', secretAccessKey: 'test' },
            ],
          },
        },
      }),
      catalogServiceMock.factory({ entities: [componentWithArns('web', [ARN])] }),
      mockServices.permissions.factory({ result: permission }),
    ],
  });
  return registry;
}

describe('get-ecs-entity-picture action', () => {
  const aws = installFakeAws([
    buildCluster({ name: 'demo', services: { web: 3 }, instances: 2, capacityProviders: 1 }),
  ]);
  afterAll(() => aws.restore());

  it('returns the picture of an entity for the caller', async () => {
    const registry = await startWithRegistry(AuthorizeResult.ALLOW);
    const { output } = await registry.invoke({
      id: ACTION_ID,
      input: { entityRef: 'web' },
      credentials: mockCredentials.user(),
    });
    const picture = (output as any).picture;

    expect(picture.entityRef).toBe('component:default/web');
    expect(picture.services[0].serviceArn).toBe(ARN);
    expect(picture.services[0].tasks).toHaveLength(3);
  });

  it('rejects an ARN passed beside the entity reference', async () => {
    const registry = await startWithRegistry(AuthorizeResult.ALLOW);
    aws.resetCalls();

    await expect(
      registry.invoke({
        id: ACTION_ID,
        input: { entityRef: 'web', arn: 'arn:aws:ecs:us-east-1:210987654321:service/other/secret' },
        credentials: mockCredentials.user(),
      }),
    ).rejects.toThrow(/arn/);
    expect(aws.totalCalls()).toBe(0);
  });

  it('rejects a caller without the read permission', async () => {
    const registry = await startWithRegistry(AuthorizeResult.DENY);

    await expect(
      registry.invoke({
        id: ACTION_ID,
        input: { entityRef: 'component:default/web' },
        credentials: mockCredentials.user(),
      }),
    ).rejects.toThrow(/Not allowed/);
  });
});
