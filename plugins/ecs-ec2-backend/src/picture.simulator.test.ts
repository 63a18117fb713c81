import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { EcsEntityPicture } from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import { Simulator, startSimulator } from '@ecs-on-ec2/ecs-simulator';
import request from 'supertest';
import { componentWithAnnotations } from './__testUtils__/buildCluster';
import { ecsEc2Plugin } from './plugin';

const ACCOUNT = '123456789012';
const demoArn = (name: string) => `arn:aws:ecs:us-east-1:${ACCOUNT}:service/demo/${name}`;

const entities = [
  ...['web-api', 'payments', 'batch-worker', 'idle-reports'].map(name =>
    componentWithAnnotations(name, { 'ecs-ec2.io/service-arn': demoArn(name) }),
  ),
  componentWithAnnotations('gpu-inference', {
    'aws.amazon.com/amazon-ecs-service-arn': `arn:aws:ecs:us-west-2:${ACCOUNT}:service/ml-inference/gpu-inference`,
  }),
];

describe('entity picture against the ECS simulator', () => {
  let simulator: Simulator;
  let server: Parameters<typeof request>[0];

  beforeAll(async () => {
    // The real clock, because the picture keeps stopped tasks and metrics of the last hour of real time.
    simulator = await startSimulator({ scenario: 'demo', port: 0, clock: 'real' });
    ({ server } = await startTestBackend({
      features: [
        ecsEc2Plugin,
        mockServices.rootConfig.factory({
          data: {
            // TTL 0 so every request reaches the simulator and its call counts.
            ecsEc2: { aws: { endpoint: simulator.url, maxAttempts: 2 }, cache: { ttlSeconds: 0 } },
            aws: { accounts: [{ accountId: ACCOUNT, accessKeyId: 'SIMULATED', secretAccessKey: 'simulated' }] },
          },
        }),
        catalogServiceMock.factory({ entities }),
      ],
    }));
  });
  afterAll(async () => {
    await simulator?.stop();
  });
  beforeEach(() => {
    simulator.setFaults({});
    simulator.resetCalls();
  });

  const get = async (name: string) => {
    const response = await request(server).get(`/api/ecs-ec2/entities/default/component/${name}`);
    return { status: response.status, body: response.body as EcsEntityPicture };
  };

  it('shows the rolled-back deployment of payments as FAILED', async () => {
    const { body } = await get('payments');
    const service = body.services[0];
    const failed = service.deployments.find(d => d.history?.status === 'ROLLBACK_SUCCESSFUL');
    const stopped = service.tasks.filter(t => t.lastStatus === 'STOPPED');

    expect(failed?.rolloutState).toBe('FAILED');
    // ECS no longer lists the failed deployment, so the count is the circuit breaker's,
    // which trips at the demo's threshold of 3.
    expect(failed?.failedTasks).toBe(3);
    expect(service.deployments.find(d => d.status === 'PRIMARY')?.taskDefinitionRevision).toBe(41);
    expect(stopped.length).toBeGreaterThan(0);
    expect(stopped[0].containers.some(c => c.exitCode === 1)).toBe(true);
    expect(stopped[0].stoppedReason).toBeTruthy();
  });

  it('reads the awslabs alias and the region from a us-west-2 ARN', async () => {
    const { body } = await get('gpu-inference');
    const service = body.services[0];

    expect(service.region).toBe('us-west-2');
    expect(service.tasks.filter(t => t.lastStatus === 'RUNNING')).toHaveLength(6);
    expect(service.tasks.every(t => t.lastStatus !== 'RUNNING' || t.gpuIds.length === 1)).toBe(true);
    expect(service.capacityProviders.some(p => p.hasGpu)).toBe(true);
  });

  it('pages through the 250 tasks of batch-worker', async () => {
    const { body } = await get('batch-worker');
    const running = body.services[0].tasks.filter(t => t.lastStatus !== 'STOPPED');
    const calls = simulator.calls();

    expect(running.length).toBe(250);
    expect(calls['ECS.ListTasks']).toBeGreaterThanOrEqual(4);
    expect(calls['ECS.DescribeTasks']).toBe(Math.ceil(body.services[0].tasks.length / 100));
  });

  it('infers Spot and On-Demand instances from their Auto Scaling groups', async () => {
    const { body } = await get('batch-worker');
    const service = body.services[0];
    const lifecycles = (provider: string) =>
      new Set(service.containerInstances.filter(i => i.capacityProviderName === provider).map(i => i.lifecycle));
    const running = service.tasks.filter(t => t.lastStatus === 'RUNNING');

    expect(lifecycles('demo-on-demand')).toEqual(new Set(['ON_DEMAND']));
    expect(lifecycles('demo-spot')).toEqual(new Set(['SPOT']));
    expect(running.every(t => t.lifecycle === (t.capacityProviderName === 'demo-spot' ? 'SPOT' : 'ON_DEMAND'))).toBe(true);
  });

  it('shows the instances, providers and metrics of web-api', async () => {
    const { body } = await get('web-api');
    const service = body.services[0];

    expect(service.tasks.filter(t => t.lastStatus === 'RUNNING')).toHaveLength(12);
    expect(service.tasks[0].ec2InstanceId).toMatch(/^i-/);
    expect(service.tasks[0].instanceType).toBeTruthy();
    expect(service.capacityProviders.map(p => p.name)).toContain('demo-on-demand');
    expect(service.capacityProviders[0].autoScalingGroup?.inServiceCount).toBeGreaterThan(0);
    expect(service.metrics.service.cpu.length).toBeGreaterThan(0);
    expect(body.warnings).toEqual([]);
  });

  it('returns a warning instead of an error for a denied account', async () => {
    simulator.setFaults({ accessDeniedAccounts: [ACCOUNT] });
    const { status, body } = await get('idle-reports');

    expect(status).toBe(200);
    expect(body.warnings.map(w => w.code)).toEqual(['ACCESS_DENIED']);
    expect(JSON.stringify(body)).not.toMatch(/RequestId|arn:aws:iam|arn:aws:sts/);
  });

  it('returns 200 with a THROTTLED warning when retries run out', async () => {
    // Only CloudWatch is throttled: the adaptive retry slows down the throttled
    // client for later calls, and the other tests share the ECS client.
    simulator.setFaults({
      throttling: { ratePerSecond: 0.001, burst: 0, operations: ['CloudWatch.GetMetricData'] },
    });
    const { status, body } = await get('web-api');

    expect(status).toBe(200);
    expect(body.services[0].tasks.length).toBeGreaterThan(0);
    expect(body.warnings.map(w => w.code)).toEqual(['THROTTLED']);
  }, 20_000);

});
