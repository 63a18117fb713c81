import * as ecs from '@aws-sdk/client-ecs';
import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import { startSimulator, type Simulator } from './startSimulator';
import { loadServiceModel } from './protocol/models';
import { sdkClients } from './__testUtils__/clients';
import { validateShape } from './__testUtils__/validateShape';

describe('model conformance', () => {
  let sim: Simulator;
  let clients: ReturnType<typeof sdkClients>;

  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'demo', clock: 'manual' });
    clients = sdkClients(sim.url);
  });
  afterAll(() => sim.stop());

  /** Sends the request raw so members the SDK would drop are checked too, then through the SDK. */
  async function checkEcs(operation: string, input: Record<string, unknown>, Command: any) {
    const model = loadServiceModel('ecs');
    const response = await fetch(sim.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `AmazonEC2ContainerServiceV20141113.${operation}`,
        authorization: 'AWS4-HMAC-SHA256 Credential=SIMULATED/20260105/us-east-1/ecs/aws4_request, SignedHeaders=host, Signature=0',
      },
      body: JSON.stringify(input),
    });
    expect(response.status).toBe(200);
    const raw = await response.json();
    expect(validateShape(model, model.operations[operation].output!.shape, raw)).toEqual([]);
    const output = await clients.ecs.send(new Command(input));
    expect(output.$metadata.httpStatusCode).toBe(200);
    return raw;
  }

  it('answers every implemented ECS read operation with its output shape', async () => {
    const clusters = await checkEcs('ListClusters', {}, ecs.ListClustersCommand);
    expect(clusters.clusterArns).toContain('arn:aws:ecs:us-east-1:123456789012:cluster/demo');
    await checkEcs('DescribeClusters', { clusters: ['demo'], include: ['SETTINGS', 'TAGS'] }, ecs.DescribeClustersCommand);
    await checkEcs('ListServices', { cluster: 'demo' }, ecs.ListServicesCommand);
    const services = await checkEcs(
      'DescribeServices',
      { cluster: 'demo', services: ['web-api', 'checkout', 'payments', 'batch-worker', 'idle-reports'], include: ['TAGS'] },
      ecs.DescribeServicesCommand,
    );
    expect(services.services).toHaveLength(5);

    const tasks = await checkEcs('ListTasks', { cluster: 'demo', serviceName: 'web-api' }, ecs.ListTasksCommand);
    await checkEcs('DescribeTasks', { cluster: 'demo', tasks: tasks.taskArns }, ecs.DescribeTasksCommand);
    const stopped = await checkEcs('ListTasks', { cluster: 'demo', serviceName: 'payments', desiredStatus: 'STOPPED' }, ecs.ListTasksCommand);
    await checkEcs('DescribeTasks', { cluster: 'demo', tasks: stopped.taskArns.slice(0, 100) }, ecs.DescribeTasksCommand);

    const instances = await checkEcs('ListContainerInstances', { cluster: 'demo' }, ecs.ListContainerInstancesCommand);
    await checkEcs('DescribeContainerInstances', { cluster: 'demo', containerInstances: instances.containerInstanceArns }, ecs.DescribeContainerInstancesCommand);
    await checkEcs('DescribeCapacityProviders', { capacityProviders: ['demo-on-demand', 'demo-spot'], include: ['TAGS'] }, ecs.DescribeCapacityProvidersCommand);
    await checkEcs('DescribeTaskDefinition', { taskDefinition: 'payments:42', include: ['TAGS'] }, ecs.DescribeTaskDefinitionCommand);
    const deployments = await checkEcs('ListServiceDeployments', { cluster: 'demo', service: 'payments' }, ecs.ListServiceDeploymentsCommand);
    const history = await checkEcs(
      'DescribeServiceDeployments',
      { serviceDeploymentArns: deployments.serviceDeployments.map((d: any) => d.serviceDeploymentArn) },
      ecs.DescribeServiceDeploymentsCommand,
    );
    const revisionArns: string[] = history.serviceDeployments.flatMap((d: any) => [
      d.targetServiceRevision.arn,
      ...(d.sourceServiceRevisions ?? []).map((r: any) => r.arn),
    ]);
    const revisions = await checkEcs(
      'DescribeServiceRevisions',
      { serviceRevisionArns: [...new Set(revisionArns)].slice(0, 20) },
      ecs.DescribeServiceRevisionsCommand,
    );
    expect(revisions.failures).toEqual([]);
    expect(revisions.serviceRevisions.map((r: any) => r.taskDefinition)).toContain(
      'arn:aws:ecs:us-east-1:123456789012:task-definition/payments:41',
    );
    await checkEcs('ListTagsForResource', { resourceArn: 'arn:aws:ecs:us-east-1:123456789012:cluster/demo' }, ecs.ListTagsForResourceCommand);
  });

  it('answers GetMetricData with its output shape', async () => {
    const model = loadServiceModel('cloudwatch');
    const end = sim.now() / 1000;
    const input = {
      StartTime: end - 3600,
      EndTime: end,
      MetricDataQueries: [
        { Id: 'cpu', MetricStat: { Metric: { Namespace: 'AWS/ECS', MetricName: 'CPUUtilization', Dimensions: [{ Name: 'ClusterName', Value: 'demo' }, { Name: 'ServiceName', Value: 'web-api' }] }, Period: 300, Stat: 'Average' } },
        { Id: 'reservation', MetricStat: { Metric: { Namespace: 'AWS/ECS/ManagedScaling', MetricName: 'CapacityProviderReservation', Dimensions: [{ Name: 'ClusterName', Value: 'demo' }, { Name: 'CapacityProviderName', Value: 'demo-on-demand' }] }, Period: 60, Stat: 'Average' } },
      ],
    };
    const response = await fetch(sim.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'GraniteServiceVersion20100801.GetMetricData' },
      body: JSON.stringify(input),
    });
    const raw = await response.json();
    expect(validateShape(model, 'GetMetricDataOutput', raw)).toEqual([]);

    const output = await clients.cloudWatch.send(
      new GetMetricDataCommand({ ...input, StartTime: new Date(input.StartTime * 1000), EndTime: new Date(input.EndTime * 1000) }),
    );
    expect(output.MetricDataResults?.[0].Values).toHaveLength(12);
    expect(output.MetricDataResults?.[1].Values?.length).toBe(60);
  });

  it('answers DescribeAutoScalingGroups with its output shape', async () => {
    const model = loadServiceModel('autoscaling');
    const output = await clients.autoScaling.send(new DescribeAutoScalingGroupsCommand({}));
    const { $metadata, ...members } = output;
    expect(validateShape(model, 'AutoScalingGroupsType', members)).toEqual([]);
    const spot = output.AutoScalingGroups?.find(g => g.AutoScalingGroupName === 'demo-spot-asg');
    expect(spot?.Instances).toHaveLength(6);
    expect(spot?.MixedInstancesPolicy?.InstancesDistribution?.OnDemandPercentageAboveBaseCapacity).toBe(0);
  });
});
