import {
  EcsCapacityProviderView,
  EcsContainerInstanceView,
  EcsDeploymentView,
  EcsServiceView,
  EcsTaskView,
} from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';

/** A container instance with the service's running and pending tasks on it. */
export interface PlacedInstance {
  instance: EcsContainerInstanceView;
  tasks: EcsTaskView[];
  /** The instance's lifecycle, inferred from its Auto Scaling group when the agent did not report it. */
  lifecycle?: 'SPOT' | 'ON_DEMAND';
}

/** Instances of one capacity provider in one Availability Zone. */
export interface PlacementGroup {
  key: string;
  capacityProviderName: string;
  availabilityZone: string;
  instances: PlacedInstance[];
  taskCount: number;
}

/** Tells whether a task is stopped or on its way to stopping. */
export function isStopped(task: EcsTaskView): boolean {
  return task.lastStatus === 'STOPPED' || task.desiredStatus === 'STOPPED';
}

/**
 * Tells whether an instance runs On-Demand or Spot. The backend sets it when it
 * can tell, for example from a custom `ecs.instance-lifecycle` attribute or its
 * capacity provider's Auto Scaling group. Failing that, a group that
 * launches only one kind settles the question. A group that mixes both leaves
 * it undefined, since its figures do not say which instance is which.
 */
export function lifecycleOfInstance(
  instance: EcsContainerInstanceView,
  capacityProviders: EcsCapacityProviderView[],
): 'SPOT' | 'ON_DEMAND' | undefined {
  if (instance.lifecycle) {
    return instance.lifecycle;
  }
  const group = capacityProviders.find(
    provider => provider.name === instance.capacityProviderName,
  )?.autoScalingGroup;
  if (!group) {
    return undefined;
  }

  // A mixed instances policy below 100% On-Demand above the base may launch Spot.
  const mayLaunchSpot =
    group.onDemandPercentageAboveBaseCapacity !== undefined &&
    group.onDemandPercentageAboveBaseCapacity < 100;
  if (group.spotCount === 0 && !mayLaunchSpot) {
    return 'ON_DEMAND';
  }
  // Only Spot when the group runs no On-Demand instance and its policy keeps
  // none: no base and nothing On-Demand above it.
  if (
    group.onDemandCount === 0 &&
    group.onDemandPercentageAboveBaseCapacity === 0 &&
    (group.onDemandBaseCapacity ?? 0) === 0
  ) {
    return 'SPOT';
  }
  return undefined;
}

/**
 * Groups the service's container instances by capacity provider and
 * Availability Zone, busiest instances first inside a group.
 */
export function groupPlacement(service: EcsServiceView): PlacementGroup[] {
  const tasksByInstance = new Map<string, EcsTaskView[]>();
  for (const task of service.tasks) {
    if (isStopped(task) || !task.containerInstanceArn) {
      continue;
    }
    const list = tasksByInstance.get(task.containerInstanceArn) ?? [];
    list.push(task);
    tasksByInstance.set(task.containerInstanceArn, list);
  }

  const groups = new Map<string, PlacementGroup>();
  for (const instance of service.containerInstances) {
    const capacityProviderName =
      instance.capacityProviderName ?? 'No capacity provider';
    const availabilityZone = instance.availabilityZone ?? 'Unknown zone';
    const key = `${capacityProviderName}|${availabilityZone}`;
    const group = groups.get(key) ?? {
      key,
      capacityProviderName,
      availabilityZone,
      instances: [],
      taskCount: 0,
    };
    const tasks = tasksByInstance.get(instance.containerInstanceArn) ?? [];
    group.instances.push({
      instance,
      tasks,
      lifecycle: lifecycleOfInstance(instance, service.capacityProviders),
    });
    group.taskCount += tasks.length;
    groups.set(key, group);
  }

  const sorted = [...groups.values()].sort(
    (a, b) =>
      a.capacityProviderName.localeCompare(b.capacityProviderName) ||
      a.availabilityZone.localeCompare(b.availabilityZone),
  );
  for (const group of sorted) {
    group.instances.sort(
      (a, b) =>
        b.tasks.length - a.tasks.length ||
        a.instance.ec2InstanceId.localeCompare(b.instance.ec2InstanceId),
    );
  }
  return sorted;
}

/** Finds the deployment that started a task, by id and else by revision. */
export function deploymentOfTask(
  task: EcsTaskView,
  deployments: EcsDeploymentView[],
): EcsDeploymentView | undefined {
  return (
    deployments.find(d => task.deploymentId && d.id === task.deploymentId) ??
    deployments.find(
      d => d.taskDefinitionRevision === task.taskDefinitionRevision,
    )
  );
}

/** Reasons the running tasks could all go down together, as sentences. */
export function findConcentrationRisks(service: EcsServiceView): string[] {
  const running = service.tasks.filter(task => !isStopped(task));
  if (running.length < 2) {
    return [];
  }
  const risks: string[] = [];

  const zones = new Set(running.map(task => task.availabilityZone));
  if (zones.size === 1 && !zones.has(undefined)) {
    risks.push(
      `All ${running.length} tasks run in one Availability Zone (${
        [...zones][0]
      }); an outage of that zone stops the service.`,
    );
  }

  const instances = new Set(running.map(task => task.containerInstanceArn));
  if (instances.size === 1 && !instances.has(undefined)) {
    const instanceId = running[0].ec2InstanceId ?? 'one instance';
    risks.push(
      `All ${running.length} tasks run on one instance (${instanceId}); losing it stops the service.`,
    );
  }

  if (running.every(task => task.lifecycle === 'SPOT')) {
    risks.push(
      `All ${running.length} tasks run on Spot instances, which EC2 can interrupt at the same time.`,
    );
  }
  return risks;
}
