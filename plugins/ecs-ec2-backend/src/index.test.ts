import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import ecsEc2Features from './index';

describe('default export', () => {
  it('installs the ecs-ec2 plugin', async () => {
    const { server } = await startTestBackend({
      features: [
        ecsEc2Features,
        mockServices.rootConfig.factory({ data: {} }),
        catalogServiceMock.factory(),
      ],
    });
    const response = await request(server).get('/api/ecs-ec2/health');

    expect(response.body).toEqual({ status: 'ok' });
  });
});
