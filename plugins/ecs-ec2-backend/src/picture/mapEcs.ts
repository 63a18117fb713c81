import {
  Attribute,
  ContainerInstance,
  Deployment,
  Resource,
  Service,
  Task,
  TaskDefinition,
} from '@aws-sdk/client-ecs';
import {
  EcsContainerInstanceView,
  EcsDeploymentView,
  EcsLaunchSettings,
  EcsResources,
  EcsRolloutState,
  EcsTaskSize,
  EcsTaskView,
} from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import {
  revisionFromTaskDefinitionArn,
  taskIdFromArn,
} from './serviceTargets';

/** The facts of a container instance that a task view copies. */
export interface InstanceFacts {
  ec2InstanceId?: string;
  instanceType?: string;
  lifecycle?: 'SPOT' | 'ON_DEMAND';
  capacityProviderName?: string;
  availabilityZone?: string;
}

const MAX_EVENTS = 50;

export function iso(date: Date | undefined): string | undefined {
  return date ? new Date(date).toISOString() : undefined;
}

function attribute(attributes: Attribute[] | undefined, name: string) {
  return attributes?.find(item => item.name === name)?.value;
}

/**
 * Reads the lifecycle from an `ecs.instance-lifecycle` attribute, `spot` or `on-demand`.
 * The ECS agent does not set it, so it is a custom attribute that an operator adds with
 * PutAttributes. It takes precedence over the purchase option of the Auto Scaling group.
 */
function lifecycleOf(attributes: Attribute[] | undefined) {
  const value = attribute(attributes, 'ecs.instance-lifecycle')?.toLowerCase();
  if (value === 'spot') return 'SPOT' as const;
  if (value === 'on-demand' || value === 'normal') return 'ON_DEMAND' as const;
  return undefined;
}

function resources(list: Resource[] | undefined): EcsResources {
  const find = (name: string) => list?.find(item => item.name === name);
  const gpu = find('GPU');
  return {
    cpu: find('CPU')?.integerValue ?? 0,
    memoryMiB: find('MEMORY')?.integerValue ?? 0,
    // ECS reports GPUs as a set of GPU ids; the count is what the picture shows.
    gpus: gpu?.stringSetValue?.length ?? gpu?.integerValue ?? 0,
  };
}

/**
 * Maps a container instance. `groupPurchaseOption` is the purchase option of its Auto
 * Scaling group (see `purchaseOptionOfGroup`), used when no attribute names the lifecycle.
 */
export function mapContainerInstance(
  instance: ContainerInstance,
  groupPurchaseOption?: 'SPOT' | 'ON_DEMAND',
): EcsContainerInstanceView {
  return {
    containerInstanceArn: instance.containerInstanceArn ?? '',
    ec2InstanceId: instance.ec2InstanceId ?? '',
    instanceType: attribute(instance.attributes, 'ecs.instance-type'),
    availabilityZone: attribute(instance.attributes, 'ecs.availability-zone'),
    lifecycle: lifecycleOf(instance.attributes) ?? groupPurchaseOption,
    capacityProviderName: instance.capacityProviderName,
    status: instance.status ?? 'UNKNOWN',
    agentConnected: instance.agentConnected ?? false,
    registered: resources(instance.registeredResources),
    remaining: resources(instance.remainingResources),
    runningTasksCount: instance.runningTasksCount ?? 0,
    pendingTasksCount: instance.pendingTasksCount ?? 0,
  };
}

export function mapTask(
  task: Task,
  instance: InstanceFacts | undefined,
): EcsTaskView {
  const containers = (task.containers ?? []).map(container => ({
    name: container.name ?? '',
    lastStatus: container.lastStatus,
    exitCode: container.exitCode,
    reason: container.reason,
    healthStatus: container.healthStatus,
    gpuIds: container.gpuIds ?? [],
  }));
  return {
    taskArn: task.taskArn ?? '',
    taskId: taskIdFromArn(task.taskArn ?? ''),
    lastStatus: task.lastStatus ?? 'UNKNOWN',
    desiredStatus: task.desiredStatus ?? 'UNKNOWN',
    healthStatus: task.healthStatus,
    taskDefinitionRevision: revisionFromTaskDefinitionArn(
      task.taskDefinitionArn,
    ),
    // ECS sets `startedBy` to the deployment id for tasks a service deployment starts.
    deploymentId: task.startedBy?.startsWith('ecs-svc/')
      ? task.startedBy
      : undefined,
    capacityProviderName:
      task.capacityProviderName ?? instance?.capacityProviderName,
    availabilityZone: task.availabilityZone ?? instance?.availabilityZone,
    containerInstanceArn: task.containerInstanceArn,
    ec2InstanceId: instance?.ec2InstanceId,
    instanceType: instance?.instanceType,
    lifecycle: instance?.lifecycle,
    cpu: Number(task.cpu ?? 0) || 0,
    memoryMiB: Number(task.memory ?? 0) || 0,
    gpuIds: containers.flatMap(container => container.gpuIds),
    createdAt: iso(task.createdAt),
    startedAt: iso(task.startedAt),
    stoppedAt: iso(task.stoppedAt),
    stopCode: task.stopCode,
    stoppedReason: task.stoppedReason,
    containers,
  };
}

function rolloutStateOf(deployment: Deployment): EcsRolloutState | undefined {
  const state = deployment.rolloutState;
  return state === 'IN_PROGRESS' || state === 'COMPLETED' || state === 'FAILED'
    ? state
    : undefined;
}

export function mapDeployment(deployment: Deployment): EcsDeploymentView {
  return {
    id: deployment.id ?? '',
    status: deployment.status ?? 'UNKNOWN',
    rolloutState: rolloutStateOf(deployment),
    rolloutStateReason: deployment.rolloutStateReason,
    taskDefinitionArn: deployment.taskDefinition ?? '',
    taskDefinitionRevision: revisionFromTaskDefinitionArn(
      deployment.taskDefinition,
    ),
    desiredCount: deployment.desiredCount ?? 0,
    runningCount: deployment.runningCount ?? 0,
    pendingCount: deployment.pendingCount ?? 0,
    failedTasks: deployment.failedTasks ?? 0,
    createdAt: iso(deployment.createdAt),
    updatedAt: iso(deployment.updatedAt),
  };
}

export function mapLaunchSettings(
  service: Service,
  taskDefinition: TaskDefinition | undefined,
): EcsLaunchSettings {
  return {
    launchType: service.launchType,
    capacityProviderStrategy: (service.capacityProviderStrategy ?? []).map(
      item => ({
        capacityProvider: item.capacityProvider ?? '',
        weight: item.weight ?? 0,
        base: item.base ?? 0,
      }),
    ),
    placementStrategy: (service.placementStrategy ?? []).map(item => ({
      type: item.type ?? '',
      field: item.field,
    })),
    placementConstraints: (service.placementConstraints ?? []).map(item => ({
      type: item.type ?? '',
      expression: item.expression,
    })),
    networkMode: taskDefinition?.networkMode,
  };
}

/** Sums container reservations when the task definition has no task-level size. */
export function taskSizeOf(taskDefinition: TaskDefinition | undefined): EcsTaskSize {
  const containers = taskDefinition?.containerDefinitions ?? [];
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const gpus = sum(
    containers.flatMap(container =>
      (container.resourceRequirements ?? [])
        .filter(requirement => requirement.type === 'GPU')
        .map(requirement => Number(requirement.value) || 0),
    ),
  );
  return {
    cpu:
      Number(taskDefinition?.cpu) ||
      sum(containers.map(container => container.cpu ?? 0)),
    memoryMiB:
      Number(taskDefinition?.memory) ||
      sum(
        containers.map(
          container => container.memory ?? container.memoryReservation ?? 0,
        ),
      ),
    gpus,
  };
}

export function mapEvents(service: Service) {
  return (service.events ?? [])
    .map(event => ({
      id: event.id ?? '',
      createdAt: iso(event.createdAt) ?? '',
      message: event.message ?? '',
    }))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, MAX_EVENTS);
}

export function consoleUrl(
  region: string,
  clusterName: string,
  serviceName: string,
): string {
  const host = region.startsWith('cn-')
    ? `console.amazonaws.cn`
    : `${region}.console.aws.amazon.com`;
  return `https://${host}/ecs/v2/clusters/${encodeURIComponent(clusterName)}/services/${encodeURIComponent(serviceName)}/health?region=${region}`;
}
