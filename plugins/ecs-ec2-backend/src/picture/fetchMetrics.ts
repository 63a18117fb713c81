import {
  GetMetricDataCommand,
  MetricDataQuery,
  MetricDataResult,
} from '@aws-sdk/client-cloudwatch';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  EcsMetricPoint,
  EcsUtilizationSeries,
  EcsWarning,
} from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import { AwsAccountRegionClients } from '../aws/AwsClients';
import { warningFromError } from '../aws/awsWarnings';

/** GetMetricData takes at most 500 queries per call. */
const QUERIES_PER_CALL = 500;
/** One point a minute over the last hour. */
export const METRIC_PERIOD_SECONDS = 60;
const METRIC_WINDOW_MS = 60 * 60 * 1000;

/** What one metric query is about; the query id is derived from its position. */
export type MetricSubject =
  | { kind: 'service'; clusterName: string; serviceName: string }
  | {
      kind: 'instance';
      clusterName: string;
      containerInstanceId: string;
      ec2InstanceId: string;
    }
  | { kind: 'capacityProvider'; clusterName: string; capacityProviderName: string };

type Metric = NonNullable<MetricDataQuery['MetricStat']>['Metric'];

function metricsOf(subject: MetricSubject): { cpu?: Metric; memory?: Metric; reservation?: Metric } {
  const cluster = { Name: 'ClusterName', Value: subject.clusterName };
  switch (subject.kind) {
    case 'service': {
      const dimensions = [cluster, { Name: 'ServiceName', Value: subject.serviceName }];
      return {
        cpu: { Namespace: 'AWS/ECS', MetricName: 'CPUUtilization', Dimensions: dimensions },
        memory: { Namespace: 'AWS/ECS', MetricName: 'MemoryUtilization', Dimensions: dimensions },
      };
    }
    case 'instance': {
      // Instance-level metrics exist only with Container Insights on the cluster.
      const dimensions = [
        cluster,
        { Name: 'ContainerInstanceId', Value: subject.containerInstanceId },
        { Name: 'EC2InstanceId', Value: subject.ec2InstanceId },
      ];
      return {
        cpu: {
          Namespace: 'ECS/ContainerInsights',
          MetricName: 'instance_cpu_utilization',
          Dimensions: dimensions,
        },
        memory: {
          Namespace: 'ECS/ContainerInsights',
          MetricName: 'instance_memory_utilization',
          Dimensions: dimensions,
        },
      };
    }
    case 'capacityProvider':
      return {
        reservation: {
          Namespace: 'AWS/ECS/ManagedScaling',
          MetricName: 'CapacityProviderReservation',
          Dimensions: [
            cluster,
            { Name: 'CapacityProviderName', Value: subject.capacityProviderName },
          ],
        },
      };
    default:
      return {};
  }
}

/** Results by subject index: utilization series, or the latest reservation. */
export interface FetchedMetrics {
  utilization: Map<number, EcsUtilizationSeries>;
  reservation: Map<number, number>;
  warnings: EcsWarning[];
}

/** Builds the query list for a set of subjects; exported for the call-count formula. */
export function buildMetricQueries(subjects: MetricSubject[]): MetricDataQuery[] {
  return subjects.flatMap((subject, index) =>
    Object.entries(metricsOf(subject)).map(([name, metric]) => ({
      // Ids must start with a lower-case letter and be unique within the call.
      Id: `m${index}_${name}`,
      MetricStat: {
        Metric: metric,
        Period: METRIC_PERIOD_SECONDS,
        Stat: 'Average',
      },
      ReturnData: true,
    })),
  );
}

function points(result: MetricDataResult): EcsMetricPoint[] {
  const timestamps = result.Timestamps ?? [];
  const values = result.Values ?? [];
  return timestamps
    .map((timestamp, i) => ({
      timestamp: new Date(timestamp).toISOString(),
      value: values[i],
    }))
    .sort((a, b) => a.timestamp.localeCompare(b.timestamp));
}

/**
 * Fetches the last hour of CPU and memory utilization (and capacity provider
 * reservation) for all subjects, in as few GetMetricData calls as the 500-query
 * limit allows.
 */
export async function fetchMetrics(
  clients: AwsAccountRegionClients,
  clusterName: string,
  subjects: MetricSubject[],
  now: Date,
  logger: LoggerService,
): Promise<FetchedMetrics> {
  const utilization = new Map<number, EcsUtilizationSeries>();
  const reservation = new Map<number, number>();
  const warnings: EcsWarning[] = [];
  const queries = buildMetricQueries(subjects);
  if (queries.length === 0) {
    return { utilization, reservation, warnings };
  }

  const endTime = new Date(
    Math.floor(now.getTime() / (METRIC_PERIOD_SECONDS * 1000)) *
      METRIC_PERIOD_SECONDS *
      1000,
  );
  const startTime = new Date(endTime.getTime() - METRIC_WINDOW_MS);

  const results: MetricDataResult[] = [];
  await Promise.all(
    Array.from({ length: Math.ceil(queries.length / QUERIES_PER_CALL) }, (_, i) =>
      queries.slice(i * QUERIES_PER_CALL, (i + 1) * QUERIES_PER_CALL),
    ).map(async batch => {
      let nextToken: string | undefined;
      try {
        do {
          const page = await clients.run(() =>
            clients.cloudWatch.send(
              new GetMetricDataCommand({
                MetricDataQueries: batch,
                StartTime: startTime,
                EndTime: endTime,
                NextToken: nextToken,
              }),
            ),
          );
          results.push(...(page.MetricDataResults ?? []));
          nextToken = page.NextToken;
        } while (nextToken);
      } catch (error) {
        warnings.push(
          warningFromError(error, `Utilization metrics of cluster ${clusterName}`, logger),
        );
      }
    }),
  );

  for (const result of results) {
    const match = result.Id?.match(/^m(\d+)_(cpu|memory|reservation)$/);
    if (!match) continue;
    const index = Number(match[1]);
    const series = points(result);
    if (match[2] === 'reservation') {
      if (series.length > 0) reservation.set(index, series[series.length - 1].value);
      continue;
    }
    const entry = utilization.get(index) ?? { cpu: [], memory: [] };
    // A paged result continues the same series, so points are appended.
    entry[match[2] as 'cpu' | 'memory'].push(...series);
    utilization.set(index, entry);
  }

  return { utilization, reservation, warnings };
}
