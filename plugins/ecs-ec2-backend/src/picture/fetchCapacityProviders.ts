import {
  AutoScalingGroup,
  DescribeAutoScalingGroupsCommand,
} from '@aws-sdk/client-auto-scaling';
import {
  CapacityProvider,
  ContainerInstance,
  DescribeCapacityProvidersCommand,
} from '@aws-sdk/client-ecs';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  EcsAutoScalingGroupView,
  EcsCapacityProviderView,
  EcsWarning,
} from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import { AwsAccountRegionClients } from '../aws/AwsClients';
import { warningFromError } from '../aws/awsWarnings';
import { mapContainerInstance } from './mapEcs';

/**
 * DescribeCapacityProviders takes up to 100 names but returns at most 10 providers per
 * page. Batches of 10 go out side by side instead of as a chain of pages.
 */
const CAPACITY_PROVIDER_BATCH = 10;
/** DescribeAutoScalingGroups returns at most 100 groups per page (MaxRecords). */
const AUTO_SCALING_GROUP_BATCH = 100;

export interface FetchedCapacityProviders {
  capacityProviders: Map<string, CapacityProvider>;
  autoScalingGroups: Map<string, AutoScalingGroup>;
  warnings: EcsWarning[];
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    chunks.push(items.slice(i, i + size));
  }
  return chunks;
}

/** Reads the group name from `arn:aws:autoscaling:...:autoScalingGroupName/<name>`. */
export function autoScalingGroupName(arn: string | undefined): string | undefined {
  return arn?.split('autoScalingGroupName/')[1];
}

/** Describes the named capacity providers and their Auto Scaling groups. */
export async function fetchCapacityProviders(
  clients: AwsAccountRegionClients,
  clusterName: string,
  names: string[],
  logger: LoggerService,
): Promise<FetchedCapacityProviders> {
  const capacityProviders = new Map<string, CapacityProvider>();
  const autoScalingGroups = new Map<string, AutoScalingGroup>();
  const warnings: EcsWarning[] = [];

  // Fargate providers have no Auto Scaling group and nothing EC2-specific to show.
  const ec2Names = names.filter(name => !name.startsWith('FARGATE'));
  if (ec2Names.length === 0) {
    return { capacityProviders, autoScalingGroups, warnings };
  }

  await Promise.all(
    chunk(ec2Names, CAPACITY_PROVIDER_BATCH).map(async batch => {
      let nextToken: string | undefined;
      try {
        do {
          const output = await clients.run(() =>
            clients.ecs.send(
              new DescribeCapacityProvidersCommand({
                capacityProviders: batch,
                maxResults: CAPACITY_PROVIDER_BATCH,
                nextToken,
              }),
            ),
          );
          for (const provider of output.capacityProviders ?? []) {
            capacityProviders.set(provider.name ?? '', provider);
          }
          for (const failure of output.failures ?? []) {
            warnings.push({
              code: failure.reason === 'MISSING' ? 'MISSING' : 'NOT_FOUND',
              part: `Capacity provider ${failure.arn}`,
              message: `Capacity provider ${failure.arn} of cluster ${clusterName} could not be described: AWS reports it as ${failure.reason ?? 'missing'}.`,
            });
          }
          nextToken = output.nextToken;
        } while (nextToken);
      } catch (error) {
        warnings.push(
          warningFromError(
            error,
            `Capacity providers of cluster ${clusterName}`,
            logger,
          ),
        );
      }
    }),
  );

  const groupNames = [...capacityProviders.values()]
    .map(provider =>
      autoScalingGroupName(provider.autoScalingGroupProvider?.autoScalingGroupArn),
    )
    .filter((name): name is string => Boolean(name));

  // A failed call already has its warning, so its groups are not reported again.
  let groupsFailed = false;
  await Promise.all(
    chunk(groupNames, AUTO_SCALING_GROUP_BATCH).map(async batch => {
      let nextToken: string | undefined;
      try {
        do {
          const page = await clients.run(() =>
            clients.autoScaling.send(
              new DescribeAutoScalingGroupsCommand({
                AutoScalingGroupNames: batch,
                MaxRecords: AUTO_SCALING_GROUP_BATCH,
                NextToken: nextToken,
              }),
            ),
          );
          for (const group of page.AutoScalingGroups ?? []) {
            autoScalingGroups.set(group.AutoScalingGroupName ?? '', group);
          }
          nextToken = page.NextToken;
        } while (nextToken);
      } catch (error) {
        groupsFailed = true;
        warnings.push(
          warningFromError(
            error,
            `Auto Scaling groups of cluster ${clusterName}`,
            logger,
          ),
        );
      }
    }),
  );

  // AWS returns no error for a group deleted behind its capacity provider's back, but
  // the reader still needs to know why the provider shows no group.
  for (const name of groupsFailed ? [] : groupNames) {
    if (!autoScalingGroups.has(name)) {
      warnings.push({
        code: 'NOT_FOUND',
        part: `Auto Scaling group ${name}`,
        message: `Auto Scaling group ${name} of a capacity provider of cluster ${clusterName} was not found; check the capacity provider's autoScalingGroupArn.`,
      });
    }
  }

  return { capacityProviders, autoScalingGroups, warnings };
}

/**
 * Returns the purchase option that every instance of a group has, read from its mixed
 * instances policy. A group with OnDemandPercentageAboveBaseCapacity 100 launches no
 * Spot capacity and returns ON_DEMAND. A group with no On-Demand base and 0 percent
 * above it returns SPOT, and a group that mixes both returns undefined.
 *
 * NOTE: a group without a mixed instances policy also returns undefined, because
 * whether its launch template requests Spot (InstanceMarketOptions) is not part of
 * DescribeAutoScalingGroups.
 */
export function purchaseOptionOfGroup(
  group: AutoScalingGroup | undefined,
): 'SPOT' | 'ON_DEMAND' | undefined {
  const distribution = group?.MixedInstancesPolicy?.InstancesDistribution;
  if (!distribution) return undefined;
  if (distribution.OnDemandPercentageAboveBaseCapacity === 100) return 'ON_DEMAND';
  if (
    (distribution.OnDemandBaseCapacity ?? 0) === 0 &&
    distribution.OnDemandPercentageAboveBaseCapacity === 0
  ) {
    return 'SPOT';
  }
  return undefined;
}

/** Returns the Auto Scaling group behind a capacity provider, when it was fetched. */
export function autoScalingGroupOf(
  fetched: FetchedCapacityProviders,
  capacityProviderName: string | undefined,
): AutoScalingGroup | undefined {
  const provider = fetched.capacityProviders.get(capacityProviderName ?? '');
  return fetched.autoScalingGroups.get(
    autoScalingGroupName(provider?.autoScalingGroupProvider?.autoScalingGroupArn) ?? '',
  );
}

/**
 * Counts Spot and On-Demand instances of a group. An instance with an
 * `ecs.instance-lifecycle` attribute counts by it. Any other instance takes the
 * group's purchase option, and stays unknown in a group whose mixed instances
 * policy mixes both. A group without such a policy counts as On-Demand, as
 * Spot through the launch template alone is rare and not visible here.
 */
function mapAutoScalingGroup(
  group: AutoScalingGroup,
  lifecycleByInstanceId: Map<string, 'SPOT' | 'ON_DEMAND' | undefined>,
): EcsAutoScalingGroupView {
  const distribution = group.MixedInstancesPolicy?.InstancesDistribution;
  const groupOption: 'SPOT' | 'ON_DEMAND' | undefined = distribution
    ? purchaseOptionOfGroup(group)
    : 'ON_DEMAND';
  const inService = (group.Instances ?? []).filter(
    instance => instance.LifecycleState === 'InService',
  );

  let spotCount = 0;
  let onDemandCount = 0;
  for (const instance of inService) {
    const lifecycle =
      lifecycleByInstanceId.get(instance.InstanceId ?? '') ?? groupOption;
    if (lifecycle === 'SPOT') spotCount += 1;
    if (lifecycle === 'ON_DEMAND') onDemandCount += 1;
  }

  const overrides =
    group.MixedInstancesPolicy?.LaunchTemplate?.Overrides?.map(
      override => override.InstanceType,
    ) ?? [];
  const runningTypes = (group.Instances ?? []).map(
    instance => instance.InstanceType,
  );
  const instanceTypes = [
    ...new Set(
      (overrides.length > 0 ? overrides : runningTypes).filter(
        (type): type is string => Boolean(type),
      ),
    ),
  ];

  return {
    name: group.AutoScalingGroupName ?? '',
    minSize: group.MinSize ?? 0,
    maxSize: group.MaxSize ?? 0,
    desiredCapacity: group.DesiredCapacity ?? 0,
    inServiceCount: inService.length,
    spotCount,
    onDemandCount,
    unknownLifecycleCount: inService.length - spotCount - onDemandCount,
    instanceTypes,
    onDemandBaseCapacity: distribution?.OnDemandBaseCapacity,
    onDemandPercentageAboveBaseCapacity:
      distribution?.OnDemandPercentageAboveBaseCapacity,
    spotAllocationStrategy: distribution?.SpotAllocationStrategy,
  };
}

/** Builds the capacity provider view, with its group and GPU facts from the cluster's instances. */
export function mapCapacityProvider(
  name: string,
  fetched: FetchedCapacityProviders,
  instances: ContainerInstance[],
): EcsCapacityProviderView {
  const provider = fetched.capacityProviders.get(name);
  const groupProvider = provider?.autoScalingGroupProvider;
  const group = fetched.autoScalingGroups.get(
    autoScalingGroupName(groupProvider?.autoScalingGroupArn) ?? '',
  );

  const ownInstances = instances
    .filter(instance => instance.capacityProviderName === name)
    .map(instance => mapContainerInstance(instance));
  const lifecycleByInstanceId = new Map(
    ownInstances.map(instance => [instance.ec2InstanceId, instance.lifecycle]),
  );

  return {
    name,
    arn: provider?.capacityProviderArn,
    status: provider?.status,
    managedScalingStatus: groupProvider?.managedScaling?.status,
    targetCapacity: groupProvider?.managedScaling?.targetCapacity,
    minimumScalingStepSize: groupProvider?.managedScaling?.minimumScalingStepSize,
    maximumScalingStepSize: groupProvider?.managedScaling?.maximumScalingStepSize,
    managedTerminationProtection: groupProvider?.managedTerminationProtection,
    managedDraining: groupProvider?.managedDraining,
    autoScalingGroupArn: groupProvider?.autoScalingGroupArn,
    autoScalingGroup: group
      ? mapAutoScalingGroup(group, lifecycleByInstanceId)
      : undefined,
    hasGpu: ownInstances.some(instance => instance.registered.gpus > 0),
  };
}
