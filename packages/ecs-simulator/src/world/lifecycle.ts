import { unitNoise } from '../random';
import { recordTaskFailure, reconcileService, reportSteadyState } from './scheduler';
import { markRunning, stopTask } from './tasks';
import { INSTANCE_REGISTRATION_MS, SPOT_NOTICE_MS, STEP_MS, STOPPED_TASK_RETENTION_MS, World } from './World';
import type { ClusterRecord, ContainerInstanceRecord, RegionRecord } from './types';

/**
 * Moves the world forward to `now` in fixed steps. Each step registers launched instances,
 * interrupts Spot instances, moves tasks along (PENDING to RUNNING, failing containers to
 * STOPPED), runs the service scheduler and forgets stopped tasks past their retention.
 */
export function advanceWorld(world: World, now: number): void {
  while (world.time + STEP_MS <= now) {
    world.time += STEP_MS;
    runScheduledChanges(world);
    for (const { region, cluster } of world.allClusters()) {
      stepCluster(world, region, cluster);
    }
  }
}

/** Runs the scheduler once at the current time without moving it, after a change through the API. */
export function settleWorld(world: World): void {
  for (const { region, cluster } of world.allClusters()) {
    for (const service of cluster.services.values()) {
      reconcileService(world, region, cluster, service);
    }
  }
}

function runScheduledChanges(world: World): void {
  const due = world.scheduled.filter(change => change.at <= world.time);
  if (due.length === 0) {
    return;
  }
  world.scheduled.splice(0, world.scheduled.length, ...world.scheduled.filter(change => change.at > world.time));
  due.forEach(change => change.run());
}

function stepCluster(world: World, region: RegionRecord, cluster: ClusterRecord): void {
  registerLaunchedInstances(world, region, cluster);
  interruptSpotInstances(world, region, cluster);
  terminateDrainedInstances(world, region, cluster);
  moveTasks(world, cluster);

  for (const service of cluster.services.values()) {
    reconcileService(world, region, cluster, service);
    reportSteadyState(world, service);
  }

  while (cluster.stoppedQueue.length > 0 && cluster.stoppedQueue[0].stoppedAt! + STOPPED_TASK_RETENTION_MS <= world.time) {
    const task = cluster.stoppedQueue.shift()!;
    cluster.tasks.delete(task.id);
  }
}

function registerLaunchedInstances(world: World, region: RegionRecord, cluster: ClusterRecord): void {
  for (const group of region.autoScalingGroups.values()) {
    if (group.clusterName !== cluster.name || group.launching.length === 0) {
      continue;
    }
    const ready = group.launching.filter(l => l.registerAt <= world.time);
    group.launching = group.launching.filter(l => l.registerAt > world.time);
    for (const launch of ready) {
      world.registerInstance(cluster, group, launch);
    }
  }
}

/**
 * Interrupts Spot instances at the pool's mean rate. Whether a step brings an interruption is
 * drawn from a hash of the provider and the time, so it does not depend on request order.
 */
function interruptSpotInstances(world: World, region: RegionRecord, cluster: ClusterRecord): void {
  for (const name of cluster.capacityProviders) {
    const provider = region.capacityProviders.get(name);
    if (!provider?.spotInterruptionMinutes) {
      continue;
    }
    const probability = STEP_MS / (provider.spotInterruptionMinutes * 60_000);
    if (unitNoise(`${cluster.arn}/${name}/${world.time}`) >= probability) {
      continue;
    }
    const candidates: ContainerInstanceRecord[] = [];
    for (const instance of cluster.instances.values()) {
      if (instance.capacityProviderName === name && instance.spot && instance.status === 'ACTIVE') {
        candidates.push(instance);
      }
    }
    if (candidates.length === 0) {
      continue;
    }
    const victim = candidates[Math.floor(unitNoise(`${cluster.arn}/${name}/${world.time}/victim`) * candidates.length)];
    victim.status = 'DRAINING';
    victim.statusReason = 'EC2 Spot Instance interruption notice received';
    victim.terminateAt = world.time + SPOT_NOTICE_MS;
    victim.version++;
  }
}

function terminateDrainedInstances(world: World, region: RegionRecord, cluster: ClusterRecord): void {
  for (const instance of [...cluster.instances.values()]) {
    if (instance.terminateAt === undefined || instance.terminateAt > world.time) {
      continue;
    }
    for (const task of [...instance.tasks]) {
      stopTask(world, cluster, task, {
        reason: `Host EC2 (instance ${instance.ec2InstanceId}) terminated.`,
        stopCode: 'SpotInterruption',
      });
    }
    cluster.instances.delete(instance.id);

    // The Auto Scaling group replaces the terminated instance to keep its desired capacity.
    const group = instance.autoScalingGroupName ? region.autoScalingGroups.get(instance.autoScalingGroupName) : undefined;
    if (group) {
      group.desiredCapacity--;
      world.launchInstance(group, INSTANCE_REGISTRATION_MS);
    }
  }
}

function moveTasks(world: World, cluster: ClusterRecord): void {
  for (const task of [...cluster.transitioning]) {
    if (task.runningAt !== undefined && task.runningAt <= world.time) {
      markRunning(world, task);
      if (task.failAt === undefined) {
        cluster.transitioning.delete(task);
      }
      continue;
    }
    if (task.failAt !== undefined && task.failAt <= world.time) {
      const exitCode = task.taskDefinition.behaviour.exitCode ?? 1;
      const essential = task.taskDefinition.containers.find(c => c.essential !== false) ?? task.taskDefinition.containers[0];
      stopTask(world, cluster, task, {
        reason: `Essential container in task exited`,
        stopCode: 'EssentialContainerExited',
        exitCode,
        containerReason: `Essential container ${essential?.name ?? ''} exited with code ${exitCode}`,
      });
      const service = task.serviceName ? cluster.services.get(task.serviceName) : undefined;
      if (service) {
        recordTaskFailure(world, cluster, service, task);
      }
    }
  }
}
