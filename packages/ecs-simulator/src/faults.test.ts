import { DescribeTasksCommand, ListClustersCommand, ListTasksCommand } from '@aws-sdk/client-ecs';
import { ECSClient } from '@aws-sdk/client-ecs';
import { startSimulator, type Simulator } from './startSimulator';
import { sdkClients } from './__testUtils__/clients';

describe('faults and call counter', () => {
  let sim: Simulator;

  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'demo', clock: 'manual' });
  });
  afterEach(() => {
    sim.setFaults({});
    sim.resetCalls();
  });
  afterAll(() => sim.stop());

  it('counts calls per operation, also through the admin API', async () => {
    const { ecs } = sdkClients(sim.url);
    await ecs.send(new ListClustersCommand({}));
    await ecs.send(new ListTasksCommand({ cluster: 'demo' }));
    await ecs.send(new ListTasksCommand({ cluster: 'demo' }));
    expect(sim.calls()).toEqual({ 'ECS.ListClusters': 1, 'ECS.ListTasks': 2 });

    const admin = await (await fetch(`${sim.url}/_admin/calls`)).json();
    expect(admin).toEqual({ 'ECS.ListClusters': 1, 'ECS.ListTasks': 2 });
    await fetch(`${sim.url}/_admin/calls/reset`, { method: 'POST' });
    expect(sim.calls()).toEqual({});
  });

  it('throttles with a token bucket that refills on the simulator clock', async () => {
    sim.setFaults({ throttling: { ratePerSecond: 1, burst: 2, operations: ['ECS.ListTasks'] } });
    const { ecs } = sdkClients(sim.url);
    await ecs.send(new ListTasksCommand({ cluster: 'demo' }));
    await ecs.send(new ListTasksCommand({ cluster: 'demo' }));
    await expect(ecs.send(new ListTasksCommand({ cluster: 'demo' }))).rejects.toMatchObject({
      name: 'ThrottlingException',
      $metadata: { httpStatusCode: 400 },
    });
    await ecs.send(new ListClustersCommand({}));

    sim.advance(1000);
    await ecs.send(new ListTasksCommand({ cluster: 'demo' }));
    await expect(ecs.send(new ListTasksCommand({ cluster: 'demo' }))).rejects.toMatchObject({ name: 'ThrottlingException' });
  });

  it('denies access per account', async () => {
    sim.setFaults({ accessDeniedAccounts: ['123456789012'] });
    const { ecs } = sdkClients(sim.url);
    await expect(ecs.send(new ListClustersCommand({}))).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });

  it('fails operations with server errors', async () => {
    const { ecs } = sdkClients(sim.url);
    sim.setFaults({ operations: { 'ECS.ListClusters': { code: 'ServerException' } } });
    await expect(ecs.send(new ListClustersCommand({}))).rejects.toMatchObject({
      name: 'ServerException',
      $metadata: { httpStatusCode: 500 },
    });
    sim.setFaults({ serverErrorRate: 1 });
    await expect(ecs.send(new ListTasksCommand({ cluster: 'demo' }))).rejects.toMatchObject({ name: 'ServerException' });
  });

  it('reports described tasks as MISSING at the missing rate', async () => {
    const { ecs } = sdkClients(sim.url);
    const list = await ecs.send(new ListTasksCommand({ cluster: 'demo', serviceName: 'web-api' }));
    sim.setFaults({ missingRate: 1 });
    const output = await ecs.send(new DescribeTasksCommand({ cluster: 'demo', tasks: list.taskArns }));
    expect(output.tasks).toHaveLength(0);
    expect(output.failures).toHaveLength(list.taskArns!.length);
  });

  it('delays responses by the configured latency', async () => {
    await fetch(`${sim.url}/_admin/faults`, { method: 'POST', body: JSON.stringify({ latency: { ms: 400, jitterMs: 50 } }) });
    const impatient = new ECSClient({
      endpoint: sim.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
      maxAttempts: 1,
      // The SDK builds its HTTP handler from these options.
      requestHandler: { requestTimeout: 100, throwOnRequestTimeout: true },
    });
    await expect(impatient.send(new ListClustersCommand({}))).rejects.toMatchObject({ name: 'TimeoutError' });
    sim.setFaults({});
    await expect(impatient.send(new ListClustersCommand({}))).resolves.toBeDefined();
  });
});
