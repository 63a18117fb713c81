import { arns } from './arns';
import type { World } from './World';
import type {
  ClusterRecord,
  ContainerInstanceRecord,
  DeploymentRecord,
  ServiceRecord,
  TaskDefinitionRecord,
  TaskRecord,
} from './types';

/** Default seconds from placement to RUNNING: image pull plus container start. */
const DEFAULT_START_SECONDS = 10;

/** First host port the ECS agent hands out for dynamic bridge port mappings. */
const FIRST_DYNAMIC_PORT = 32768;

/** Creates a PENDING task on an instance and reserves its CPU, memory, GPUs and ports there. */
export function createTask(
  world: World,
  cluster: ClusterRecord,
  taskDefinition: TaskDefinitionRecord,
  instance: ContainerInstanceRecord,
  options: { service?: ServiceRecord; deployment?: DeploymentRecord; startedBy?: string },
): TaskRecord {
  const id = world.newHexId();
  const needs = taskDefinition.needs;

  const gpuIds = instance.gpuIds.filter(g => !instance.usedGpuIds.has(g)).slice(0, needs.gpus);
  const hostPorts = assignHostPorts(taskDefinition, instance);

  instance.usedCpu += needs.cpu;
  instance.usedMemory += needs.memory;
  gpuIds.forEach(g => instance.usedGpuIds.add(g));
  hostPorts.forEach(p => instance.usedPorts.add(`${p.protocol}/${p.hostPort}`));

  const startSeconds = taskDefinition.behaviour.startSeconds ?? DEFAULT_START_SECONDS;
  const task: TaskRecord = {
    id,
    arn: arns.task(cluster.region, cluster.account, cluster.name, id, cluster.longArnFormat),
    clusterName: cluster.name,
    serviceName: options.service?.name,
    deploymentId: options.deployment?.id,
    taskDefinition,
    instance,
    capacityProviderName: instance.capacityProviderName,
    lastStatus: 'PENDING',
    desiredStatus: 'RUNNING',
    createdAt: world.time,
    gpuIds,
    hostPorts,
    containerIds: taskDefinition.containers.map(() => world.newUuid()),
    startedBy: options.deployment?.id ?? options.startedBy,
    group: options.service ? `service:${options.service.name}` : `family:${taskDefinition.family}`,
    version: 1,
    runningAt: world.time + startSeconds * 1000,
    tags: {},
  };

  cluster.tasks.set(id, task);
  cluster.transitioning.add(task);
  instance.tasks.add(task);
  options.service?.tasks.add(task);
  return task;
}

function assignHostPorts(taskDefinition: TaskDefinitionRecord, instance: ContainerInstanceRecord) {
  const result: TaskRecord['hostPorts'] = [];
  if (taskDefinition.networkMode !== 'bridge' && taskDefinition.networkMode !== 'host') {
    return result;
  }
  let nextDynamic = FIRST_DYNAMIC_PORT;
  for (const container of taskDefinition.containers) {
    for (const mapping of container.portMappings ?? []) {
      const protocol = mapping.protocol ?? 'tcp';
      let hostPort = taskDefinition.networkMode === 'host' ? mapping.containerPort : mapping.hostPort;
      if (!hostPort) {
        while (instance.usedPorts.has(`${protocol}/${nextDynamic}`)) {
          nextDynamic++;
        }
        hostPort = nextDynamic++;
      }
      result.push({ containerName: container.name, containerPort: mapping.containerPort, hostPort, protocol });
    }
  }
  return result;
}

/** Marks a task RUNNING. */
export function markRunning(world: World, task: TaskRecord): void {
  task.lastStatus = 'RUNNING';
  task.startedAt = world.time;
  task.version++;
  task.runningAt = undefined;

  const behaviour = task.taskDefinition.behaviour;
  if (behaviour.exitCode !== undefined) {
    task.failAt = world.time + (behaviour.failAfterSeconds ?? 20) * 1000;
  }
}

/**
 * Stops a task: it becomes STOPPED with its reason and stop code, releases its resources and
 * stays listed until the retention period ends.
 */
export function stopTask(
  world: World,
  cluster: ClusterRecord,
  task: TaskRecord,
  details: { reason: string; stopCode: string; exitCode?: number; containerReason?: string },
): void {
  if (task.lastStatus === 'STOPPED') {
    return;
  }
  const instance = task.instance;
  const needs = task.taskDefinition.needs;
  instance.usedCpu -= needs.cpu;
  instance.usedMemory -= needs.memory;
  task.gpuIds.forEach(g => instance.usedGpuIds.delete(g));
  task.hostPorts.forEach(p => instance.usedPorts.delete(`${p.protocol}/${p.hostPort}`));
  instance.tasks.delete(task);

  if (task.lastStatus === 'RUNNING') {
    task.exitCode = details.exitCode ?? 0;
  }
  task.lastStatus = 'STOPPED';
  task.desiredStatus = 'STOPPED';
  task.stoppingAt = world.time;
  task.stoppedAt = world.time;
  task.stoppedReason = details.reason;
  task.stopCode = details.stopCode;
  task.containerReason = details.containerReason;
  task.version++;
  task.runningAt = undefined;
  task.failAt = undefined;

  cluster.transitioning.delete(task);
  cluster.stoppedQueue.push(task);
  if (task.serviceName) {
    cluster.services.get(task.serviceName)?.tasks.delete(task);
  }
}
