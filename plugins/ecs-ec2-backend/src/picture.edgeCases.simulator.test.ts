import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { EcsEntityPicture } from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import { Scenario, Simulator, startSimulator } from '@ecs-on-ec2/ecs-simulator';
import request from 'supertest';
import { componentWithAnnotations } from './__testUtils__/buildCluster';
import { minimumCallsForService, total } from './picture/minimumCalls';
import { ecsEc2Plugin } from './plugin';

const ACCOUNT = '123456789012';
/** An account created before the long ARN format, so its ARNs carry no cluster name. */
const LEGACY_ACCOUNT = '210987654321';
const DENIED_ACCOUNT = '333333333333';

const serviceArn = (cluster: string, name: string, account = ACCOUNT, region = 'us-east-1') =>
  `arn:aws:ecs:${region}:${account}:service/${cluster}/${name}`;

const container = (name: string) => ({
  name,
  image: `public.ecr.aws/edge/${name}:1`,
  cpu: 256,
  memory: 512,
});

/** Small clusters in three accounts, for the cases the demo scenario does not cover. */
const edgeScenario: Scenario = {
  accounts: [
    { id: ACCOUNT, accessKeyIds: ['EDGEKEY'] },
    { id: LEGACY_ACCOUNT, accessKeyIds: ['LEGACYKEY'], longArnFormat: false },
    { id: DENIED_ACCOUNT, accessKeyIds: ['DENIEDKEY'] },
  ],
  clusters: [
    ...[ACCOUNT, LEGACY_ACCOUNT, DENIED_ACCOUNT].map(account => ({
      name: account === LEGACY_ACCOUNT ? 'legacy' : 'edge',
      account,
      containerInsights: true,
      capacityProviders: [
        { name: 'edge-on-demand', instances: [{ type: 'm6i.large', count: 2 }] },
      ],
      taskDefinitions: [
        { family: 'web', revision: 1, containers: [container('web')] },
        { family: 'idle', revision: 1, containers: [container('idle')] },
      ],
      services: [
        {
          name: 'web',
          taskDefinition: 'web:1',
          desiredCount: 3,
          capacityProviderStrategy: [{ capacityProvider: 'edge-on-demand', weight: 1 }],
        },
        {
          name: 'idle',
          taskDefinition: 'idle:1',
          desiredCount: 0,
          capacityProviderStrategy: [{ capacityProvider: 'edge-on-demand', weight: 1 }],
        },
      ],
    })),
  ],
};

const entities = [
  componentWithAnnotations('idle', { 'ecs-ec2.io/service-arn': serviceArn('edge', 'idle') }),
  componentWithAnnotations('web', { 'ecs-ec2.io/service-arn': serviceArn('edge', 'web') }),
  // The old format names no cluster, so the cluster comes from its own annotation.
  componentWithAnnotations('legacy-web', {
    'ecs-ec2.io/service-arn': `arn:aws:ecs:us-east-1:${LEGACY_ACCOUNT}:service/web`,
    'ecs-ec2.io/cluster': 'legacy',
  }),
  componentWithAnnotations('two-accounts', {
    'ecs-ec2.io/service-arn': [
      serviceArn('edge', 'web'),
      serviceArn('edge', 'web', DENIED_ACCOUNT),
    ].join(','),
  }),
];

async function startBackend(
  simulator: Simulator,
  options: { entities: Entity[]; permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY },
) {
  const keys: Record<string, string> = {
    [ACCOUNT]: 'EDGEKEY',
    [LEGACY_ACCOUNT]: 'LEGACYKEY',
    [DENIED_ACCOUNT]: 'DENIEDKEY',
  };
  const { server } = await startTestBackend({
    features: [
      ecsEc2Plugin,
      mockServices.rootConfig.factory({
        data: {
          // TTL 0 so every request reaches the simulator and its call counts.
          ecsEc2: { aws: { endpoint: simulator.url, maxAttempts: 2 }, cache: { ttlSeconds: 0 } },
          aws: {
            accounts: Object.entries(keys).map(([accountId, accessKeyId]) => ({
              accountId,
              accessKeyId,
              secretAccessKey: 'simulated',
            })),
          },
        },
      }),
      catalogServiceMock.factory({ entities: options.entities }),
      mockServices.permissions.factory({ result: options.permission ?? AuthorizeResult.ALLOW }),
    ],
  });
  return async (name: string) => {
    const response = await request(server).get(`/api/ecs-ec2/entities/default/component/${name}`);
    return { status: response.status, body: response.body as EcsEntityPicture };
  };
}

describe('entity picture edge cases against the ECS simulator', () => {
  let simulator: Simulator;
  let get: Awaited<ReturnType<typeof startBackend>>;

  beforeAll(async () => {
    simulator = await startSimulator({ scenario: edgeScenario, port: 0, clock: 'real' });
    get = await startBackend(simulator, { entities });
  });
  afterAll(async () => {
    await simulator?.stop();
  });
  beforeEach(() => {
    simulator.setFaults({});
    simulator.resetCalls();
  });

  it('shows a service without tasks and skips DescribeTasks', async () => {
    const { status, body } = await get('idle');

    expect(status).toBe(200);
    expect(body.services[0].desiredCount).toBe(0);
    expect(body.services[0].tasks).toEqual([]);
    expect(body.warnings).toEqual([]);
    expect(simulator.calls()['ECS.DescribeTasks']).toBeUndefined();
  });

  it('reads a service, tasks and instances with old-format ARNs', async () => {
    const { body } = await get('legacy-web');
    const service = body.services[0];

    expect(service.accountId).toBe(LEGACY_ACCOUNT);
    expect(service.clusterName).toBe('legacy');
    expect(service.serviceArn).toBe(`arn:aws:ecs:us-east-1:${LEGACY_ACCOUNT}:service/web`);
    expect(service.tasks.filter(t => t.lastStatus === 'RUNNING')).toHaveLength(3);
    for (const task of service.tasks) {
      expect(task.taskArn).toMatch(/:task\/[0-9a-f]{32}$/);
      expect(task.taskId).toBe(task.taskArn.split('/').pop());
      expect(task.containerInstanceArn).toMatch(/:container-instance\/[0-9a-f]{32}$/);
      // Tasks are joined to their instances through the old-format ARN.
      expect(task.ec2InstanceId).toMatch(/^i-/);
    }
    expect(body.warnings).toEqual([]);
  });

  it('reports tasks and instances that AWS lists but describes as MISSING', async () => {
    simulator.setFaults({ missingRate: 1 });
    const { status, body } = await get('web');
    const service = body.services[0];

    expect(status).toBe(200);
    expect(service.runningCount).toBe(3);
    expect(service.tasks).toEqual([]);
    expect(body.warnings.map(w => [w.code, w.part, w.message.split(' ')[0]])).toEqual([
      ['MISSING', 'Container instances of cluster edge', '2'],
      ['MISSING', 'Tasks of service web', '3'],
    ]);
  });

  it('retries a throttled ListTasks, then warns and still shows the service', async () => {
    simulator.setFaults({
      throttling: { ratePerSecond: 0.001, burst: 0, operations: ['ECS.ListTasks'] },
    });
    // A backend of its own, because the adaptive retry slows down the client it throttled.
    const getThrottled = await startBackend(simulator, { entities });
    const { status, body } = await getThrottled('web');

    expect(status).toBe(200);
    expect(body.services[0].serviceName).toBe('web');
    expect(body.services[0].capacityProviders.map(p => p.name)).toEqual(['edge-on-demand']);
    expect(body.warnings.map(w => `${w.code} ${w.part}`).sort()).toEqual([
      'THROTTLED Stopped tasks of service web',
      'THROTTLED Tasks of service web',
    ]);
    // Running and stopped lists, each tried maxAttempts (2) times.
    expect(simulator.calls()['ECS.ListTasks']).toBe(4);
  }, 30_000);

  it('keeps the service of one account when the other account is denied', async () => {
    simulator.setFaults({ accessDeniedAccounts: [DENIED_ACCOUNT] });
    const { status, body } = await get('two-accounts');

    expect(status).toBe(200);
    expect(body.services.map(s => s.accountId)).toEqual([ACCOUNT]);
    expect(body.services[0].tasks.filter(t => t.lastStatus === 'RUNNING')).toHaveLength(3);
    expect(body.warnings.map(w => [w.code, w.serviceArn])).toEqual([
      ['ACCESS_DENIED', serviceArn('edge', 'web', DENIED_ACCOUNT)],
    ]);
    // The AWS message names the role; it stays in the log.
    expect(JSON.stringify(body)).not.toMatch(/assumed-role|arn:aws:sts/);
  });

  it('returns 404 without calling AWS for an entity the user cannot see', async () => {
    const getNothing = await startBackend(simulator, { entities: [] });
    const { status } = await getNothing('web');

    expect(status).toBe(404);
    expect(total(simulator.calls())).toBe(0);
  });

  it('returns 403 without calling AWS when the permission is denied', async () => {
    const getDenied = await startBackend(simulator, { entities, permission: AuthorizeResult.DENY });
    const { status } = await getDenied('web');

    expect(status).toBe(403);
    expect(total(simulator.calls())).toBe(0);
  });
});

describe('entity picture of the scale scenario', () => {
  let simulator: Simulator;
  let get: Awaited<ReturnType<typeof startBackend>>;
  const names = ['bulk', ...Array.from({ length: 24 }, (_, i) => `svc-${String(i + 1).padStart(2, '0')}`)];

  beforeAll(async () => {
    simulator = await startSimulator({ scenario: 'scale', port: 0, clock: 'real' });
    get = await startBackend(simulator, {
      entities: [
        componentWithAnnotations('bulk', { 'ecs-ec2.io/service-arn': serviceArn('scale', 'bulk') }),
        componentWithAnnotations('all', { 'ecs-ec2.io/service-arn': names.map(name => serviceArn('scale', name)).join(',') }),
      ],
    });
  }, 30_000);
  afterAll(async () => {
    await simulator?.stop();
  });
  beforeEach(() => simulator.resetCalls());

  it('shows 25 services of one cluster, describing them 10 at a time', async () => {
    const { body } = await get('all');
    const calls = simulator.calls();

    expect(body.services.map(s => s.serviceName)).toEqual(names);
    expect(body.warnings).toEqual([]);
    expect(calls['ECS.DescribeServices']).toBe(3);
    // The cluster's instances are listed once for all 25 services.
    expect(calls['ECS.ListContainerInstances']).toBe(4);
    expect(calls['ECS.DescribeContainerInstances']).toBe(4);
  });

  it('reads 2,000 tasks with the fewest calls', async () => {
    const { body } = await get('bulk');
    const service = body.services[0];
    const running = service.tasks.filter(t => t.lastStatus !== 'STOPPED').length;

    expect(running).toBe(2000);
    expect(service.containerInstances).toHaveLength(400);
    expect(service.capacityProviders).toHaveLength(12);
    expect(service.capacityProviders.every(p => p.autoScalingGroup?.inServiceCount)).toBe(true);
    // Every third pool of the scenario is a Spot pool, and the first four pools have 34 instances.
    const spotInService = service.capacityProviders
      .filter(p => p.name.endsWith('-spot'))
      .map(p => p.autoScalingGroup?.spotCount);
    expect(spotInService).toEqual([34, 33, 33, 33]);
    // Every shown instance has its utilization, at one point per five minutes.
    expect(service.containerInstances.every(i => (i.metrics?.cpu.length ?? 0) >= 11)).toBe(true);
    expect(service.metrics.service.cpu.length).toBeGreaterThanOrEqual(59);

    const minimum = minimumCallsForService({
      runningTasks: running,
      stoppedTasks: service.tasks.length - running,
      clusterInstances: 400,
      clusterCapacityProviders: 12,
      shownInstances: 400,
      shownCapacityProviders: 12,
      failedServiceDeployments: 0,
    });
    expect(simulator.calls()).toEqual(
      Object.fromEntries(Object.entries(minimum).filter(([, count]) => count > 0)),
    );
  }, 30_000);
});
