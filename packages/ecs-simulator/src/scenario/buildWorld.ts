import { World } from '../world/World';
import { advanceWorld } from '../world/lifecycle';
import { bootstrapService, updateService } from '../world/operations';
import type { Scenario, ScenarioCluster, ScenarioStrategyItem } from './types';
import type { StrategyItem } from '../world/types';

/** The account used when a scenario lists none. */
export const DEFAULT_ACCOUNT = '123456789012';

/** The region used when a scenario cluster names none. */
export const DEFAULT_REGION = 'us-east-1';

/**
 * Builds the world a scenario describes at `startTime`. The simulation starts earlier by the
 * warm-up period, long enough for every scheduled deployment, and runs forward to `startTime`.
 */
export function buildWorld(scenario: Scenario, startTime: number, seed = 'ecs-simulator'): World {
  const accounts = scenario.accounts?.length ? scenario.accounts : [{ id: DEFAULT_ACCOUNT }];
  const latestDeployment = Math.max(
    0,
    ...scenario.clusters.flatMap(c => (c.services ?? []).flatMap(s => (s.deployments ?? []).map(d => d.startedSecondsAgo))),
  );
  const warmUpMs = Math.max(scenario.warmUpSeconds ?? 0, latestDeployment > 0 ? latestDeployment + 60 : 0) * 1000;
  const world = new World({ accounts, startTime: startTime - warmUpMs, seed });

  for (const cluster of scenario.clusters) {
    buildCluster(world, cluster, startTime);
  }
  advanceWorld(world, startTime);
  return world;
}

function buildCluster(world: World, input: ScenarioCluster, startTime: number): void {
  const region = world.region(input.account ?? world.defaultAccount, input.region ?? DEFAULT_REGION);
  const cluster = world.createCluster(region, {
    name: input.name,
    containerInsights: input.containerInsights,
    tags: input.tags,
  });

  for (const provider of input.capacityProviders ?? []) {
    const pool = provider.name.startsWith(`${input.name}-`) ? provider.name.slice(input.name.length + 1) : provider.name;
    const zones = provider.availabilityZones ?? ['a', 'b', 'c'].map(z => `${region.region}${z}`);
    const instanceCount = provider.instances.reduce((sum, group) => sum + group.count, 0);
    const group = world.createAutoScalingGroup(region, {
      name: provider.autoScalingGroupName ?? `${input.name}-${pool}-asg`,
      minSize: provider.minSize ?? instanceCount,
      maxSize: provider.maxSize ?? Math.max(instanceCount * 2, 1),
      availabilityZones: zones,
      instanceTypes: [...new Set(provider.instances.map(i => i.type))],
      spot: (provider.spot ?? false) || (provider.onDemandPercentageAboveBaseCapacity ?? 100) < 100,
      onDemandBaseCapacity: provider.onDemandBaseCapacity,
      onDemandPercentageAboveBaseCapacity: provider.onDemandPercentageAboveBaseCapacity,
      protectedFromScaleIn: provider.managedTerminationProtection ?? true,
    });
    world.createCapacityProvider(region, {
      name: provider.name,
      autoScalingGroupName: group.name,
      managedScaling: provider.managedScaling ?? true,
      targetCapacity: provider.targetCapacity ?? 100,
      managedTerminationProtection: provider.managedTerminationProtection ?? true,
      managedDraining: provider.managedDraining ?? true,
      spotInterruptionMinutes: provider.spotInterruptionMinutes,
    });
    group.clusterName = cluster.name;
    group.capacityProviderName = provider.name;

    let index = 0;
    for (const instances of provider.instances) {
      for (let i = 0; i < instances.count; i++) {
        const instance = world.registerInstance(cluster, group, {
          instanceType: instances.type,
          availabilityZone: zones[index++ % zones.length],
        });
        instance.status = instances.status ?? 'ACTIVE';
      }
    }
  }

  world.putClusterCapacityProviders(
    region,
    cluster,
    (input.capacityProviders ?? []).map(p => p.name),
    toStrategy(input.defaultCapacityProviderStrategy),
  );

  for (const definition of input.taskDefinitions ?? []) {
    world.registerTaskDefinition(region, {
      family: definition.family,
      revision: definition.revision,
      networkMode: definition.networkMode,
      cpu: definition.cpu !== undefined ? String(definition.cpu) : undefined,
      memory: definition.memory !== undefined ? String(definition.memory) : undefined,
      containers: definition.containers.map(c => ({
        name: c.name,
        image: c.image,
        cpu: c.cpu,
        memory: c.memory,
        memoryReservation: c.memoryReservation,
        essential: c.essential ?? true,
        portMappings: c.portMappings?.map(p => ({ containerPort: p.containerPort, hostPort: p.hostPort ?? 0, protocol: p.protocol ?? 'tcp' })),
        resourceRequirements: c.gpus ? [{ type: 'GPU', value: String(c.gpus) }] : undefined,
      })),
      behaviour: definition.simulate,
      tags: definition.tags,
    });
  }

  for (const input_ of input.services ?? []) {
    const taskDefinition = world.findTaskDefinition(region, input_.taskDefinition);
    if (!taskDefinition) {
      throw new Error(`Service ${input_.name} in cluster ${input.name} uses task definition ${input_.taskDefinition}, which the cluster does not declare`);
    }
    const service = world.createService(cluster, {
      name: input_.name,
      taskDefinition,
      desiredCount: input_.desiredCount,
      capacityProviderStrategy: input_.capacityProviderStrategy ? toStrategy(input_.capacityProviderStrategy) : undefined,
      placementStrategy: input_.placementStrategy,
      placementConstraints: input_.placementConstraints,
      maximumPercent: input_.deploymentConfiguration?.maximumPercent,
      minimumHealthyPercent: input_.deploymentConfiguration?.minimumHealthyPercent,
      circuitBreaker: input_.deploymentConfiguration?.circuitBreaker,
      load: input_.load,
      tags: input_.tags,
    });
    bootstrapService(world, region, cluster, service);

    for (const deployment of input_.deployments ?? []) {
      const target = world.findTaskDefinition(region, deployment.taskDefinition);
      if (!target) {
        throw new Error(`Deployment of service ${input_.name} uses task definition ${deployment.taskDefinition}, which the cluster does not declare`);
      }
      world.scheduled.push({
        at: startTime - deployment.startedSecondsAgo * 1000,
        run: () => updateService(world, region, cluster, service, { taskDefinition: target }),
      });
    }
  }
}

function toStrategy(items: ScenarioStrategyItem[] | undefined): StrategyItem[] {
  return (items ?? []).map(item => ({
    capacityProvider: item.capacityProvider,
    weight: item.weight ?? (item.base ? 0 : 1),
    base: item.base ?? 0,
  }));
}
