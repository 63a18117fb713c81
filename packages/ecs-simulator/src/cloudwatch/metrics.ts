import { unitNoise } from '../random';
import type { ClusterRecord, ContainerInstanceRecord, RegionRecord, ServiceRecord } from '../world/types';

export interface MetricQuery {
  namespace: string;
  metricName: string;
  dimensions: Record<string, string>;
  stat: string;
}

const HOUR_MS = 60 * 60 * 1000;

/** Phases by series key, because a query over an hour needs the same series' phase 60 times. */
const phases = new Map<string, number>();

function phaseOf(seriesKey: string): number {
  let phase = phases.get(seriesKey);
  if (phase === undefined) {
    phase = unitNoise(seriesKey) * 2 * Math.PI;
    // Keys come from service ARNs, so the map stays small; the bound guards long runs.
    if (phases.size > 10_000) phases.clear();
    phases.set(seriesKey, phase);
  }
  return phase;
}

/**
 * Returns a utilization in percent that follows a resource's average load: an hourly wave,
 * plus noise drawn from a hash of the series and the time bucket, so the same query returns
 * the same numbers.
 */
function utilization(base: number, seriesKey: string, bucketStart: number, stat: string): number {
  const phase = phaseOf(seriesKey);
  const wave = Math.sin((2 * Math.PI * bucketStart) / HOUR_MS + phase) * 0.2 * base;
  const noise = (unitNoise(`${seriesKey}/${bucketStart}`) - 0.5) * 0.1 * base;
  let value = base + wave + noise;
  if (stat === 'Maximum' || stat.startsWith('p9')) value *= 1.25;
  if (stat === 'Minimum') value *= 0.75;
  return Math.max(0, Math.round(value * 100) / 100);
}

function serviceReservation(service: ServiceRecord) {
  let cpu = 0;
  let memory = 0;
  for (const task of service.tasks) {
    if (task.lastStatus === 'RUNNING') {
      cpu += task.taskDefinition.needs.cpu;
      memory += task.taskDefinition.needs.memory;
    }
  }
  return { cpu, memory };
}

function clusterValue(cluster: ClusterRecord, metricName: string, bucketStart: number, stat: string): number | undefined {
  let registeredCpu = 0;
  let registeredMemory = 0;
  for (const instance of cluster.instances.values()) {
    registeredCpu += instance.cpu;
    registeredMemory += instance.memory;
  }
  if (registeredCpu === 0) {
    return undefined;
  }
  let reservedCpu = 0;
  let reservedMemory = 0;
  let usedCpu = 0;
  let usedMemory = 0;
  for (const service of cluster.services.values()) {
    const reserved = serviceReservation(service);
    reservedCpu += reserved.cpu;
    reservedMemory += reserved.memory;
    usedCpu += (reserved.cpu * utilization(service.load.cpu, `${service.arn}/cpu`, bucketStart, 'Average')) / 100;
    usedMemory += (reserved.memory * utilization(service.load.memory, `${service.arn}/memory`, bucketStart, 'Average')) / 100;
  }
  let scale = 1;
  if (stat === 'Maximum') scale = 1.15;
  if (stat === 'Minimum') scale = 0.85;
  const percent = (value: number, total: number) => Math.round(((value * scale) / total) * 10000) / 100;
  switch (metricName) {
    case 'CPUUtilization':
      return percent(usedCpu, registeredCpu);
    case 'MemoryUtilization':
      return percent(usedMemory, registeredMemory);
    case 'CPUReservation':
      return Math.round((reservedCpu / registeredCpu) * 10000) / 100;
    case 'MemoryReservation':
      return Math.round((reservedMemory / registeredMemory) * 10000) / 100;
    default:
      return undefined;
  }
}

/** Yields one datapoint of a series for a time bucket, or undefined past the series' end. */
export type MetricSeries = (bucketStart: number) => number | undefined;

/**
 * Finds the series a query names, or undefined when the simulator publishes no such series.
 * The lookups (cluster, service, instance) happen once per query rather than once per
 * datapoint, because a GetMetricData call of 500 queries over an hour computes 30,000 points.
 * The series follow the current state: a task placed now counts for past buckets too.
 */
export function metricSeries(region: RegionRecord, query: MetricQuery): MetricSeries | undefined {
  const cluster = region.clusters.get(query.dimensions.ClusterName ?? '');
  if (!cluster) {
    return undefined;
  }

  if (query.namespace === 'AWS/ECS') {
    const serviceName = query.dimensions.ServiceName;
    if (!serviceName) {
      return bucket => clusterValue(cluster, query.metricName, bucket, query.stat);
    }
    const service = cluster.services.get(serviceName);
    if (!service || serviceReservation(service).cpu === 0 && service.tasks.size === 0) {
      return undefined;
    }
    if (query.metricName === 'CPUUtilization') {
      return bucket => utilization(service.load.cpu, `${service.arn}/cpu`, bucket, query.stat);
    }
    if (query.metricName === 'MemoryUtilization') {
      return bucket => utilization(service.load.memory, `${service.arn}/memory`, bucket, query.stat);
    }
    return undefined;
  }

  if (query.namespace === 'ECS/ContainerInsights') {
    return instanceSeries(cluster, query);
  }

  if (query.namespace === 'AWS/ECS/ManagedScaling' && query.metricName === 'CapacityProviderReservation') {
    const providerName = query.dimensions.CapacityProviderName;
    if (!cluster.capacityProviders.includes(providerName)) {
      return undefined;
    }
    const value = capacityProviderReservation(cluster, providerName);
    return () => value;
  }

  return undefined;
}

function instanceSeries(cluster: ClusterRecord, query: MetricQuery): MetricSeries | undefined {
  const instanceId = query.dimensions.EC2InstanceId ?? query.dimensions.InstanceId;
  const containerInstanceId = query.dimensions.ContainerInstanceId;
  let instance: ContainerInstanceRecord | undefined;
  for (const candidate of cluster.instances.values()) {
    if (candidate.ec2InstanceId === instanceId || (containerInstanceId !== undefined && candidate.id === containerInstanceId)) {
      instance = candidate;
      break;
    }
  }
  if (!instance || !cluster.containerInsights) {
    return undefined;
  }
  const host = instance;
  const percent = (value: number, total: number) => Math.min(100, Math.round((value / total) * 10000) / 100);

  switch (query.metricName) {
    case 'instance_cpu_utilization':
    case 'instance_memory_utilization': {
      const resource = query.metricName === 'instance_cpu_utilization' ? 'cpu' : 'memory';
      // Tasks of one service share a load curve, so their reservations are summed first.
      const reservedByService = new Map<string, { load: number; reserved: number }>();
      for (const task of host.tasks) {
        const service = task.serviceName ? cluster.services.get(task.serviceName) : undefined;
        const key = `${service?.arn}/${resource}`;
        const entry = reservedByService.get(key) ?? {
          load: service?.load[resource] ?? (resource === 'cpu' ? 30 : 50),
          reserved: 0,
        };
        entry.reserved += task.taskDefinition.needs[resource];
        reservedByService.set(key, entry);
      }
      const total = resource === 'cpu' ? host.cpu : host.memory;
      // The agent and the operating system use about 2% CPU and 5% memory on an idle instance.
      const idle = (resource === 'cpu' ? 0.02 : 0.05) * total;
      return bucket => {
        let used = idle;
        for (const [key, { load, reserved }] of reservedByService) {
          used += (reserved * utilization(load, key, bucket, query.stat)) / 100;
        }
        return percent(used, total);
      };
    }
    case 'instance_cpu_reserved_capacity':
      return () => Math.round((host.usedCpu / host.cpu) * 10000) / 100;
    case 'instance_memory_reserved_capacity':
      return () => Math.round((host.usedMemory / host.memory) * 10000) / 100;
    default:
      return undefined;
  }
}

/**
 * CapacityProviderReservation = instances needed / instances running x 100. Instances with
 * tasks are needed; a service that could not place a task on this provider needs one more.
 */
function capacityProviderReservation(cluster: ClusterRecord, providerName: string): number {
  let running = 0;
  let needed = 0;
  for (const instance of cluster.instances.values()) {
    if (instance.capacityProviderName !== providerName) continue;
    running++;
    if (instance.tasks.size > 0) needed++;
  }
  const starved = [...cluster.services.values()].some(
    s => s.tasks.size < s.desiredCount && s.capacityProviderStrategy.some(c => c.capacityProvider === providerName),
  );
  if (starved) needed++;
  if (running === 0) {
    return needed > 0 ? 200 : 100;
  }
  return Math.round((needed / running) * 10000) / 100;
}
