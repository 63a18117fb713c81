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
/** One point a minute over the last hour for services and capacity providers. */
export const METRIC_PERIOD_SECONDS = 60;
/**
 * One point every five minutes for instances. A large service runs on hundreds of
 * instances, and the tab charts one of them at a time. At one point a minute, their
 * series would fill most of the response from AWS and most of the one to the browser.
 */
export const INSTANCE_METRIC_PERIOD_SECONDS = 300;
const METRIC_WINDOW_MS = 60 * 60 * 1000;

/** The service, instance or capacity provider that a metric query is about. */
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


/** Builds the queries of one subject, with ids that carry its index and the metric's name. */
function queriesOf(subject: MetricSubject, index: number): MetricDataQuery[] {
  return Object.entries(metricsOf(subject)).map(([name, metric]) => ({
    // Ids must start with a lower-case letter and be unique within the call.
    Id: `m${index}_${name}`,
    MetricStat: {
      Metric: metric,
      Period:
        subject.kind === 'instance' ? INSTANCE_METRIC_PERIOD_SECONDS : METRIC_PERIOD_SECONDS,
      Stat: 'Average',
    },
    ReturnData: true,
  }));
}

/** Identifies a subject across services, so a shared instance is queried once. */
export function subjectKey(subject: MetricSubject): string {
  switch (subject.kind) {
    case 'service':
      return `service/${subject.serviceName}`;
    case 'instance':
      return `instance/${subject.containerInstanceId}`;
    default:
      return `capacityProvider/${subject.capacityProviderName}`;
  }
}

/** Results by subject key: utilization series, or the latest reservation. */
export interface FetchedMetrics {
  utilization: Map<string, EcsUtilizationSeries>;
  reservation: Map<string, number>;
  warnings: EcsWarning[];
}

/** Converts a result to points in time order; CloudWatch returns the newest first. */
function points(result: MetricDataResult): EcsMetricPoint[] {
  const timestamps = result.Timestamps ?? [];
  const values = result.Values ?? [];
  return timestamps
    .map((timestamp, i) => ({ time: new Date(timestamp).getTime(), value: values[i] }))
    .sort((a, b) => a.time - b.time)
    .map(({ time, value }) => ({ timestamp: new Date(time).toISOString(), value }));
}

/**
 * Gathers the metric subjects of one cluster's picture and fetches the last hour of
 * CPU and memory utilization (and capacity provider reservation) for them.
 *
 * Subjects arrive in steps: the services first, then the instances of the services'
 * capacity providers, then whatever the tasks add. A GetMetricData call goes out as
 * soon as 500 queries are waiting. `flush` sends a partial batch early when the caller
 * has no more subjects to add, so the metrics need not wait for the last page
 * of tasks. A subject is queried once however often it is added.
 */
export class MetricCollector {
  /** Subject keys by query index, the index being the position here. */
  private readonly keys: string[] = [];
  private readonly indexOfKey = new Map<string, number>();
  private pending: MetricDataQuery[] = [];
  private readonly calls: Promise<void>[] = [];
  private readonly results: { index: number; name: string; series: EcsMetricPoint[] }[] = [];
  private readonly warnings: EcsWarning[] = [];
  private readonly startTime: Date;
  private readonly endTime: Date;

  constructor(
    private readonly clients: AwsAccountRegionClients,
    private readonly clusterName: string,
    now: Date,
    private readonly logger: LoggerService,
  ) {
    this.endTime = new Date(
      Math.floor(now.getTime() / (METRIC_PERIOD_SECONDS * 1000)) *
        METRIC_PERIOD_SECONDS *
        1000,
    );
    this.startTime = new Date(this.endTime.getTime() - METRIC_WINDOW_MS);
  }

  /** Queues the subjects not seen before and sends every full batch. */
  add(subjects: MetricSubject[]): void {
    for (const subject of subjects) {
      const key = subjectKey(subject);
      if (this.indexOfKey.has(key)) continue;
      const index = this.keys.length;
      this.keys.push(key);
      this.indexOfKey.set(key, index);
      this.pending.push(...queriesOf(subject, index));
    }
    while (this.pending.length >= QUERIES_PER_CALL) {
      this.send(this.pending.splice(0, QUERIES_PER_CALL));
    }
  }

  /** Sends the waiting queries now, in a partial batch if need be. */
  flush(): void {
    if (this.pending.length > 0) {
      this.send(this.pending.splice(0, this.pending.length));
    }
  }

  /** Adds the subjects the picture shows, sends what is left and waits for every call. */
  async finish(subjects: MetricSubject[]): Promise<FetchedMetrics> {
    this.add(subjects);
    this.flush();
    await Promise.all(this.calls);

    const utilization = new Map<string, EcsUtilizationSeries>();
    const reservation = new Map<string, number>();
    for (const { index, name, series } of this.results) {
      const key = this.keys[index];
      if (name === 'reservation') {
        if (series.length > 0) reservation.set(key, series[series.length - 1].value);
        continue;
      }
      const entry = utilization.get(key) ?? { cpu: [], memory: [] };
      // A paged result continues the same series, so points are appended.
      entry[name as 'cpu' | 'memory'].push(...series);
      utilization.set(key, entry);
    }
    return { utilization, reservation, warnings: this.warnings };
  }

  private send(batch: MetricDataQuery[]): void {
    this.calls.push(this.fetch(batch));
  }

  private async fetch(batch: MetricDataQuery[]): Promise<void> {
    let nextToken: string | undefined;
    try {
      do {
        const page = await this.clients.run(() =>
          this.clients.cloudWatch.send(
            new GetMetricDataCommand({
              MetricDataQueries: batch,
              StartTime: this.startTime,
              EndTime: this.endTime,
              NextToken: nextToken,
            }),
          ),
        );
        for (const result of page.MetricDataResults ?? []) {
          const match = result.Id?.match(/^m(\d+)_(cpu|memory|reservation)$/);
          // Converted on arrival, so early batches cost nothing once the tasks are in.
          if (match) {
            this.results.push({ index: Number(match[1]), name: match[2], series: points(result) });
          }
        }
        nextToken = page.NextToken;
      } while (nextToken);
    } catch (error) {
      const part = `Utilization metrics of cluster ${this.clusterName}`;
      // One warning for the cluster, however many of its calls failed.
      if (!this.warnings.some(warning => warning.part === part)) {
        this.warnings.push(warningFromError(error, part, this.logger));
      }
    }
  }
}
