import { DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import {
  DescribeContainerInstancesCommand,
  DescribeServicesCommand,
  DescribeServiceDeploymentsCommand,
  DescribeTasksCommand,
  ListContainerInstancesCommand,
  ListServiceDeploymentsCommand,
  ListTasksCommand,
} from '@aws-sdk/client-ecs';
import { startSimulator, type Simulator } from '../startSimulator';
import { sdkClients } from '../__testUtils__/clients';

describe('demo scenario', () => {
  let sim: Simulator;
  let ecs: ReturnType<typeof sdkClients>['ecs'];

  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'demo', clock: 'manual' });
    ecs = sdkClients(sim.url).ecs;
  });
  afterAll(() => sim.stop());

  const describe_ = async (name: string) =>
    (await ecs.send(new DescribeServicesCommand({ cluster: 'demo', services: [name] }))).services![0];

  it('runs every service at its desired count', async () => {
    const web = await describe_('web-api');
    expect(web.runningCount).toBe(12);
    expect((await describe_('batch-worker')).runningCount).toBe(250);
    expect((await describe_('idle-reports')).runningCount).toBe(0);
  });

  it('shows checkout mid-deployment, completing later', async () => {
    const checkout = await describe_('checkout');
    expect(checkout.deployments!.map(d => [d.taskDefinition!.split('/')[1], d.rolloutState])).toEqual([
      ['checkout:8', 'IN_PROGRESS'],
      ['checkout:7', 'COMPLETED'],
    ]);
    expect(checkout.deployments![0].runningCount).toBeGreaterThan(0);
    expect(checkout.deployments![1].runningCount).toBeGreaterThan(0);

    sim.advance(15 * 60_000);
    const later = await describe_('checkout');
    expect(later.deployments).toHaveLength(1);
    expect(later.deployments![0].rolloutState).toBe('COMPLETED');
  });

  it('shows payments rolled back to revision 41 with crashed tasks', async () => {
    const payments = await describe_('payments');
    expect(payments.taskDefinition).toMatch(/payments:41$/);
    const history = await ecs.send(new ListServiceDeploymentsCommand({ cluster: 'demo', service: 'payments' }));
    const failed = history.serviceDeployments![0];
    expect(failed.status).toBe('ROLLBACK_SUCCESSFUL');
    const details = await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [failed.serviceDeploymentArn!] }));
    expect(details.serviceDeployments![0].deploymentCircuitBreaker).toMatchObject({ status: 'TRIGGERED', threshold: 3 });
    expect(details.serviceDeployments![0].rollback?.serviceRevisionArn).toBeDefined();

    const stopped = await ecs.send(new ListTasksCommand({ cluster: 'demo', serviceName: 'payments', desiredStatus: 'STOPPED' }));
    const tasks = await ecs.send(new DescribeTasksCommand({ cluster: 'demo', tasks: stopped.taskArns }));
    expect(tasks.tasks!.some(t => t.containers![0].exitCode === 1 && t.taskDefinitionArn!.endsWith('payments:42'))).toBe(true);
  });

  it('runs GPU inference in us-west-2 with one GPU per task', async () => {
    const west = sdkClients(sim.url, 'us-west-2').ecs;
    const list = await west.send(new ListTasksCommand({ cluster: 'ml-inference', serviceName: 'gpu-inference' }));
    const tasks = await west.send(new DescribeTasksCommand({ cluster: 'ml-inference', tasks: list.taskArns }));
    expect(tasks.tasks).toHaveLength(6);
    expect(new Set(tasks.tasks!.map(t => t.containers![0].gpuIds![0])).size).toBe(6);
    expect(new Set(tasks.tasks!.map(t => t.capacityProviderName))).toEqual(new Set(['ml-gpu-spot', 'ml-gpu-on-demand']));
  });

  it('registers instances with the attributes and memory ECS reports', async () => {
    const list = await ecs.send(new ListContainerInstancesCommand({ cluster: 'demo' }));
    const output = await ecs.send(new DescribeContainerInstancesCommand({ cluster: 'demo', containerInstances: list.containerInstanceArns }));
    const types = new Set(output.containerInstances!.map(i => i.attributes!.find(a => a.name === 'ecs.instance-type')!.value));
    expect(types).toEqual(new Set(['m6i.large', 'm6i.xlarge', 'c6i.2xlarge', 'm5.xlarge']));
  });

  it('reports Spot and On-Demand through the Auto Scaling groups, as AWS does', async () => {
    const output = await sdkClients(sim.url).autoScaling.send(new DescribeAutoScalingGroupsCommand({}));
    const onDemandPercentage = new Map(
      output.AutoScalingGroups!.map(g => [g.AutoScalingGroupName, g.MixedInstancesPolicy?.InstancesDistribution?.OnDemandPercentageAboveBaseCapacity]),
    );

    expect(onDemandPercentage.get('demo-spot-asg')).toBe(0);
    expect([...onDemandPercentage].filter(([name]) => name !== 'demo-spot-asg').every(([, percentage]) => percentage === 100)).toBe(true);
  });
});
