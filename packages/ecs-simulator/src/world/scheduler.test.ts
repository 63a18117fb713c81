import {
  DescribeContainerInstancesCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ListServiceDeploymentsCommand,
  ListTasksCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { startSimulator, type Simulator } from '../startSimulator';
import type { Scenario } from '../scenario/types';
import { sdkClients } from '../__testUtils__/clients';

function scenario(overrides: Partial<Scenario['clusters'][0]>): Scenario {
  return {
    clusters: [
      {
        name: 'test',
        capacityProviders: [
          { name: 'test-pool', instances: [{ type: 'm6i.large', count: 3 }], maxSize: 3 },
        ],
        taskDefinitions: [
          { family: 'app', revision: 1, containers: [{ name: 'app', image: 'app:1', cpu: 256, memory: 1024 }] },
          { family: 'app', revision: 2, containers: [{ name: 'app', image: 'app:2', cpu: 256, memory: 1024 }] },
          {
            family: 'app',
            revision: 3,
            simulate: { exitCode: 1, failAfterSeconds: 10 },
            containers: [{ name: 'app', image: 'app:3', cpu: 256, memory: 1024 }],
          },
        ],
        ...overrides,
      },
    ],
  };
}

async function describeTasks(ecs: any, serviceName: string, desiredStatus: 'RUNNING' | 'STOPPED' = 'RUNNING') {
  const list = await ecs.send(new ListTasksCommand({ cluster: 'test', serviceName, desiredStatus }));
  if (list.taskArns.length === 0) return [];
  const output = await ecs.send(new DescribeTasksCommand({ cluster: 'test', tasks: list.taskArns }));
  return output.tasks;
}

async function instancesById(ecs: any) {
  const output = await ecs.send(
    new DescribeContainerInstancesCommand({
      cluster: 'test',
      containerInstances: (await ecs.send(new (require('@aws-sdk/client-ecs').ListContainerInstancesCommand)({ cluster: 'test' }))).containerInstanceArns,
    }),
  );
  return new Map<string, any>(output.containerInstances.map((i: any) => [i.containerInstanceArn, i]));
}

describe('service scheduler', () => {
  let sim: Simulator | undefined;
  afterEach(async () => {
    await sim?.stop();
    sim = undefined;
  });

  it('binpacks on memory: fills one instance before the next', async () => {
    sim = await startSimulator({
      clock: 'manual',
      scenario: scenario({
        services: [{ name: 'web', taskDefinition: 'app:1', desiredCount: 9, capacityProviderStrategy: [{ capacityProvider: 'test-pool' }], placementStrategy: [{ type: 'binpack', field: 'memory' }] }],
      }),
    });
    const { ecs } = sdkClients(sim.url);
    const tasks = await describeTasks(ecs, 'web');
    const perInstance = new Map<string, number>();
    tasks.forEach((t: any) => perInstance.set(t.containerInstanceArn, (perInstance.get(t.containerInstanceArn) ?? 0) + 1));
    // m6i.large registers 7,864 MiB, so 7 tasks of 1,024 MiB fit on the first instance.
    expect([...perInstance.values()].sort()).toEqual([2, 7]);
  });

  it('spreads across availability zones', async () => {
    sim = await startSimulator({
      clock: 'manual',
      scenario: scenario({
        services: [{ name: 'web', taskDefinition: 'app:1', desiredCount: 6, capacityProviderStrategy: [{ capacityProvider: 'test-pool' }], placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }] }],
      }),
    });
    const { ecs } = sdkClients(sim.url);
    const zones = (await describeTasks(ecs, 'web')).map((t: any) => t.availabilityZone).sort();
    expect(zones).toEqual(['us-east-1a', 'us-east-1a', 'us-east-1b', 'us-east-1b', 'us-east-1c', 'us-east-1c']);
  });

  it('places GPU tasks on free GPUs', async () => {
    sim = await startSimulator({
      clock: 'manual',
      scenario: scenario({
        capacityProviders: [{ name: 'gpu', instances: [{ type: 'g4dn.xlarge', count: 2 }, { type: 'm6i.xlarge', count: 2 }], maxSize: 4, managedScaling: false }],
        taskDefinitions: [{ family: 'infer', revision: 1, containers: [{ name: 'infer', image: 'infer:1', cpu: 512, memory: 2048, gpus: 1 }] }],
        services: [{ name: 'infer', taskDefinition: 'infer:1', desiredCount: 3, capacityProviderStrategy: [{ capacityProvider: 'gpu' }] }],
      }),
    });
    const { ecs } = sdkClients(sim.url);
    const tasks = await describeTasks(ecs, 'infer');
    expect(tasks).toHaveLength(2);
    const instances = await instancesById(ecs);
    const gpuIds = tasks.map((t: any) => t.containers[0].gpuIds[0]);
    expect(new Set(gpuIds).size).toBe(2);
    for (const task of tasks) {
      const instance = instances.get(task.containerInstanceArn);
      const registered = instance.registeredResources.find((r: any) => r.name === 'GPU').stringSetValue;
      expect(registered).toContain(task.containers[0].gpuIds[0]);
      expect(instance.attributes).toContainEqual({ name: 'ecs.instance-type', value: 'g4dn.xlarge' });
    }
    const service = (await ecs.send(new DescribeServicesCommand({ cluster: 'test', services: ['infer'] }))).services![0];
    expect(service.events!.some(e => e.message!.includes('insufficient GPU'))).toBe(true);
  });

  it('rolls a deployment from IN_PROGRESS to COMPLETED over time', async () => {
    sim = await startSimulator({
      clock: 'manual',
      scenario: scenario({
        services: [{ name: 'web', taskDefinition: 'app:1', desiredCount: 2, capacityProviderStrategy: [{ capacityProvider: 'test-pool' }] }],
      }),
    });
    const { ecs } = sdkClients(sim.url);
    await ecs.send(new UpdateServiceCommand({ cluster: 'test', service: 'web', taskDefinition: 'app:2' }));

    let service = (await ecs.send(new DescribeServicesCommand({ cluster: 'test', services: ['web'] }))).services![0];
    expect(service.deployments!.map(d => [d.status, d.rolloutState])).toEqual([
      ['PRIMARY', 'IN_PROGRESS'],
      ['ACTIVE', 'COMPLETED'],
    ]);
    expect(service.events![0].message).toMatch(/has started 2 tasks/);

    sim.advance(30_000);
    service = (await ecs.send(new DescribeServicesCommand({ cluster: 'test', services: ['web'] }))).services![0];
    expect(service.deployments![0].rolloutState).toBe('IN_PROGRESS');

    sim.advance(60_000);
    service = (await ecs.send(new DescribeServicesCommand({ cluster: 'test', services: ['web'] }))).services![0];
    expect(service.deployments).toHaveLength(1);
    expect(service.deployments![0].rolloutState).toBe('COMPLETED');
    expect(service.taskDefinition).toMatch(/task-definition\/app:2$/);
    expect(service.events!.some(e => e.message === '(service web) has reached a steady state.')).toBe(true);
    expect((await describeTasks(ecs, 'web')).every((t: any) => t.taskDefinitionArn.endsWith('app:2'))).toBe(true);
  });

  it('fails a crashing deployment at the circuit breaker threshold and rolls back', async () => {
    sim = await startSimulator({
      clock: 'manual',
      scenario: scenario({
        services: [{
          name: 'pay',
          taskDefinition: 'app:1',
          desiredCount: 2,
          capacityProviderStrategy: [{ capacityProvider: 'test-pool' }],
          deploymentConfiguration: { circuitBreaker: { enable: true, rollback: true } },
        }],
      }),
    });
    const { ecs } = sdkClients(sim.url);
    await ecs.send(new UpdateServiceCommand({ cluster: 'test', service: 'pay', taskDefinition: 'app:3' }));

    sim.advance(10 * 60_000);
    const service = (await ecs.send(new DescribeServicesCommand({ cluster: 'test', services: ['pay'] }))).services![0];
    expect(service.taskDefinition).toMatch(/app:1$/);
    expect(service.deployments![0].rolloutState).toBe('COMPLETED');
    expect(service.events!.some(e => /deployment failed: tasks failed to start/.test(e.message!))).toBe(true);

    const history = await ecs.send(new ListServiceDeploymentsCommand({ cluster: 'test', service: 'pay' }));
    expect(history.serviceDeployments![0].status).toBe('ROLLBACK_SUCCESSFUL');

    const stopped = await describeTasks(ecs, 'pay', 'STOPPED');
    const crashed = stopped.filter((t: any) => t.stopCode === 'EssentialContainerExited');
    // The threshold for 2 desired tasks is the minimum of 3 failed tasks. Both tasks of a
    // batch fail in the same step, so the count that reaches it is 3 or 4.
    expect(crashed.length).toBeGreaterThanOrEqual(3);
    expect(crashed.length).toBeLessThanOrEqual(4);
    expect(crashed[0].containers[0].exitCode).toBe(1);
    expect(crashed[0].stoppedReason).toBe('Essential container in task exited');
  });

  it('keeps stopped tasks for an hour, then forgets them', async () => {
    sim = await startSimulator({
      clock: 'manual',
      scenario: scenario({
        services: [{ name: 'web', taskDefinition: 'app:1', desiredCount: 2, capacityProviderStrategy: [{ capacityProvider: 'test-pool' }] }],
      }),
    });
    const { ecs } = sdkClients(sim.url);
    const running = await describeTasks(ecs, 'web');
    await ecs.send(new UpdateServiceCommand({ cluster: 'test', service: 'web', desiredCount: 0 }));

    sim.advance(59 * 60_000);
    const kept = await ecs.send(new DescribeTasksCommand({ cluster: 'test', tasks: running.map((t: any) => t.taskArn) }));
    expect(kept.tasks!.map(t => t.lastStatus)).toEqual(['STOPPED', 'STOPPED']);
    expect(kept.tasks![0].stopCode).toBe('ServiceSchedulerInitiated');

    sim.advance(2 * 60_000);
    const gone = await ecs.send(new DescribeTasksCommand({ cluster: 'test', tasks: running.map((t: any) => t.taskArn) }));
    expect(gone.tasks).toHaveLength(0);
    expect(gone.failures!.map(f => f.reason)).toEqual(['MISSING', 'MISSING']);
  });

  it('drains interrupted Spot instances and replaces their tasks', async () => {
    sim = await startSimulator({
      clock: 'manual',
      scenario: scenario({
        capacityProviders: [{ name: 'spot', spot: true, spotInterruptionMinutes: 5, instances: [{ type: 'm6i.large', count: 3 }], maxSize: 6 }],
        services: [{ name: 'batch', taskDefinition: 'app:1', desiredCount: 6, capacityProviderStrategy: [{ capacityProvider: 'spot' }], deploymentConfiguration: { minimumHealthyPercent: 50 } }],
      }),
    });
    const { ecs } = sdkClients(sim.url);
    const before = await describeTasks(ecs, 'batch');
    sim.advance(30 * 60_000);

    const stopped = await describeTasks(ecs, 'batch', 'STOPPED');
    expect(stopped.length).toBeGreaterThan(0);
    expect(stopped.every((t: any) => t.stopCode === 'SpotInterruption')).toBe(true);
    const after = await describeTasks(ecs, 'batch');
    expect(after).toHaveLength(6);
    expect(after.some((t: any) => !before.some((b: any) => b.taskArn === t.taskArn))).toBe(true);
  });
});
