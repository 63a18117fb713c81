import {
  DescribeContainerInstancesCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ListServicesCommand,
  ListTasksCommand,
  ListContainerInstancesCommand,
} from '@aws-sdk/client-ecs';
import { startSimulator, type Simulator } from '../startSimulator';
import { sdkClients } from '../__testUtils__/clients';

describe('ECS API', () => {
  let sim: Simulator;
  let ecs: ReturnType<typeof sdkClients>['ecs'];

  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'scale', clock: 'manual' });
    ecs = sdkClients(sim.url).ecs;
  });
  afterAll(() => sim.stop());

  it('pages ListTasks at 100 tasks and returns every task once', async () => {
    const seen = new Set<string>();
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = await ecs.send(new ListTasksCommand({ cluster: 'scale', serviceName: 'bulk', nextToken }));
      expect(page.taskArns!.length).toBeLessThanOrEqual(100);
      page.taskArns!.forEach(arn => seen.add(arn));
      nextToken = page.nextToken;
      pages++;
    } while (nextToken);
    expect(seen.size).toBe(2000);
    expect(pages).toBe(20);
  });

  it('returns 10 services per ListServices page by default', async () => {
    const page = await ecs.send(new ListServicesCommand({ cluster: 'scale' }));
    expect(page.serviceArns).toHaveLength(10);
    expect(page.nextToken).toBeDefined();
  });

  it('rejects maxResults above 100', async () => {
    await expect(ecs.send(new ListTasksCommand({ cluster: 'scale', maxResults: 101 }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
    await expect(ecs.send(new ListContainerInstancesCommand({ cluster: 'scale', maxResults: 0 }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
  });

  it('rejects an invalid or foreign pagination token', async () => {
    await expect(ecs.send(new ListTasksCommand({ cluster: 'scale', nextToken: 'not-a-token' }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
    const services = await ecs.send(new ListServicesCommand({ cluster: 'scale' }));
    await expect(ecs.send(new ListTasksCommand({ cluster: 'scale', nextToken: services.nextToken }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
  });

  it('limits DescribeTasks to 100 and DescribeServices to 10 ids', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => `id${i}`);
    await expect(ecs.send(new DescribeTasksCommand({ cluster: 'scale', tasks: ids }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
    await expect(
      ecs.send(new DescribeServicesCommand({ cluster: 'scale', services: ids.slice(0, 11) })),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });
  });

  it('describes 100 tasks and reports unknown ids as MISSING', async () => {
    const list = await ecs.send(new ListTasksCommand({ cluster: 'scale', serviceName: 'bulk' }));
    const ids = [...list.taskArns!.slice(0, 99), 'arn:aws:ecs:us-east-1:123456789012:task/scale/0123456789abcdef0123456789abcdef'];
    const output = await ecs.send(new DescribeTasksCommand({ cluster: 'scale', tasks: ids }));
    expect(output.tasks).toHaveLength(99);
    expect(output.failures).toEqual([{ arn: ids[99], reason: 'MISSING' }]);
  });

  it('raises ClusterNotFoundException and ServiceNotFoundException', async () => {
    await expect(ecs.send(new ListTasksCommand({ cluster: 'nope' }))).rejects.toMatchObject({ name: 'ClusterNotFoundException' });
    await expect(ecs.send(new ListTasksCommand({ cluster: 'scale', serviceName: 'nope' }))).rejects.toMatchObject({
      name: 'ServiceNotFoundException',
    });
  });

  it('keeps resources apart per account and region', async () => {
    const west = sdkClients(sim.url, 'us-west-2').ecs;
    await expect(west.send(new ListTasksCommand({ cluster: 'scale' }))).rejects.toMatchObject({ name: 'ClusterNotFoundException' });
  });

  it('filters container instances with a cluster query expression', async () => {
    const output = await ecs.send(
      new ListContainerInstancesCommand({ cluster: 'scale', filter: 'attribute:ecs.availability-zone == us-east-1a', maxResults: 100 }),
    );
    // The 400 instances spread over three zones, so about 133 match and a second page follows.
    expect(output.containerInstanceArns).toHaveLength(100);
    expect(output.nextToken).toBeDefined();
    const described = await ecs.send(
      new DescribeContainerInstancesCommand({ cluster: 'scale', containerInstances: output.containerInstanceArns }),
    );
    const zones = described.containerInstances!.map(i => i.attributes!.find(a => a.name === 'ecs.availability-zone')?.value);
    expect(new Set(zones)).toEqual(new Set(['us-east-1a']));
  });
});
