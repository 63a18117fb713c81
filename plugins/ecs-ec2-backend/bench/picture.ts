/*
 * Benchmark of the entity picture against the ECS simulator's scale scenario
 * (service `bulk`: 2,000 tasks on 400 container instances, 12 capacity providers)
 * with 50 ms simulated latency per AWS call. Not a test: it prints figures.
 *
 * The simulator runs in a child process, as AWS runs elsewhere: in this process it
 * would take event-loop time from the plugin and slow the very chain being measured.
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
import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { once } from 'node:events';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
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
  const described = [];
  let providerToken: string | undefined;
  do {
    const page = await ecs.send(
      new DescribeCapacityProvidersCommand({ capacityProviders: providers, nextToken: providerToken }),
    );
    described.push(...(page.capacityProviders ?? []));
    providerToken = page.nextToken;
  } while (providerToken);
  for (const provider of described) {
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

/** Starts the simulator's command in a child process and returns its URL. */
async function startSimulatorProcess(): Promise<{ url: string; child: ChildProcess }> {
  const bin = path.resolve(__dirname, '../../../packages/ecs-simulator/bin/ecs-simulator');
  const child = spawn(process.execPath, [bin, '--scenario', 'scale', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  for await (const chunk of child.stdout!) {
    output += chunk;
    const match = output.match(/listening on (http:\/\/\S+)/);
    if (match) return { url: match[1], child };
  }
  throw new Error(`The simulator exited before listening: ${output}`);
}

async function main() {
  const simulator = await startSimulatorProcess();
  const admin = async (route: string, body?: unknown) => {
    const response = await fetch(`${simulator.url}/_admin/${route}`, {
      method: body === undefined ? 'GET' : 'POST',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await response.json()) as Record<string, number>;
  };
  const resetCalls = () => admin('calls/reset', {});
  const calls = () => admin('calls');
  await admin('faults', { latency: { ms: LATENCY_MS } });

  const config = new ConfigReader({
    aws: { accounts: [{ accountId: ACCOUNT, accessKeyId: 'SIMULATED', secretAccessKey: 'simulated' }] },
  });
  const createClients = () =>
    AwsClients.fromConfig(config, {
      endpoint: simulator.url,
      maxAttempts: 4,
      maxConcurrency: 10,
      cacheTtlMs: 60_000,
    });
  const createService = (clients: AwsClients) =>
    new EcsPictureService({
      clients,
      cache: memoryCache(),
      cacheTtlMs: 60_000,
      logger: silentLogger,
    });

  try {
    // The first request after start also creates the SDK clients and their connections.
    const clients = createClients();
    await resetCalls();
    const first = await timed(() => createService(clients).getPicture(entity));

    // Records when the last ListTasks page of the picture arrived, through the
    // middleware stack of the very client the plugin uses.
    const { ecs } = await clients.forAccountRegion(ACCOUNT, 'us-east-1');
    let lastListTasksPage = 0;
    ecs.middlewareStack.add(
      (next, context) => async args => {
        const result = await next(args);
        if (context.commandName === 'ListTasksCommand') lastListTasksPage = performance.now();
        return result;
      },
      { step: 'initialize', name: 'benchListTasksTiming' },
    );

    // Cold: nothing cached, clients already in use, as in a running backend.
    // Warm: the same backend again within the TTL.
    const pictures = createService(clients);
    await resetCalls();
    const coldStart = performance.now();
    const cold = await timed(() => pictures.getPicture(entity));
    const chainInPicture = Math.round(lastListTasksPage - coldStart);
    const coldCalls = await calls();
    await resetCalls();
    const warm = await timed(() => pictures.getPicture(entity));
    const warmCalls = total(await calls());

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

    // The bound, measured on the same clients: the ListTasks page chain on its own,
    // plus two round trips of a single call (median of five).
    const chain = await timed(async () => {
      let nextToken: string | undefined;
      let pages = 0;
      do {
        const page = await ecs.send(
          new ListTasksCommand({ cluster: 'scale', serviceName: 'bulk', maxResults: 100, nextToken }),
        );
        nextToken = page.nextToken;
        pages++;
      } while (nextToken);
      return pages;
    });
    const roundTrips: number[] = [];
    for (let i = 0; i < 5; i++) {
      roundTrips.push(
        (await timed(() =>
          ecs.send(new DescribeServicesCommand({ cluster: 'scale', services: ['bulk'] })),
        )).ms,
      );
    }
    const roundTrip = percentile(roundTrips, 50);
    const bound = chain.ms + 2 * roundTrip;

    // 100 viewers at once on a backend with an empty cache.
    const crowd = createService(clients);
    await resetCalls();
    const crowdTimes = await Promise.all(
      Array.from({ length: VIEWERS }, () => timed(() => crowd.getPicture(entity))),
    );
    const crowdCalls = total(await calls());

    await resetCalls();
    const naiveCold = await timed(() => naivePicture(simulator.url));
    const naiveCalls = total(await calls());
    await resetCalls();
    const naiveCrowd = await Promise.all(
      Array.from({ length: VIEWERS }, () => timed(() => naivePicture(simulator.url))),
    );
    const naiveCrowdCalls = total(await calls());

    const ms = (values: { ms: number }[]) => values.map(v => v.ms);
    console.log(`Service bulk: ${running} running and ${stopped} stopped tasks, ${service.containerInstances.length} container instances, ${service.capacityProviders.length} capacity providers, ${LATENCY_MS} ms per AWS call`);
    console.log(`Minimum calls = 1 DescribeServices + 1 DescribeTaskDefinition + ceil(running/100) + ceil(stopped/100) ListTasks (each list at least 1) + ceil(tasks/100) DescribeTasks + 2 x ceil(instances/100) container instance list and describe + ceil(providers/10) DescribeCapacityProviders + ceil(providers/100) DescribeAutoScalingGroups + 1 ListServiceDeployments + ceil((2 + 2 x instances + providers)/500) GetMetricData`);
    console.log(`Bound:         ListTasks chain of ${chain.result} pages ${chain.ms} ms + 2 round trips of ${roundTrip} ms = ${bound} ms (nominal ${(chain.result + 2) * LATENCY_MS} ms)`);
    console.log(`Plugin cold:   ${total(coldCalls)} calls (minimum ${total(minimum)}), ${cold.ms} ms (${cold.ms <= bound ? 'within' : 'over'} the bound)`);
    console.log(`               its own ListTasks chain ended at ${chainInPicture} ms; ${cold.ms - chainInPicture} ms after it (${((cold.ms - chainInPicture) / roundTrip).toFixed(1)} round trips)`);
    console.log(`               ${JSON.stringify(coldCalls)}`);
    console.log(`Plugin first request after start (creates the SDK clients): ${first.ms} ms`);
    console.log(`Plugin warm:   ${warmCalls} calls, ${warm.ms} ms`);
    console.log(`Plugin ${VIEWERS} viewers: ${crowdCalls} calls, p50 ${percentile(ms(crowdTimes), 50)} ms, p99 ${percentile(ms(crowdTimes), 99)} ms`);
    console.log(`Naive cold:    ${naiveCalls} calls, ${naiveCold.ms} ms (${naiveCold.result} tasks)`);
    console.log(`Naive ${VIEWERS} viewers: ${naiveCrowdCalls} calls, p50 ${percentile(ms(naiveCrowd), 50)} ms, p99 ${percentile(ms(naiveCrowd), 99)} ms`);
  } finally {
    simulator.child.kill('SIGTERM');
    await once(simulator.child, 'exit');
  }
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
