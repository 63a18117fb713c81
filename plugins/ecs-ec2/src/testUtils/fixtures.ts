import {
  EcsCapacityProviderView,
  EcsContainerInstanceView,
  EcsDeploymentView,
  EcsEntityPicture,
  EcsServiceView,
  EcsTaskView,
  EcsUtilizationSeries,
} from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';

const accountId = '123456789012';
const baseTime = Date.parse('2026-01-15T12:00:00Z');

/** Minutes after the fixed base time of the fixtures, as ISO 8601. */
function minutesAfterBase(minutes: number): string {
  return new Date(baseTime + minutes * 60_000).toISOString();
}

/** Builds an hour of one-minute utilization points that follow a gentle wave. */
export function buildUtilizationSeries(
  cpuLevel: number,
  memoryLevel: number,
): EcsUtilizationSeries {
  const points = Array.from({ length: 60 }, (_, minute) => minute);
  return {
    cpu: points.map(minute => ({
      timestamp: minutesAfterBase(minute - 60),
      value: Math.max(0, cpuLevel + 8 * Math.sin(minute / 6)),
    })),
    memory: points.map(minute => ({
      timestamp: minutesAfterBase(minute - 60),
      value: Math.max(0, memoryLevel + 3 * Math.cos(minute / 9)),
    })),
  };
}

/** Builds a container instance; `remaining` defaults to `registered`. */
export function buildContainerInstance(
  overrides: Partial<EcsContainerInstanceView> & { ec2InstanceId: string },
): EcsContainerInstanceView {
  const registered = overrides.registered ?? {
    cpu: 2048,
    memoryMiB: 7680,
    gpus: 0,
  };
  return {
    containerInstanceArn: `arn:aws:ecs:us-east-1:${accountId}:container-instance/demo/${overrides.ec2InstanceId}`,
    instanceType: 'm6i.large',
    availabilityZone: 'us-east-1a',
    lifecycle: 'ON_DEMAND',
    capacityProviderName: 'demo-on-demand',
    status: 'ACTIVE',
    agentConnected: true,
    remaining: registered,
    runningTasksCount: 0,
    pendingTasksCount: 0,
    ...overrides,
    registered,
  };
}

/** Builds a running, healthy task of revision 1 with one container. */
export function buildTask(
  overrides: Partial<EcsTaskView> & { taskId: string },
): EcsTaskView {
  return {
    taskArn: `arn:aws:ecs:us-east-1:${accountId}:task/demo/${overrides.taskId}`,
    lastStatus: 'RUNNING',
    desiredStatus: 'RUNNING',
    healthStatus: 'HEALTHY',
    taskDefinitionRevision: 1,
    capacityProviderName: 'demo-on-demand',
    availabilityZone: 'us-east-1a',
    cpu: 256,
    memoryMiB: 512,
    gpuIds: [],
    startedAt: minutesAfterBase(-30),
    containers: [
      {
        name: 'app',
        lastStatus: overrides.lastStatus ?? 'RUNNING',
        healthStatus: 'HEALTHY',
        gpuIds: overrides.gpuIds ?? [],
      },
    ],
    ...overrides,
  };
}

/** Builds a deployment that has reached its desired count. */
export function buildDeployment(
  overrides: Partial<EcsDeploymentView> & { id: string },
): EcsDeploymentView {
  return {
    status: 'PRIMARY',
    rolloutState: 'COMPLETED',
    rolloutStateReason: 'ECS deployment completed.',
    taskDefinitionArn: `arn:aws:ecs:us-east-1:${accountId}:task-definition/app:1`,
    taskDefinitionRevision: 1,
    desiredCount: 1,
    runningCount: 1,
    pendingCount: 0,
    failedTasks: 0,
    createdAt: minutesAfterBase(-60),
    updatedAt: minutesAfterBase(-50),
    ...overrides,
  };
}

/** Builds a capacity provider with managed scaling and an Auto Scaling group. */
export function buildCapacityProvider(
  overrides: Partial<EcsCapacityProviderView> & { name: string },
): EcsCapacityProviderView {
  return {
    status: 'ACTIVE',
    managedScalingStatus: 'ENABLED',
    targetCapacity: 100,
    managedTerminationProtection: 'ENABLED',
    managedDraining: 'ENABLED',
    hasGpu: false,
    currentReservation: 80,
    autoScalingGroup: {
      name: `demo-${overrides.name}-asg`,
      minSize: 0,
      maxSize: 10,
      desiredCapacity: 3,
      inServiceCount: 3,
      spotCount: 0,
      onDemandCount: 3,
      unknownLifecycleCount: 0,
      instanceTypes: ['m6i.large'],
    },
    ...overrides,
  };
}

/**
 * Builds a service from its tasks and instances; counts, the remaining resources
 * of each instance and the task ARNs follow from them unless overridden.
 */
export function buildService(
  overrides: Partial<EcsServiceView> & { serviceName: string },
): EcsServiceView {
  const clusterName = overrides.clusterName ?? 'demo';
  const region = overrides.region ?? 'us-east-1';
  const tasks = overrides.tasks ?? [];
  const running = tasks.filter(task => task.lastStatus === 'RUNNING').length;
  const pending = tasks.filter(task => task.lastStatus === 'PENDING').length;
  const revision = overrides.taskDefinitionRevision ?? 1;

  return {
    serviceArn: `arn:aws:ecs:${region}:${accountId}:service/${clusterName}/${overrides.serviceName}`,
    clusterArn: `arn:aws:ecs:${region}:${accountId}:cluster/${clusterName}`,
    clusterName,
    accountId,
    region,
    status: 'ACTIVE',
    desiredCount: running + pending,
    runningCount: running,
    pendingCount: pending,
    taskDefinitionArn: `arn:aws:ecs:${region}:${accountId}:task-definition/${overrides.serviceName}:${revision}`,
    taskDefinitionFamily: overrides.serviceName,
    taskDefinitionRevision: revision,
    taskSize: { cpu: 256, memoryMiB: 512, gpus: 0 },
    launch: {
      capacityProviderStrategy: [
        { capacityProvider: 'demo-on-demand', weight: 1, base: 0 },
      ],
      placementStrategy: [{ type: 'binpack', field: 'memory' }],
      placementConstraints: [],
      networkMode: 'awsvpc',
    },
    deploymentConfiguration: {
      minimumHealthyPercent: 100,
      maximumPercent: 200,
      circuitBreaker: { enable: true, rollback: true },
    },
    deployments: [
      buildDeployment({
        id: 'ecs-svc/1000000000000000001',
        taskDefinitionRevision: revision,
        desiredCount: running + pending,
        runningCount: running,
        pendingCount: pending,
      }),
    ],
    events: [
      {
        id: 'event-1',
        createdAt: minutesAfterBase(-5),
        message: `(service ${overrides.serviceName}) has reached a steady state.`,
      },
    ],
    tasks,
    containerInstances: [],
    capacityProviders: [buildCapacityProvider({ name: 'demo-on-demand' })],
    metrics: {
      service: buildUtilizationSeries(35, 55),
      periodSeconds: 60,
      instancePeriodSeconds: 300,
    },
    consoleUrl: `https://${region}.console.aws.amazon.com/ecs/v2/clusters/${clusterName}/services/${overrides.serviceName}/health?region=${region}`,
    ...overrides,
  };
}

/** Subtracts the running and pending tasks of each instance from its registered resources. */
export function reserveTasksOnInstances(
  instances: EcsContainerInstanceView[],
  tasks: EcsTaskView[],
): EcsContainerInstanceView[] {
  return instances.map(instance => {
    const placed = tasks.filter(
      task =>
        task.containerInstanceArn === instance.containerInstanceArn &&
        task.lastStatus !== 'STOPPED',
    );
    const gpus = new Set(placed.flatMap(task => task.gpuIds)).size;
    return {
      ...instance,
      remaining: {
        cpu: instance.registered.cpu - placed.reduce((s, t) => s + t.cpu, 0),
        memoryMiB:
          instance.registered.memoryMiB -
          placed.reduce((s, t) => s + t.memoryMiB, 0),
        gpus: instance.registered.gpus - gpus,
      },
      runningTasksCount: placed.filter(t => t.lastStatus === 'RUNNING').length,
      pendingTasksCount: placed.filter(t => t.lastStatus === 'PENDING').length,
    };
  });
}

/** Wraps services into the response of the backend. */
export function buildEntityPicture(
  services: EcsServiceView[],
  overrides: Partial<EcsEntityPicture> = {},
): EcsEntityPicture {
  return {
    entityRef: 'component:default/web-api',
    fetchedAt: minutesAfterBase(0),
    services,
    warnings: [],
    ...overrides,
  };
}
