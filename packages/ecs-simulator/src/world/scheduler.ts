import { placeTasks } from './placement';
import { stopTask } from './tasks';
import { INSTANCE_REGISTRATION_MS, type World } from './World';
import type { ClusterRecord, DeploymentRecord, RegionRecord, ServiceRecord, TaskRecord } from './types';

/** ECS repeats the steady-state event while a service stays steady. */
const STEADY_STATE_EVENT_INTERVAL_MS = 6 * 60 * 60 * 1000;

/**
 * How long a task must run before the scheduler counts it towards a completed rollout, so a
 * container that crashes soon after start fails the deployment instead of completing it.
 */
export const TASK_STABILITY_MS = 60 * 1000;

/** Placement failure events repeat at most this often, as ECS rate-limits them. */
const PLACEMENT_FAILURE_EVENT_INTERVAL_MS = 5 * 60 * 1000;

/**
 * Runs one pass of the service scheduler: scale the primary deployment to the desired count
 * within maximumPercent, stop tasks of older deployments and of draining instances while
 * keeping minimumHealthyPercent, and complete the rollout once only the primary's tasks run.
 */
export function reconcileService(world: World, region: RegionRecord, cluster: ClusterRecord, service: ServiceRecord): void {
  const primary = service.deployments[0];
  if (!primary) {
    return;
  }
  primary.desiredCount = service.desiredCount;
  const desired = service.desiredCount;

  const primaryTasks: TaskRecord[] = [];
  const oldTasks: TaskRecord[] = [];
  let healthy = 0;
  for (const task of service.tasks) {
    const draining = task.instance.status === 'DRAINING';
    if (task.deploymentId === primary.id && !draining) {
      primaryTasks.push(task);
    } else {
      oldTasks.push(task);
    }
    if (task.lastStatus === 'RUNNING') {
      healthy++;
    }
  }
  const primaryRunning = primaryTasks.filter(t => t.lastStatus === 'RUNNING').length;
  const primaryStable = primaryTasks.filter(t => t.lastStatus === 'RUNNING' && world.time - t.startedAt! >= TASK_STABILITY_MS).length;

  const settled = primaryStable === desired && primaryTasks.length === desired && oldTasks.length === 0;
  if (primary.rolloutState === 'IN_PROGRESS' && settled) {
    completeDeployment(world, service, primary);
  } else if (primary.rolloutState === 'COMPLETED' && settled && service.steadySince === undefined) {
    // A scaling change without a new deployment ends in a steady state too.
    world.addEvent(service, 'has reached a steady state.');
    service.steadySince = world.time;
  }

  // Scale in: pending tasks go first because they serve no traffic yet.
  const stopped: TaskRecord[] = [];
  if (primaryTasks.length > desired) {
    const excess = sortPendingFirst(primaryTasks).slice(0, primaryTasks.length - desired);
    for (const task of excess) {
      stopTask(world, cluster, task, {
        reason: `Scaling activity initiated by (deployment ${primary.id})`,
        stopCode: 'ServiceSchedulerInitiated',
      });
      stopped.push(task);
    }
  }

  // Old tasks go once the primary runs in full, or earlier as far as minimumHealthyPercent allows.
  if (oldTasks.length > 0) {
    const minimumHealthy = Math.ceil((desired * service.minimumHealthyPercent) / 100);
    let budget = primaryRunning >= desired ? Infinity : healthy - minimumHealthy;
    for (const task of sortPendingFirst(oldTasks)) {
      if (task.lastStatus === 'RUNNING') {
        if (budget <= 0) {
          continue;
        }
        budget--;
      }
      const draining = task.instance.status === 'DRAINING';
      stopTask(world, cluster, task, {
        reason: draining
          ? `Task stopped because container instance ${task.instance.id} is DRAINING${task.instance.spot ? ' after an EC2 Spot Instance interruption notice' : ''}`
          : `Scaling activity initiated by (deployment ${primary.id})`,
        stopCode: draining && task.instance.spot ? 'SpotInterruption' : 'ServiceSchedulerInitiated',
      });
      stopped.push(task);
    }
  }
  if (stopped.length > 0) {
    world.addEvent(service, `has stopped ${stopped.length} running tasks: ${taskList(stopped)}.`);
  }

  // Scale out within maximumPercent, unless a failed deployment without rollback halted it.
  if (primary.rolloutState === 'FAILED' && !primary.rollbackOf) {
    return;
  }
  const maximumTotal = Math.max(desired, Math.floor((desired * service.maximumPercent) / 100));
  const activePrimary = Math.min(primaryTasks.length, desired);
  const toStart = Math.min(desired - activePrimary, maximumTotal - service.tasks.size);
  if (toStart <= 0) {
    return;
  }

  const result = placeTasks(world, cluster, {
    taskDefinition: primary.revision.taskDefinition,
    count: toStart,
    service,
    deployment: primary,
    capacityProviderStrategy: service.capacityProviderStrategy,
    placementStrategy: service.placementStrategy,
    placementConstraints: service.placementConstraints,
  });
  if (result.placed.length > 0) {
    world.addEvent(service, `has started ${result.placed.length} tasks: ${taskList(result.placed)}.`);
  }
  if (result.failure) {
    const last = service.lastPlacementFailure;
    if (!last || last.message !== result.failure || world.time - last.at >= PLACEMENT_FAILURE_EVENT_INTERVAL_MS) {
      world.addEvent(service, result.failure);
      service.lastPlacementFailure = { message: result.failure, at: world.time };
    }
    scaleOut(world, region, result.exhaustedProviders);
  }
}

/** Managed scaling: a provider that ran out of room gets one more instance, up to the group's maximum. */
function scaleOut(world: World, region: RegionRecord, providers: string[]): void {
  for (const name of providers) {
    const provider = region.capacityProviders.get(name);
    const group = provider && region.autoScalingGroups.get(provider.autoScalingGroupName);
    if (!provider?.managedScaling || !group) {
      continue;
    }
    if (group.launching.length === 0 && group.desiredCapacity < group.maxSize) {
      world.launchInstance(group, INSTANCE_REGISTRATION_MS);
    }
  }
}

function completeDeployment(world: World, service: ServiceRecord, primary: DeploymentRecord): void {
  primary.rolloutState = 'COMPLETED';
  primary.rolloutStateReason = `ECS deployment ${primary.id} completed.`;
  primary.updatedAt = world.time;
  service.deployments = [primary];
  service.stableRevision = primary.revision;

  const serviceDeployment = primary.serviceDeployment;
  serviceDeployment.status = primary.rollbackOf ? 'ROLLBACK_SUCCESSFUL' : 'SUCCESSFUL';
  serviceDeployment.finishedAt = world.time;
  serviceDeployment.updatedAt = world.time;
  if (serviceDeployment.circuitBreakerStatus === 'MONITORING') {
    serviceDeployment.circuitBreakerStatus = 'MONITORING_COMPLETE';
  }

  world.addEvent(service, `(deployment ${primary.id}) deployment completed.`);
  world.addEvent(service, 'has reached a steady state.');
  service.steadySince = world.time;
}

/** Repeats the steady-state event for services that stay steady. */
export function reportSteadyState(world: World, service: ServiceRecord): void {
  if (service.steadySince !== undefined && world.time - service.steadySince >= STEADY_STATE_EVENT_INTERVAL_MS) {
    world.addEvent(service, 'has reached a steady state.');
    service.steadySince = world.time;
  }
}

/**
 * Counts a failed task against its deployment and trips the circuit breaker at its threshold:
 * the deployment turns FAILED and, with rollback enabled, a new deployment returns the service
 * to the last revision that completed.
 */
export function recordTaskFailure(world: World, cluster: ClusterRecord, service: ServiceRecord, task: TaskRecord): void {
  const deployment = service.deployments.find(d => d.id === task.deploymentId);
  if (!deployment) {
    return;
  }
  deployment.failedTasks++;
  deployment.updatedAt = world.time;

  const serviceDeployment = deployment.serviceDeployment;
  if (deployment !== service.deployments[0] || deployment.rolloutState !== 'IN_PROGRESS' || !service.circuitBreaker.enable) {
    return;
  }
  serviceDeployment.failureCount++;
  serviceDeployment.updatedAt = world.time;
  if (deployment.failedTasks < serviceDeployment.threshold) {
    return;
  }

  deployment.rolloutState = 'FAILED';
  deployment.rolloutStateReason = 'ECS deployment circuit breaker: tasks failed to start.';
  serviceDeployment.circuitBreakerStatus = 'TRIGGERED';
  world.addEvent(service, `(deployment ${deployment.id}) deployment failed: tasks failed to start.`);

  const target = service.stableRevision;
  if (!service.circuitBreaker.rollback || !target || target === deployment.revision) {
    serviceDeployment.status = 'STOPPED';
    serviceDeployment.statusReason = 'Service deployment stopped because the circuit breaker threshold was exceeded.';
    serviceDeployment.finishedAt = world.time;
    return;
  }

  serviceDeployment.status = 'ROLLBACK_IN_PROGRESS';
  serviceDeployment.statusReason = 'Service deployment rolled back because the circuit breaker threshold was exceeded.';
  serviceDeployment.rollback = {
    reason: 'Service deployment rolled back because the circuit breaker threshold was exceeded.',
    startedAt: world.time,
    revision: target,
  };
  const rollback = world.startDeployment(cluster, service, target.taskDefinition, deployment);
  world.addEvent(service, `(deployment ${deployment.id}) deployment failed: tasks failed to start. Rolling back to ${target.taskDefinition.family}:${target.taskDefinition.revision} in (deployment ${rollback.id}).`);
}

function sortPendingFirst(tasks: TaskRecord[]): TaskRecord[] {
  return [...tasks].sort((a, b) => (a.lastStatus === 'PENDING' ? 0 : 1) - (b.lastStatus === 'PENDING' ? 0 : 1));
}

/** Formats task ids as ECS does in events, shortened for large batches. */
function taskList(tasks: TaskRecord[]): string {
  const shown = tasks.slice(0, 10).map(t => `(task ${t.id})`).join(' ');
  return tasks.length > 10 ? `${shown} and ${tasks.length - 10} more` : shown;
}
