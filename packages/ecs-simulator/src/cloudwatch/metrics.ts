import { unitNoise } from '../random';
import type { ClusterRecord, RegionRecord, ServiceRecord } from '../world/types';

export interface MetricQuery {
  namespace: string;
  metricName: string;
  dimensions: Record<string, string>;
  stat: string;
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * Returns a utilization in percent that follows a resource's average load: an hourly wave,
 * plus noise drawn from a hash of the series and the time bucket, so the same query returns
 * the same numbers.
 */
function utilization(base: number, seriesKey: string, bucketStart: number, stat: string): number {
  const phase = unitNoise(seriesKey) * 2 * Math.PI;
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

/**
 * Computes one datapoint of a metric the simulator publishes, or undefined when no such series
 * exists. The series follow the current state: a task placed now counts for past buckets too.
 */
export function metricValue(region: RegionRecord, query: MetricQuery, bucketStart: number): number | undefined {
  const cluster = region.clusters.get(query.dimensions.ClusterName ?? '');
  if (!cluster) {
    return undefined;
  }

  if (query.namespace === 'AWS/ECS') {
    const serviceName = query.dimensions.ServiceName;
    if (!serviceName) {
      return clusterValue(cluster, query.metricName, bucketStart, query.stat);
    }
    const service = cluster.services.get(serviceName);
    if (!service || serviceReservation(service).cpu === 0 && service.tasks.size === 0) {
      return undefined;
    }
    if (query.metricName === 'CPUUtilization') {
      return utilization(service.load.cpu, `${service.arn}/cpu`, bucketStart, query.stat);
    }
    if (query.metricName === 'MemoryUtilization') {
      return utilization(service.load.memory, `${service.arn}/memory`, bucketStart, query.stat);
    }
    return undefined;
  }

  if (query.namespace === 'ECS/ContainerInsights') {
    const instanceId = query.dimensions.EC2InstanceId ?? query.dimensions.InstanceId;
    const containerInstanceId = query.dimensions.ContainerInstanceId;
    const instance = [...cluster.instances.values()].find(
      i => i.ec2InstanceId === instanceId || (containerInstanceId !== undefined && i.id === containerInstanceId),
    );
    if (!instance || !cluster.containerInsights) {
      return undefined;
    }
    // The agent and the operating system use about 2% on an idle instance.
    let cpu = 0.02 * instance.cpu;
    let memory = 0.05 * instance.memory;
    for (const task of instance.tasks) {
      const service = task.serviceName ? cluster.services.get(task.serviceName) : undefined;
      const load = service?.load ?? { cpu: 30, memory: 50 };
      cpu += (task.taskDefinition.needs.cpu * utilization(load.cpu, `${service?.arn}/cpu`, bucketStart, query.stat)) / 100;
      memory += (task.taskDefinition.needs.memory * utilization(load.memory, `${service?.arn}/memory`, bucketStart, query.stat)) / 100;
    }
    if (query.metricName === 'instance_cpu_utilization') {
      return Math.min(100, Math.round((cpu / instance.cpu) * 10000) / 100);
    }
    if (query.metricName === 'instance_memory_utilization') {
      return Math.min(100, Math.round((memory / instance.memory) * 10000) / 100);
    }
    if (query.metricName === 'instance_cpu_reserved_capacity') {
      return Math.round((instance.usedCpu / instance.cpu) * 10000) / 100;
    }
    if (query.metricName === 'instance_memory_reserved_capacity') {
      return Math.round((instance.usedMemory / instance.memory) * 10000) / 100;
    }
    return undefined;
  }

  if (query.namespace === 'AWS/ECS/ManagedScaling' && query.metricName === 'CapacityProviderReservation') {
    const providerName = query.dimensions.CapacityProviderName;
    if (!cluster.capacityProviders.includes(providerName)) {
      return undefined;
    }
    // CapacityProviderReservation = instances needed / instances running x 100. Instances with
    // tasks are needed; a service that could not place a task on this provider needs one more.
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

  return undefined;
}
