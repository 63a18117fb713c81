/*
 * Benchmark of the entity picture against the ECS simulator's scale scenario
 * (service `bulk`: 2,000 tasks on 400 container instances, 12 capacity providers)
 * with 50 ms simulated latency per AWS call. Not a test: it prints figures.
 *
 * Run from the repository root:
 *   node_modules/.bin/sucrase-node plugins/ecs-ec2-backend/bench/picture.ts
 */
import {
  DescribeAutoScalingGroupsCommand,
  AutoScalingClient,
} from '@aws-sdk/client-auto-scaling';
import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import {
  DescribeCapacityProvidersCommand,
  DescribeContainerInstancesCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ECSClient,
  ListTasksCommand,
} from '@aws-sdk/client-ecs';
import { CacheService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { startSimulator } from '@ecs-on-ec2/ecs-simulator';
import { AwsClients } from '../src/aws/AwsClients';
import { minimumCallsForService, total } from '../src/picture/minimumCalls';
import { EcsPictureService } from '../src/service/EcsPictureService';

const LATENCY_MS = 50;
const VIEWERS = 100;
const ACCOUNT = '123456789012';
const SERVICE_ARN = `arn:aws:ecs:us-east-1:${ACCOUNT}:service/scale/bulk`;

const silentLogger: LoggerService = {
  error: () => {},
  warn: () => {},
  info: () => {},
  debug: () => {},
  child: () => silentLogger,
};

/** Creates an in-process stand-in for coreServices.cache with TTL. */
function memoryCache(): CacheService {
  const store = new Map<string, { value: any; expires: number }>();
  const cache: CacheService = {
    get: async key => {
      const entry = store.get(key);
      return entry && entry.expires > Date.now() ? entry.value : undefined;
    },
    set: async (key, value, options) => {
      store.set(key, { value, expires: Date.now() + (options?.ttl as number) });
    },
    delete: async key => {
      store.delete(key);
    },
    withOptions: () => cache,
  };
  return cache;
}

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'bulk', annotations: { 'ecs-ec2.io/service-arn': SERVICE_ARN } },
};

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

async function timed<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await run();
  return { result, ms: Math.round(performance.now() - start) };
}

/** Fetches one viewer's data the naive way: one call after another, per-instance metrics, no cache. */
async function naivePicture(endpoint: string) {
  const options = {
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'SIMULATED', secretAccessKey: 'simulated' },
  };
  const ecs = new ECSClient(options);
  const autoScaling = new AutoScalingClient(options);
  const cloudWatch = new CloudWatchClient(options);

  await ecs.send(new DescribeServicesCommand({ cluster: 'scale', services: ['bulk'] }));
  const tasks = [];
  let nextToken: string | undefined;
  do {
    const page = await ecs.send(
      new ListTasksCommand({ cluster: 'scale', serviceName: 'bulk', nextToken }),
    );
    if (page.taskArns?.length) {
      const described = await ecs.send(
        new DescribeTasksCommand({ cluster: 'scale', tasks: page.taskArns }),
      );
      tasks.push(...(described.tasks ?? []));
    }
    nextToken = page.nextToken;
  } while (nextToken);

  const instanceArns = [...new Set(tasks.map(task => task.containerInstanceArn!))];
  const instances = [];
  for (let i = 0; i < instanceArns.length; i += 100) {
    const described = await ecs.send(
      new DescribeContainerInstancesCommand({
        cluster: 'scale',
        containerInstances: instanceArns.slice(i, i + 100),
      }),
    );
    instances.push(...(described.containerInstances ?? []));
  }
  const providers = [...new Set(instances.map(i => i.capacityProviderName!))];
  const described = await ecs.send(
    new DescribeCapacityProvidersCommand({ capacityProviders: providers }),
  );
  for (const provider of described.capacityProviders ?? []) {
    const name = provider.autoScalingGroupProvider?.autoScalingGroupArn?.split('autoScalingGroupName/')[1];
    await autoScaling.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [name!] }));
  }
  const end = new Date();
  const start = new Date(end.getTime() - 3600_000);
  for (const instance of instances) {
    await cloudWatch.send(
      new GetMetricDataCommand({
        StartTime: start,
        EndTime: end,
        MetricDataQueries: ['instance_cpu_utilization', 'instance_memory_utilization'].map(
          (metricName, i) => ({
            Id: `m${i}`,
            MetricStat: {
              Metric: {
                Namespace: 'ECS/ContainerInsights',
                MetricName: metricName,
                Dimensions: [
                  { Name: 'ClusterName', Value: 'scale' },
                  { Name: 'EC2InstanceId', Value: instance.ec2InstanceId! },
                ],
              },
              Period: 60,
              Stat: 'Average',
            },
          }),
        ),
      }),
    );
  }
  return tasks.length;
}

async function main() {
  const simulator = await startSimulator({
    scenario: 'scale',
    port: 0,
    clock: 'real',
    faults: { latency: { ms: LATENCY_MS } },
  });
  const config = new ConfigReader({
    aws: { accounts: [{ accountId: ACCOUNT, accessKeyId: 'SIMULATED', secretAccessKey: 'simulated' }] },
  });
  const createService = () =>
    new EcsPictureService({
      clients: AwsClients.fromConfig(config, {
        endpoint: simulator.url,
        maxAttempts: 4,
        maxConcurrency: 10,
        cacheTtlMs: 60_000,
      }),
      cache: memoryCache(),
      cacheTtlMs: 60_000,
      logger: silentLogger,
    });

  try {
    // Cold: nothing cached; warm: the same backend again within the TTL.
    const pictures = createService();
    simulator.resetCalls();
    const cold = await timed(() => pictures.getPicture(entity));
    const coldCalls = simulator.calls();
    simulator.resetCalls();
    const warm = await timed(() => pictures.getPicture(entity));
    const warmCalls = total(simulator.calls());

    const service = cold.result.services[0];
    const running = service.tasks.filter(t => t.lastStatus !== 'STOPPED').length;
    const stopped = service.tasks.length - running;
    const minimum = minimumCallsForService({
      runningTasks: running,
      stoppedTasks: stopped,
      clusterInstances: coldCalls['ECS.DescribeContainerInstances']
        ? service.containerInstances.length
        : 0,
      clusterCapacityProviders: service.capacityProviders.length,
      shownInstances: service.containerInstances.length,
      shownCapacityProviders: service.capacityProviders.length,
      failedServiceDeployments: 0,
    });
    const listTaskPages = Math.ceil(running / 100);

    // 100 viewers at once on a fresh backend.
    const crowd = createService();
    simulator.resetCalls();
    const crowdTimes = await Promise.all(
      Array.from({ length: VIEWERS }, () => timed(() => crowd.getPicture(entity))),
    );
    const crowdCalls = total(simulator.calls());

    simulator.resetCalls();
    const naiveCold = await timed(() => naivePicture(simulator.url));
    const naiveCalls = total(simulator.calls());
    simulator.resetCalls();
    const naiveCrowd = await Promise.all(
      Array.from({ length: VIEWERS }, () => timed(() => naivePicture(simulator.url))),
    );
    const naiveCrowdCalls = total(simulator.calls());

    const ms = (values: { ms: number }[]) => values.map(v => v.ms);
    console.log(`Service bulk: ${running} running and ${stopped} stopped tasks, ${service.containerInstances.length} container instances, ${service.capacityProviders.length} capacity providers, ${LATENCY_MS} ms per AWS call`);
    console.log(`Minimum calls = 1 DescribeServices + 1 DescribeTaskDefinition + ceil(running/100) + ceil(stopped/100) ListTasks (each list at least 1) + ceil(tasks/100) DescribeTasks + 2 x ceil(instances/100) container instance list and describe + ceil(providers/100) DescribeCapacityProviders and DescribeAutoScalingGroups + 1 ListServiceDeployments + ceil((2 + 2 x instances + providers)/500) GetMetricData`);
    console.log(`Plugin cold:   ${total(coldCalls)} calls (minimum ${total(minimum)}), ${cold.ms} ms; bound ${listTaskPages} ListTasks pages + 2 round trips = ${(listTaskPages + 2) * LATENCY_MS} ms of latency`);
    console.log(`               ${JSON.stringify(coldCalls)}`);
    console.log(`Plugin warm:   ${warmCalls} calls, ${warm.ms} ms`);
    console.log(`Plugin ${VIEWERS} viewers: ${crowdCalls} calls, p50 ${percentile(ms(crowdTimes), 50)} ms, p99 ${percentile(ms(crowdTimes), 99)} ms`);
    console.log(`Naive cold:    ${naiveCalls} calls, ${naiveCold.ms} ms (${naiveCold.result} tasks)`);
    console.log(`Naive ${VIEWERS} viewers: ${naiveCrowdCalls} calls, p50 ${percentile(ms(naiveCrowd), 50)} ms, p99 ${percentile(ms(naiveCrowd), 99)} ms`);
  } finally {
    await simulator.stop();
  }
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
