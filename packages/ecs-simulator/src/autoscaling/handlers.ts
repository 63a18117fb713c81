import { AwsError } from '../protocol/errors';
import { paginate } from '../protocol/pagination';
import { memberList } from '../protocol/query';
import type { RequestContext } from '../protocol/context';
import type { AutoScalingGroupRecord, RegionRecord } from '../world/types';

/** DescribeAutoScalingGroups returns 50 groups per page by default and at most 100. */
const DEFAULT_MAX_RECORDS = 50;
const MAX_MAX_RECORDS = 100;

const validationError = (message: string) => new AwsError('ValidationError', message);

function groupShape(region: RegionRecord, group: AutoScalingGroupRecord) {
  const cluster = group.clusterName ? region.clusters.get(group.clusterName) : undefined;
  const instances = cluster ? [...cluster.instances.values()].filter(i => i.autoScalingGroupName === group.name) : [];
  const launchTemplate = { LaunchTemplateId: group.launchTemplateId, LaunchTemplateName: group.launchTemplateName, Version: '$Latest' };
  return {
    AutoScalingGroupName: group.name,
    AutoScalingGroupARN: group.arn,
    MixedInstancesPolicy: {
      LaunchTemplate: {
        LaunchTemplateSpecification: launchTemplate,
        Overrides: group.instanceTypes.map(type => ({ InstanceType: type })),
      },
      InstancesDistribution: {
        OnDemandBaseCapacity: group.onDemandBaseCapacity,
        OnDemandPercentageAboveBaseCapacity: group.onDemandPercentageAboveBaseCapacity,
        SpotAllocationStrategy: 'price-capacity-optimized',
      },
    },
    MinSize: group.minSize,
    MaxSize: group.maxSize,
    DesiredCapacity: group.desiredCapacity + group.launching.length,
    DefaultCooldown: 300,
    AvailabilityZones: group.availabilityZones,
    LoadBalancerNames: [],
    TargetGroupARNs: [],
    HealthCheckType: 'EC2',
    HealthCheckGracePeriod: 300,
    Instances: [
      ...instances.map(i => ({
        InstanceId: i.ec2InstanceId,
        InstanceType: i.instanceType,
        AvailabilityZone: i.availabilityZone,
        LifecycleState: i.terminateAt !== undefined ? 'Terminating' : 'InService',
        HealthStatus: 'Healthy',
        LaunchTemplate: launchTemplate,
        ProtectedFromScaleIn: group.protectedFromScaleIn,
      })),
      ...group.launching.map(l => ({
        InstanceId: l.ec2InstanceId,
        InstanceType: l.instanceType,
        AvailabilityZone: l.availabilityZone,
        LifecycleState: 'Pending',
        HealthStatus: 'Healthy',
        LaunchTemplate: launchTemplate,
        ProtectedFromScaleIn: group.protectedFromScaleIn,
      })),
    ],
    CreatedTime: group.createdAt,
    SuspendedProcesses: [],
    EnabledMetrics: [],
    Tags: [
      ...Object.entries(group.tags).map(([Key, Value]) => ({ ResourceId: group.name, ResourceType: 'auto-scaling-group', Key, Value, PropagateAtLaunch: true })),
      { ResourceId: group.name, ResourceType: 'auto-scaling-group', Key: 'AmazonECSManaged', Value: '', PropagateAtLaunch: true },
    ],
    TerminationPolicies: ['Default'],
    NewInstancesProtectedFromScaleIn: group.protectedFromScaleIn,
    ServiceLinkedRoleARN: `arn:aws:iam::${region.account}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`,
    CapacityRebalance: group.spot,
  };
}

/** The Auto Scaling operations the simulator implements; they read form parameters. */
export const autoScalingHandlers: Record<string, (context: RequestContext, params: URLSearchParams) => unknown> = {
  DescribeAutoScalingGroups(context, params) {
    const names = memberList(params, 'AutoScalingGroupNames');
    let groups = [...context.region.autoScalingGroups.values()];
    if (names.length > 0) {
      groups = groups.filter(g => names.includes(g.name));
    }
    for (let i = 1; params.has(`Filters.member.${i}.Name`); i++) {
      const name = params.get(`Filters.member.${i}.Name`)!;
      const values = memberList(params, `Filters.member.${i}.Values`);
      if (name === 'tag-key') {
        groups = groups.filter(g => values.some(v => v in g.tags || v === 'AmazonECSManaged'));
      } else if (name.startsWith('tag:')) {
        groups = groups.filter(g => values.includes(g.tags[name.slice(4)]));
      } else if (name !== 'tag-value') {
        throw validationError(`Filter name ${name} is not supported: use tag-key, tag-value or tag:<key>.`);
      }
    }
    const maxRecords = params.has('MaxRecords') ? Number(params.get('MaxRecords')) : undefined;
    const { page, nextToken } = paginate(groups, {
      nextToken: params.get('NextToken') ?? undefined,
      maxResults: maxRecords,
      defaultMaxResults: DEFAULT_MAX_RECORDS,
      maxMaxResults: MAX_MAX_RECORDS,
      scope: `DescribeAutoScalingGroups/${names.join(',')}`,
      error: message =>
        message.startsWith('maxResults') ? validationError(message.replace('maxResults', 'MaxRecords')) : new AwsError('InvalidNextToken', message),
    });
    return { AutoScalingGroups: page.map(g => groupShape(context.region, g)), NextToken: nextToken };
  },
};
