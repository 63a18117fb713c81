import {
  AutoScalingClient,
  AutoScalingGroup,
  DescribeAutoScalingGroupsCommand,
} from '@aws-sdk/client-auto-scaling';
import {
  CloudWatchClient,
  GetMetricDataCommand,
} from '@aws-sdk/client-cloudwatch';
import {
  CapacityProvider,
  ContainerInstance,
  DescribeCapacityProvidersCommand,
  DescribeContainerInstancesCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServiceRevisionsCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSClient,
  ListContainerInstancesCommand,
  ListServiceDeploymentsCommand,
  ListTasksCommand,
  Service,
  ServiceDeployment,
  Task,
} from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';

/** One cluster of the fake AWS, in one account and region. */
export interface FakeCluster {
  accountId: string;
  region: string;
  name: string;
  services: Service[];
  /** Tasks with `group: service:<name>`; `desiredStatus` decides the ListTasks list. */
  tasks: Task[];
  /** Task ARNs that ListTasks returns but DescribeTasks reports as MISSING. */
  missingTaskArns?: string[];
  instances: ContainerInstance[];
  capacityProviders: CapacityProvider[];
  autoScalingGroups: AutoScalingGroup[];
  serviceDeployments?: ServiceDeployment[];
  /** Service revision ARN to task definition ARN. */
  serviceRevisions?: Record<string, string>;
}

/** Error to throw for every call made with an account's credentials. */
export type AccountFault = { name: string; message: string };

function paginate<T>(items: T[], nextToken: string | undefined, max: number) {
  const start = Number(nextToken ?? 0);
  const page = items.slice(start, start + max);
  const next = start + max < items.length ? String(start + max) : undefined;
  return { page, next };
}

function fault(name: string, message: string) {
  const error = new Error(message);
  error.name = name;
  (error as any).$metadata = { httpStatusCode: 400 };
  return error;
}

/**
 * Replaces the ECS, CloudWatch and Auto Scaling clients with an in-memory AWS built
 * from clusters, finding the account by access key id (`AKIA<account id>`) and the
 * region from the client config, and counts every call by `Service.Operation`.
 */
export function installFakeAws(clusters: FakeCluster[]) {
  const ecs = mockClient(ECSClient);
  const cloudWatch = mockClient(CloudWatchClient);
  const autoScaling = mockClient(AutoScalingClient);
  const calls: Record<string, number> = {};
  const accountFaults = new Map<string, AccountFault>();
  let throttleEverything = false;

  const scope = async (client: any) => {
    const region = await client.config.region();
    const credentials = await client.config.credentials();
    const accountId = String(credentials.accessKeyId).replace(/^AKIA/, '');
    return { region, accountId };
  };

  const handle = <I, O>(
    name: string,
    run: (input: I, cluster: (name?: string) => FakeCluster) => O,
  ) => async (input: I, getClient: () => any) => {
    const client = getClient();
    calls[name] = (calls[name] ?? 0) + 1;
    const { region, accountId } = await scope(client);
    if (throttleEverything) throw fault('ThrottlingException', 'Rate exceeded');
    const accountFault = accountFaults.get(accountId);
    if (accountFault) throw fault(accountFault.name, accountFault.message);
    const find = (clusterName?: string) => {
      const found = clusters.find(
        c =>
          c.accountId === accountId &&
          c.region === region &&
          (clusterName === undefined || c.name === clusterName),
      );
      if (!found) throw fault('ClusterNotFoundException', 'Cluster not found.');
      return found;
    };
    return run(input, find);
  };

  const serviceOf = (task: Task) => task.group?.replace(/^service:/, '');

  ecs.on(DescribeServicesCommand).callsFake(
    handle('ECS.DescribeServices', (input: any, cluster) => {
      if (input.services.length > 10) throw fault('InvalidParameterException', 'max 10');
      const c = cluster(input.cluster);
      return {
        services: c.services.filter(s => input.services.includes(s.serviceName)),
        failures: input.services
          .filter((name: string) => !c.services.some(s => s.serviceName === name))
          .map((name: string) => ({ arn: name, reason: 'MISSING' })),
      };
    }),
  );
  ecs.on(ListTasksCommand).callsFake(
    handle('ECS.ListTasks', (input: any, cluster) => {
      if ((input.maxResults ?? 100) > 100) throw fault('InvalidParameterException', 'max 100');
      const c = cluster(input.cluster);
      const arns = [
        ...c.tasks
          .filter(
            t =>
              serviceOf(t) === input.serviceName &&
              (t.desiredStatus ?? 'RUNNING') === (input.desiredStatus ?? 'RUNNING'),
          )
          .map(t => t.taskArn!),
        ...(input.desiredStatus === 'RUNNING' ? c.missingTaskArns ?? [] : []),
      ];
      const { page, next } = paginate(arns, input.nextToken, input.maxResults ?? 100);
      return { taskArns: page, nextToken: next };
    }),
  );
  ecs.on(DescribeTasksCommand).callsFake(
    handle('ECS.DescribeTasks', (input: any, cluster) => {
      if (input.tasks.length === 0 || input.tasks.length > 100) {
        throw fault('InvalidParameterException', 'tasks must hold 1 to 100 ARNs');
      }
      const c = cluster(input.cluster);
      return {
        tasks: c.tasks.filter(t => input.tasks.includes(t.taskArn)),
        failures: input.tasks
          .filter((arn: string) => !c.tasks.some(t => t.taskArn === arn))
          .map((arn: string) => ({ arn, reason: 'MISSING' })),
      };
    }),
  );
  ecs.on(ListContainerInstancesCommand).callsFake(
    handle('ECS.ListContainerInstances', (input: any, cluster) => {
      const c = cluster(input.cluster);
      const { page, next } = paginate(
        c.instances.map(i => i.containerInstanceArn!),
        input.nextToken,
        input.maxResults ?? 100,
      );
      return { containerInstanceArns: page, nextToken: next };
    }),
  );
  ecs.on(DescribeContainerInstancesCommand).callsFake(
    handle('ECS.DescribeContainerInstances', (input: any, cluster) => {
      if (input.containerInstances.length === 0 || input.containerInstances.length > 100) {
        throw fault('InvalidParameterException', '1 to 100 container instances');
      }
      const c = cluster(input.cluster);
      return {
        containerInstances: c.instances.filter(i =>
          input.containerInstances.includes(i.containerInstanceArn),
        ),
        failures: [],
      };
    }),
  );
  ecs.on(DescribeCapacityProvidersCommand).callsFake(
    handle('ECS.DescribeCapacityProviders', (input: any, cluster) => {
      const c = cluster();
      return {
        capacityProviders: c.capacityProviders.filter(p =>
          input.capacityProviders.includes(p.name),
        ),
      };
    }),
  );
  ecs.on(DescribeTaskDefinitionCommand).callsFake(
    handle('ECS.DescribeTaskDefinition', (input: any) => ({
      taskDefinition: {
        taskDefinitionArn: input.taskDefinition,
        cpu: '256',
        memory: '512',
        networkMode: 'awsvpc',
        containerDefinitions: [],
      },
    })),
  );
  ecs.on(ListServiceDeploymentsCommand).callsFake(
    handle('ECS.ListServiceDeployments', (input: any, cluster) => {
      const c = cluster(input.cluster);
      return {
        serviceDeployments: (c.serviceDeployments ?? [])
          .filter(d => d.serviceArn?.endsWith(`/${input.service}`))
          .map(d => ({
            serviceDeploymentArn: d.serviceDeploymentArn,
            serviceArn: d.serviceArn,
            status: d.status,
            targetServiceRevisionArn: d.targetServiceRevision?.arn,
          })),
      };
    }),
  );
  ecs.on(DescribeServiceDeploymentsCommand).callsFake(
    handle('ECS.DescribeServiceDeployments', (input: any, cluster) => ({
      serviceDeployments: (cluster().serviceDeployments ?? []).filter(d =>
        input.serviceDeploymentArns.includes(d.serviceDeploymentArn),
      ),
    })),
  );
  ecs.on(DescribeServiceRevisionsCommand).callsFake(
    handle('ECS.DescribeServiceRevisions', (input: any, cluster) => ({
      serviceRevisions: input.serviceRevisionArns.map((arn: string) => ({
        serviceRevisionArn: arn,
        taskDefinition: cluster().serviceRevisions?.[arn],
      })),
    })),
  );
  autoScaling.on(DescribeAutoScalingGroupsCommand).callsFake(
    handle('AutoScaling.DescribeAutoScalingGroups', (input: any, cluster) => ({
      AutoScalingGroups: cluster().autoScalingGroups.filter(g =>
        input.AutoScalingGroupNames.includes(g.AutoScalingGroupName),
      ),
    })),
  );
  cloudWatch.on(GetMetricDataCommand).callsFake(
    handle('CloudWatch.GetMetricData', (input: any) => {
      if (input.MetricDataQueries.length > 500) throw fault('ValidationError', 'max 500');
      return {
        MetricDataResults: input.MetricDataQueries.map((query: any) => ({
          Id: query.Id,
          Timestamps: [input.EndTime],
          Values: [42],
        })),
      };
    }),
  );

  return {
    calls: () => ({ ...calls }),
    totalCalls: () => Object.values(calls).reduce((a, b) => a + b, 0),
    resetCalls: () => {
      for (const key of Object.keys(calls)) delete calls[key];
    },
    denyAccount: (accountId: string) =>
      accountFaults.set(accountId, {
        name: 'AccessDeniedException',
        message: `User arn:aws:sts::${accountId}:assumed-role/backstage/x is not authorized`,
      }),
    throttle: (on: boolean) => {
      throttleEverything = on;
    },
    restore: () => {
      ecs.restore();
      cloudWatch.restore();
      autoScaling.restore();
    },
  };
}
