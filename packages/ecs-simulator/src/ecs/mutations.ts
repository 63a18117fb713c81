import { AwsError, invalidParameter } from '../protocol/errors';
import type { OperationHandler, RequestContext } from '../protocol/context';
import { resourceName } from '../world/arns';
import { settleWorld } from '../world/lifecycle';
import { updateService } from '../world/operations';
import type { ContainerDefinitionRecord, StrategyItem } from '../world/types';
import { capacityProviderShape, clusterShape, serviceShape, taskDefinitionShape } from './shapes';

function clusterOf(context: RequestContext, reference: string | undefined) {
  const cluster = context.region.clusters.get(resourceName(reference ?? 'default'));
  if (!cluster) {
    throw new AwsError('ClusterNotFoundException', 'Cluster not found.');
  }
  return cluster;
}

const toTags = (tags: Array<{ key: string; value: string }> | undefined) =>
  Object.fromEntries((tags ?? []).map(t => [t.key, t.value]));

function toStrategy(context: RequestContext, items: any[] | undefined): StrategyItem[] {
  return (items ?? []).map(item => {
    if (!context.region.capacityProviders.has(item.capacityProvider)) {
      throw invalidParameter(`The specified capacity provider ${item.capacityProvider} was not found.`);
    }
    return { capacityProvider: item.capacityProvider, weight: item.weight ?? 0, base: item.base ?? 0 };
  });
}

/** The mutating ECS operations a simulated Terraform apply, or a test, needs. */
export const ecsMutations: Record<string, OperationHandler> = {
  CreateCluster(context, input) {
    const insights = (input.settings ?? []).find((s: any) => s.name === 'containerInsights');
    const cluster = context.world.createCluster(context.region, {
      name: input.clusterName ?? 'default',
      containerInsights: insights ? insights.value !== 'disabled' : false,
      tags: toTags(input.tags),
    });
    if (input.capacityProviders) {
      context.world.putClusterCapacityProviders(context.region, cluster, input.capacityProviders, toStrategy(context, input.defaultCapacityProviderStrategy));
    }
    return { cluster: clusterShape(cluster, []) };
  },

  PutClusterCapacityProviders(context, input) {
    const cluster = clusterOf(context, input.cluster);
    for (const name of input.capacityProviders ?? []) {
      if (!context.region.capacityProviders.has(name)) {
        throw invalidParameter(`The specified capacity provider ${name} was not found.`);
      }
    }
    context.world.putClusterCapacityProviders(context.region, cluster, input.capacityProviders ?? [], toStrategy(context, input.defaultCapacityProviderStrategy));
    return { cluster: clusterShape(cluster, []) };
  },

  CreateCapacityProvider(context, input) {
    const asgProvider = input.autoScalingGroupProvider;
    if (!input.name || !asgProvider?.autoScalingGroupArn) {
      throw invalidParameter('name and autoScalingGroupProvider.autoScalingGroupArn are required.');
    }
    if (context.region.capacityProviders.has(input.name)) {
      throw invalidParameter(`The specified capacity provider ${input.name} already exists.`);
    }
    const groupName = asgProvider.autoScalingGroupArn.split('autoScalingGroupName/')[1] ?? asgProvider.autoScalingGroupArn;
    if (!context.region.autoScalingGroups.has(groupName)) {
      throw invalidParameter(`The specified Auto Scaling group ${asgProvider.autoScalingGroupArn} was not found.`);
    }
    const provider = context.world.createCapacityProvider(context.region, {
      name: input.name,
      autoScalingGroupName: groupName,
      managedScaling: asgProvider.managedScaling?.status !== 'DISABLED',
      targetCapacity: asgProvider.managedScaling?.targetCapacity ?? 100,
      managedTerminationProtection: asgProvider.managedTerminationProtection === 'ENABLED',
      managedDraining: asgProvider.managedDraining !== 'DISABLED',
      tags: toTags(input.tags),
    });
    return { capacityProvider: capacityProviderShape(context.region, provider, ['TAGS']) };
  },

  RegisterTaskDefinition(context, input) {
    if (!input.family || !Array.isArray(input.containerDefinitions) || input.containerDefinitions.length === 0) {
      throw new AwsError('ClientException', 'family and at least one container definition are required.');
    }
    const td = context.world.registerTaskDefinition(context.region, {
      family: input.family,
      networkMode: input.networkMode,
      cpu: input.cpu,
      memory: input.memory,
      containers: input.containerDefinitions as ContainerDefinitionRecord[],
      requiresCompatibilities: input.requiresCompatibilities,
      tags: toTags(input.tags),
    });
    return { taskDefinition: taskDefinitionShape(td), tags: input.tags ?? [] };
  },

  CreateService(context, input) {
    const cluster = clusterOf(context, input.cluster);
    if (!input.serviceName) {
      throw invalidParameter('serviceName can not be blank.');
    }
    if (cluster.services.has(input.serviceName)) {
      throw invalidParameter('Creation of service was not idempotent.');
    }
    const td = context.world.findTaskDefinition(context.region, input.taskDefinition ?? '');
    if (!td) {
      throw invalidParameter('TaskDefinition not found.');
    }
    const service = context.world.createService(cluster, {
      name: input.serviceName,
      taskDefinition: td,
      desiredCount: input.desiredCount ?? 0,
      capacityProviderStrategy: input.capacityProviderStrategy ? toStrategy(context, input.capacityProviderStrategy) : undefined,
      placementStrategy: input.placementStrategy,
      placementConstraints: input.placementConstraints,
      maximumPercent: input.deploymentConfiguration?.maximumPercent,
      minimumHealthyPercent: input.deploymentConfiguration?.minimumHealthyPercent,
      circuitBreaker: input.deploymentConfiguration?.deploymentCircuitBreaker,
      tags: toTags(input.tags),
    });
    settleWorld(context.world);
    return { service: serviceShape(service, cluster, ['TAGS']) };
  },

  UpdateService(context, input) {
    const cluster = clusterOf(context, input.cluster);
    const service = cluster.services.get(resourceName(input.service ?? ''));
    if (!service) {
      throw new AwsError('ServiceNotFoundException', 'Service not found.');
    }
    const td = input.taskDefinition ? context.world.findTaskDefinition(context.region, input.taskDefinition) : undefined;
    if (input.taskDefinition && !td) {
      throw invalidParameter('TaskDefinition not found.');
    }
    if (input.desiredCount !== undefined && (!Number.isInteger(input.desiredCount) || input.desiredCount < 0)) {
      throw invalidParameter(`desiredCount must be a non-negative integer, got ${input.desiredCount}.`);
    }
    updateService(context.world, context.region, cluster, service, {
      desiredCount: input.desiredCount,
      taskDefinition: td,
      forceNewDeployment: input.forceNewDeployment,
    });
    return { service: serviceShape(service, cluster, []) };
  },
};
