import { reconcileService, TASK_STABILITY_MS } from './scheduler';
import { markRunning } from './tasks';
import type { World } from './World';
import type { ClusterRecord, RegionRecord, ServiceRecord, TaskDefinitionRecord } from './types';

/**
 * Applies an UpdateService change: a new desired count takes effect at once, a new task
 * definition (or a forced deployment) starts a rolling deployment. The scheduler then runs
 * once so the change shows in the next response, as ECS starts tasks within seconds.
 */
export function updateService(
  world: World,
  region: RegionRecord,
  cluster: ClusterRecord,
  service: ServiceRecord,
  change: { desiredCount?: number; taskDefinition?: TaskDefinitionRecord; forceNewDeployment?: boolean },
): void {
  if (change.desiredCount !== undefined) {
    service.desiredCount = change.desiredCount;
    service.steadySince = undefined;
  }
  const current = service.deployments[0]?.revision.taskDefinition;
  if ((change.taskDefinition && change.taskDefinition !== current) || change.forceNewDeployment) {
    world.startDeployment(cluster, service, change.taskDefinition ?? current!);
  }
  reconcileService(world, region, cluster, service);
}

/**
 * Brings a scenario service up as if it had been running for a while: its tasks are placed and
 * RUNNING at once, and its first deployment is COMPLETED.
 */
export function bootstrapService(world: World, region: RegionRecord, cluster: ClusterRecord, service: ServiceRecord): void {
  reconcileService(world, region, cluster, service);
  for (const task of service.tasks) {
    if (task.lastStatus === 'PENDING') {
      markRunning(world, task);
      task.startedAt = world.time - TASK_STABILITY_MS;
      if (task.failAt === undefined) {
        cluster.transitioning.delete(task);
      }
    }
  }
  reconcileService(world, region, cluster, service);
}
