import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { EcsEntityPicture } from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import request from 'supertest';
import { buildCluster, componentWithArns } from './__testUtils__/buildCluster';
import { FakeCluster, installFakeAws } from './__testUtils__/fakeAws';
import { minimumCallsForService } from './picture/minimumCalls';
import { ecsEc2Plugin } from './plugin';

const ACCOUNT = '123456789012';
const OTHER_ACCOUNT = '210987654321';
const arn = (cluster: string, service: string, region = 'us-east-1', account = ACCOUNT) =>
  `arn:aws:ecs:${region}:${account}:service/${cluster}/${service}`;

const config = {
  ecsEc2: { aws: { maxAttempts: 1 }, cache: { ttlSeconds: 10 } },
  aws: {
    accounts: [ACCOUNT, OTHER_ACCOUNT].map(accountId => ({
      accountId,
      accessKeyId: `AKIA${accountId}`,
      secretAccessKey: 'test-secret',
    })),
  },
};

async function startBackend(options: {
  clusters: FakeCluster[];
  entities: Entity[];
  permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
}) {
  const aws = installFakeAws(options.clusters);
  const { server } = await startTestBackend({
    features: [
      ecsEc2Plugin,
      mockServices.rootConfig.factory({ data: config }),
      catalogServiceMock.factory({ entities: options.entities }),
      mockServices.permissions.factory({
        result: options.permission ?? AuthorizeResult.ALLOW,
      }),
    ],
  });
  return { server, aws };
}

const path = (name: string) => `/api/ecs-ec2/entities/default/component/${name}`;

describe('GET /entities/:namespace/:kind/:name', () => {
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());

  async function picture(clusters: FakeCluster[], entity: Entity) {
    const { server, aws } = await startBackend({ clusters, entities: [entity] });
    restore = aws.restore;
    const response = await request(server).get(path(entity.metadata.name));
    return { response, body: response.body as EcsEntityPicture, aws };
  }

  it('skips DescribeTasks for a service without tasks', async () => {
    const cluster = buildCluster({ name: 'demo', services: { idle: 0 }, instances: 2, capacityProviders: 1 });
    const { response, body, aws } = await picture([cluster], componentWithArns('idle', [arn('demo', 'idle')]));

    expect(response.status).toBe(200);
    expect(body.services[0].tasks).toEqual([]);
    expect(aws.calls()['ECS.DescribeTasks']).toBeUndefined();
  });

  it('follows ListTasks pages and describes 250 tasks in chunks of 100', async () => {
    const cluster = buildCluster({ name: 'demo', services: { batch: 250 }, instances: 20, capacityProviders: 2 });
    const { body, aws } = await picture([cluster], componentWithArns('batch', [arn('demo', 'batch')]));

    expect(body.services[0].tasks).toHaveLength(250);
    expect(aws.calls()['ECS.ListTasks']).toBe(3 + 1);
    expect(aws.calls()['ECS.DescribeTasks']).toBe(3);
  });

  it('returns 25 services with DescribeServices in batches of 10', async () => {
    const services = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`svc-${i}`, 1]));
    const cluster = buildCluster({ name: 'scale', services, instances: 5, capacityProviders: 1 });
    const entity = componentWithArns('many', Object.keys(services).map(name => arn('scale', name)));
    const { body, aws } = await picture([cluster], entity);

    expect(body.services).toHaveLength(25);
    expect(body.services.map(s => s.serviceName)).toEqual(Object.keys(services));
    expect(aws.calls()['ECS.DescribeServices']).toBe(3);
    expect(aws.calls()['ECS.DescribeTasks']).toBe(1);
  });

  it('shows 12 capacity providers with their Auto Scaling groups', async () => {
    const cluster = buildCluster({ name: 'scale', services: { bulk: 24 }, instances: 24, capacityProviders: 12 });
    const { body, aws } = await picture([cluster], componentWithArns('bulk', [arn('scale', 'bulk')]));
    const providers = body.services[0].capacityProviders;

    expect(providers).toHaveLength(12);
    expect(providers[0].autoScalingGroup).toMatchObject({ inServiceCount: 2, minSize: 0, maxSize: 100 });
    expect(providers.every(p => p.targetCapacity === 90)).toBe(true);
    // DescribeCapacityProviders returns at most 10 providers per call.
    expect(aws.calls()['ECS.DescribeCapacityProviders']).toBe(2);
    expect(aws.calls()['AutoScaling.DescribeAutoScalingGroups']).toBe(1);
  });

  it('reads account and region from a cross-region ARN', async () => {
    const east = buildCluster({ name: 'demo', services: { web: 2 }, instances: 2, capacityProviders: 1 });
    const west = buildCluster({ name: 'ml', region: 'us-west-2', services: { gpu: 3 }, instances: 3, capacityProviders: 1 });
    const entity = componentWithArns('both', [arn('demo', 'web'), arn('ml', 'gpu', 'us-west-2')]);
    const { body } = await picture([east, west], entity);

    expect(body.services.map(s => [s.serviceName, s.region])).toEqual([
      ['web', 'us-east-1'],
      ['gpu', 'us-west-2'],
    ]);
    expect(body.services[1].tasks).toHaveLength(3);
    expect(body.warnings).toEqual([]);
  });

  it('reads old-format service and task ARNs with the cluster annotation', async () => {
    const cluster = buildCluster({ name: 'legacy', services: { old: 2 }, instances: 1, capacityProviders: 1, oldTaskArns: true });
    const entity = componentWithArns('old', [`arn:aws:ecs:us-east-1:${ACCOUNT}:service/old`], {
      'ecs-ec2.io/cluster': 'legacy',
    });
    const { body } = await picture([cluster], entity);

    expect(body.services[0].clusterName).toBe('legacy');
    expect(body.services[0].tasks.map(t => t.taskId)).toEqual(['t000000', 't000001']);
  });

  it('explains a 400 for an entity that names a cluster only', async () => {
    const entity = componentWithArns('cluster-only', []);
    entity.metadata.annotations = {
      'ecs-ec2.io/cluster': 'demo',
      'ecs-ec2.io/account-id': ACCOUNT,
      'ecs-ec2.io/region': 'us-east-1',
    };
    const { response } = await picture([], entity);

    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('add ecs-ec2.io/service-name');
  });

  it('returns 400 for an old-format ARN without the cluster annotation', async () => {
    const entity = componentWithArns('old', [`arn:aws:ecs:us-east-1:${ACCOUNT}:service/old`]);
    const { response } = await picture([], entity);

    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('ecs-ec2.io/cluster');
  });

  it('warns about an invalid annotation and still shows the valid services', async () => {
    const cluster = buildCluster({ name: 'demo', services: { web: 1 }, instances: 1, capacityProviders: 1 });
    const entity = componentWithArns('mixed', [arn('demo', 'web'), 'not-an-arn']);
    const { response, body } = await picture([cluster], entity);

    expect(response.status).toBe(200);
    expect(body.services).toHaveLength(1);
    expect(body.warnings).toEqual([
      expect.objectContaining({ code: 'INVALID_ANNOTATION', part: 'Annotation ecs-ec2.io/service-arn' }),
    ]);
  });

  it('reports tasks that AWS describes as MISSING', async () => {
    const cluster = buildCluster({ name: 'demo', services: { web: 2 }, instances: 1, capacityProviders: 1 });
    cluster.missingTaskArns = [`arn:aws:ecs:us-east-1:${ACCOUNT}:task/demo/gone`];
    const { body } = await picture([cluster], componentWithArns('web', [arn('demo', 'web')]));

    expect(body.services[0].tasks).toHaveLength(2);
    expect(body.warnings).toEqual([
      expect.objectContaining({ code: 'MISSING', serviceArn: arn('demo', 'web') }),
    ]);
  });

  it('marks a deployment the circuit breaker rolled back as FAILED', async () => {
    const cluster = buildCluster({ name: 'demo', services: { payments: 2 }, instances: 1, capacityProviders: 1 });
    const taskDefinition = (revision: number) =>
      `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/payments:${revision}`;
    cluster.services[0].deployments = [
      { id: 'ecs-svc/41', status: 'PRIMARY', taskDefinition: taskDefinition(41), rolloutState: 'COMPLETED', desiredCount: 2, runningCount: 2 },
      { id: 'ecs-svc/42', status: 'ACTIVE', taskDefinition: taskDefinition(42), rolloutState: 'COMPLETED', failedTasks: 3, desiredCount: 0 },
    ];
    const revision = (n: number) => `arn:aws:ecs:us-east-1:${ACCOUNT}:service-revision/demo/payments/${n}`;
    cluster.serviceDeployments = [
      {
        serviceDeploymentArn: `arn:aws:ecs:us-east-1:${ACCOUNT}:service-deployment/demo/payments/d42`,
        serviceArn: arn('demo', 'payments'),
        status: 'ROLLBACK_SUCCESSFUL',
        statusReason: 'Circuit breaker rolled back the deployment',
        targetServiceRevision: { arn: revision(2) },
        rollback: { reason: 'tasks failed to start', serviceRevisionArn: revision(1) },
      },
    ];
    cluster.serviceRevisions = { [revision(1)]: taskDefinition(41), [revision(2)]: taskDefinition(42) };
    const { body } = await picture([cluster], componentWithArns('payments', [arn('demo', 'payments')]));
    const failed = body.services[0].deployments.find(d => d.taskDefinitionRevision === 42);

    expect(failed?.rolloutState).toBe('FAILED');
    expect(failed?.failedTasks).toBe(3);
    expect(failed?.history).toMatchObject({ status: 'ROLLBACK_SUCCESSFUL', rolledBackToRevision: 41, targetTaskDefinitionRevision: 42 });
  });

  it('counts the failed tasks of a rolled-back deployment ECS no longer lists', async () => {
    const cluster = buildCluster({ name: 'demo', services: { payments: 2 }, instances: 1, capacityProviders: 1 });
    const taskDefinition = (revision: number) =>
      `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/payments:${revision}`;
    cluster.services[0].deployments = [
      { id: 'ecs-svc/41', status: 'PRIMARY', taskDefinition: taskDefinition(41), rolloutState: 'COMPLETED', desiredCount: 2, runningCount: 2 },
    ];
    const revision = (n: number) => `arn:aws:ecs:us-east-1:${ACCOUNT}:service-revision/demo/payments/${n}`;
    cluster.serviceDeployments = [
      {
        serviceDeploymentArn: `arn:aws:ecs:us-east-1:${ACCOUNT}:service-deployment/demo/payments/d42`,
        serviceArn: arn('demo', 'payments'),
        status: 'ROLLBACK_SUCCESSFUL',
        targetServiceRevision: { arn: revision(2) },
        rollback: { reason: 'tasks failed to start', serviceRevisionArn: revision(1) },
        deploymentCircuitBreaker: { status: 'TRIGGERED', failureCount: 4, threshold: 3 },
      },
    ];
    cluster.serviceRevisions = { [revision(1)]: taskDefinition(41), [revision(2)]: taskDefinition(42) };
    const { body } = await picture([cluster], componentWithArns('payments', [arn('demo', 'payments')]));
    const failed = body.services[0].deployments.find(d => d.taskDefinitionRevision === 42);

    expect(failed?.rolloutState).toBe('FAILED');
    expect(failed?.failedTasks).toBe(4);
  });

  it('warns about a deleted Auto Scaling group', async () => {
    const cluster = buildCluster({ name: 'demo', services: { web: 1 }, instances: 1, capacityProviders: 1 });
    cluster.autoScalingGroups = [];
    const { response, body } = await picture([cluster], componentWithArns('web', [arn('demo', 'web')]));

    expect(response.status).toBe(200);
    expect(body.services[0].capacityProviders[0].autoScalingGroup).toBeUndefined();
    expect(body.warnings).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND', part: expect.stringMatching(/^Auto Scaling group /) }),
    ]);
  });

  it('leaves the lifecycle unknown for a group that mixes Spot and On-Demand', async () => {
    const cluster = buildCluster({ name: 'demo', services: { web: 4 }, instances: 4, capacityProviders: 1 });
    cluster.autoScalingGroups[0].MixedInstancesPolicy = {
      InstancesDistribution: { OnDemandBaseCapacity: 1, OnDemandPercentageAboveBaseCapacity: 50 },
    };
    const { body } = await picture([cluster], componentWithArns('web', [arn('demo', 'web')]));
    const lifecycles = body.services[0].containerInstances.map(i => [i.ec2InstanceId, i.lifecycle]);

    // Only the instance with an ecs.instance-lifecycle attribute has one.
    expect(lifecycles).toEqual([
      ['i-00000000000000000', 'SPOT'],
      ['i-00000000000000001', undefined],
      ['i-00000000000000002', undefined],
      ['i-00000000000000003', undefined],
    ]);
    // The group's counts keep the three unknown instances apart instead of calling them On-Demand.
    expect(body.services[0].capacityProviders[0].autoScalingGroup).toMatchObject({
      spotCount: 1,
      onDemandCount: 0,
      unknownLifecycleCount: 3,
    });
  });

  it('returns 200 with a THROTTLED warning when retries run out', async () => {
    const cluster = buildCluster({ name: 'demo', services: { web: 2 }, instances: 1, capacityProviders: 1 });
    const { server, aws } = await startBackend({ clusters: [cluster], entities: [componentWithArns('web', [arn('demo', 'web')])] });
    restore = aws.restore;
    aws.throttle(true);
    const response = await request(server).get(path('web'));

    expect(response.status).toBe(200);
    expect(response.body.warnings).toEqual([
      expect.objectContaining({ code: 'THROTTLED', serviceArn: arn('demo', 'web') }),
    ]);
  });

  it('keeps the services of other accounts when one account is denied', async () => {
    const allowed = buildCluster({ name: 'demo', services: { web: 1 }, instances: 1, capacityProviders: 1 });
    const denied = buildCluster({ name: 'demo', accountId: OTHER_ACCOUNT, services: { web: 1 }, instances: 1, capacityProviders: 1 });
    const entity = componentWithArns('two', [arn('demo', 'web'), arn('demo', 'web', 'us-east-1', OTHER_ACCOUNT)]);
    const { server, aws } = await startBackend({ clusters: [allowed, denied], entities: [entity] });
    restore = aws.restore;
    aws.denyAccount(OTHER_ACCOUNT);
    const response = await request(server).get(path('two'));

    expect(response.status).toBe(200);
    expect(response.body.services.map((s: any) => s.accountId)).toEqual([ACCOUNT]);
    expect(response.body.warnings).toEqual([
      expect.objectContaining({ code: 'ACCESS_DENIED', serviceArn: arn('demo', 'web', 'us-east-1', OTHER_ACCOUNT) }),
    ]);
    // The AWS message names the role; the browser must not see it.
    expect(JSON.stringify(response.body)).not.toContain('assumed-role');
  });

  it('refuses an account missing from aws.accounts without calling AWS', async () => {
    const unlisted = '999999999999';
    const cluster = buildCluster({ name: 'demo', services: { web: 1 }, instances: 1, capacityProviders: 1 });
    const foreign = buildCluster({ name: 'demo', accountId: unlisted, services: { web: 1 }, instances: 1, capacityProviders: 1 });
    const foreignArn = arn('demo', 'web', 'us-east-1', unlisted);
    const entities = [
      componentWithArns('foreign', [foreignArn]),
      componentWithArns('mixed', [arn('demo', 'web'), foreignArn]),
    ];
    const { server, aws } = await startBackend({ clusters: [cluster, foreign], entities });
    restore = aws.restore;
    const expectedWarning = {
      code: 'ACCESS_DENIED',
      part: 'Service web',
      serviceArn: foreignArn,
      message: `Account ${unlisted} is not configured under aws.accounts; add it there to read this service`,
    };

    const alone = await request(server).get(path('foreign'));
    expect(alone.status).toBe(200);
    expect(alone.body.services).toEqual([]);
    expect(alone.body.warnings).toEqual([expectedWarning]);
    expect(aws.totalCalls()).toBe(0);

    const mixed = await request(server).get(path('mixed'));
    expect(mixed.status).toBe(200);
    expect(mixed.body.services.map((s: any) => s.accountId)).toEqual([ACCOUNT]);
    expect(mixed.body.services[0].tasks).toHaveLength(1);
    expect(mixed.body.warnings).toEqual([expectedWarning]);
  });

  it('returns 404 for an entity the user cannot see', async () => {
    const { server, aws } = await startBackend({ clusters: [], entities: [] });
    restore = aws.restore;
    const response = await request(server).get(path('hidden'));

    expect(response.status).toBe(404);
    expect(aws.totalCalls()).toBe(0);
  });

  it('returns 404 for an entity without ECS annotations', async () => {
    const entity = componentWithArns('plain', []);
    delete entity.metadata.annotations;
    const { response } = await picture([], entity);

    expect(response.status).toBe(404);
  });

  it('returns 403 when the permission is denied', async () => {
    const cluster = buildCluster({ name: 'demo', services: { web: 1 }, instances: 1, capacityProviders: 1 });
    const { server, aws } = await startBackend({
      clusters: [cluster],
      entities: [componentWithArns('web', [arn('demo', 'web')])],
      permission: AuthorizeResult.DENY,
    });
    restore = aws.restore;
    const response = await request(server).get(path('web'));

    expect(response.status).toBe(403);
    expect(aws.totalCalls()).toBe(0);
  });

  it('makes the minimum number of AWS calls for a service', async () => {
    const cluster = buildCluster({ name: 'scale', services: { bulk: 450 }, stoppedPerService: 30, instances: 230, capacityProviders: 12 });
    const { body, aws } = await picture([cluster], componentWithArns('bulk', [arn('scale', 'bulk')]));
    const minimum = minimumCallsForService({
      runningTasks: 450,
      stoppedTasks: 30,
      clusterInstances: 230,
      clusterCapacityProviders: 12,
      shownInstances: body.services[0].containerInstances.length,
      shownCapacityProviders: body.services[0].capacityProviders.length,
      failedServiceDeployments: 0,
    });

    expect(body.services[0].containerInstances).toHaveLength(230);
    expect(aws.calls()).toEqual(
      Object.fromEntries(Object.entries(minimum).filter(([, count]) => count > 0)),
    );
  });

  it('serves 100 concurrent viewers with the calls of one', async () => {
    const cluster = buildCluster({ name: 'demo', services: { web: 120 }, instances: 10, capacityProviders: 2 });
    const { server, aws } = await startBackend({ clusters: [cluster], entities: [componentWithArns('web', [arn('demo', 'web')])] });
    restore = aws.restore;

    const responses = await Promise.all(
      Array.from({ length: 100 }, () => request(server).get(path('web'))),
    );
    const callsOfAll = aws.totalCalls();
    aws.resetCalls();
    const again = await request(server).get(path('web'));

    expect(responses.every(r => r.status === 200 && r.body.services[0].tasks.length === 120)).toBe(true);
    expect(again.body).toEqual(responses[0].body);
    expect(aws.totalCalls()).toBe(0);
    expect(callsOfAll).toBe(
      Object.values(
        minimumCallsForService({
          runningTasks: 120,
          stoppedTasks: 0,
          clusterInstances: 10,
          clusterCapacityProviders: 2,
          shownInstances: 10,
          shownCapacityProviders: 2,
          failedServiceDeployments: 0,
        }),
      ).reduce((a, b) => a + b, 0),
    );
  });
});

describe('GET /health', () => {
  it('answers without credentials', async () => {
    const { server } = await startTestBackend({
      features: [ecsEc2Plugin, mockServices.rootConfig.factory({ data: config })],
    });
    const response = await request(server).get('/api/ecs-ec2/health').set('Authorization', '');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });
});
