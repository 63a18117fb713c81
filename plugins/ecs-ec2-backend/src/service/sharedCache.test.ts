import { cacheServiceFactory } from '@backstage/backend-defaults/cache';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { buildCluster, componentWithArns } from '../__testUtils__/buildCluster';
import { installFakeAws } from '../__testUtils__/fakeAws';
import {
  hasRedisServer,
  RedisServer,
  startRedisServer,
} from '../__testUtils__/redisServer';
import { ecsEc2Plugin } from '../plugin';

/**
 * Redis stores the cache service opened. A stopped backend leaves their clients
 * connected, and a client without an `error` listener crashes the test file when
 * the server goes away, so the test quits them itself.
 */
const redisStores: { disconnect(force?: boolean): Promise<void> }[] = [];

jest.mock('@keyv/redis', () => {
  const actual = jest.requireActual('@keyv/redis');
  class TrackedKeyvRedis extends actual.default {
    constructor(...args: unknown[]) {
      super(...args);
      redisStores.push(this as any);
    }
  }
  return { ...actual, __esModule: true, default: TrackedKeyvRedis };
});

const redisAvailable = hasRedisServer();
if (!redisAvailable) {
  // eslint-disable-next-line no-console
  console.warn(
    'Skipping the shared cache test: redis-server is not installed (apt-get install redis-server).',
  );
}
const describeWithRedis = redisAvailable ? describe : describe.skip;

describeWithRedis('picture cache shared through Redis', () => {
  let redis: RedisServer | undefined;
  const backends: { stop(): Promise<void> }[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
  });

  // Backends first, then their Redis clients, so none is connected when the server goes away.
  afterAll(async () => {
    await Promise.all(backends.map(backend => backend.stop()));
    await Promise.all(redisStores.map(store => store.disconnect()));
    await redis?.stop();
  });

  it('serves a second backend instance from the cache without AWS calls', async () => {
    const arn = 'arn:aws:ecs:us-east-1:123456789012:service/demo/web';
    const cluster = buildCluster({ name: 'demo', services: { web: 30 }, instances: 4, capacityProviders: 2 });
    const entity = componentWithArns('web', [arn]);
    const aws = installFakeAws([cluster]);

    const startReplica = async () => {
      const backend = await startTestBackend({
        features: [
          ecsEc2Plugin,
          cacheServiceFactory,
          mockServices.rootConfig.factory({
            data: {
              backend: { cache: { store: 'redis', connection: redis!.url } },
              ecsEc2: { cache: { ttlSeconds: 60 } },
              aws: {
                accounts: [
                  { accountId: '123456789012', accessKeyId: 'AKIA123456789012', secretAccessKey: 'test' },
                ],
              },
            },
          }),
          catalogServiceMock.factory({ entities: [entity] }),
        ],
      });
      backends.push(backend);
      return backend;
    };

    const first = await startReplica();
    const second = await startReplica();
    try {
      const fromAws = await request(first.server).get('/api/ecs-ec2/entities/default/component/web');
      const callsOfFirst = aws.totalCalls();
      aws.resetCalls();
      const fromCache = await request(second.server).get('/api/ecs-ec2/entities/default/component/web');

      expect(fromAws.status).toBe(200);
      expect(callsOfFirst).toBeGreaterThan(0);
      expect(fromCache.status).toBe(200);
      expect(fromCache.body).toEqual(fromAws.body);
      expect(aws.totalCalls()).toBe(0);
    } finally {
      aws.restore();
    }
  });
});
