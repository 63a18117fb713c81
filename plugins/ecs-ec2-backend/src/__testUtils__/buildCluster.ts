import { Entity } from '@backstage/catalog-model';
import { FakeCluster } from './fakeAws';

export interface ClusterSpec {
  accountId?: string;
  region?: string;
  name: string;
  /** Running task count per service name. */
  services: Record<string, number>;
  stoppedPerService?: number;
  instances: number;
  capacityProviders: number;
  /** Use `task/<id>` task ARNs instead of `task/<cluster>/<id>`. */
  oldTaskArns?: boolean;
}

/** Builds a cluster whose tasks spread round-robin over instances and capacity providers. */
export function buildCluster(spec: ClusterSpec): FakeCluster {
  const accountId = spec.accountId ?? '123456789012';
  const region = spec.region ?? 'us-east-1';
  const prefix = `arn:aws:ecs:${region}:${accountId}`;
  const providerNames = Array.from(
    { length: spec.capacityProviders },
    (_, i) => `${spec.name}-pool-${i}`,
  );

  const instances = Array.from({ length: spec.instances }, (_, i) => ({
    containerInstanceArn: `${prefix}:container-instance/${spec.name}/ci${i}`,
    ec2InstanceId: `i-${String(i).padStart(17, '0')}`,
    capacityProviderName: providerNames[i % providerNames.length],
    status: 'ACTIVE',
    agentConnected: true,
    runningTasksCount: 0,
    pendingTasksCount: 0,
    attributes: [
      { name: 'ecs.instance-type', value: i % 2 ? 'm6i.large' : 'c6i.xlarge' },
      { name: 'ecs.availability-zone', value: `${region}${'abc'[i % 3]}` },
      ...(i % 4 === 0 ? [{ name: 'ecs.instance-lifecycle', value: 'spot' }] : []),
    ],
    registeredResources: [
      { name: 'CPU', type: 'INTEGER', integerValue: 2048 },
      { name: 'MEMORY', type: 'INTEGER', integerValue: 7680 },
    ],
    remainingResources: [
      { name: 'CPU', type: 'INTEGER', integerValue: 1024 },
      { name: 'MEMORY', type: 'INTEGER', integerValue: 4096 },
    ],
  }));

  const tasks: FakeCluster['tasks'] = [];
  let counter = 0;
  for (const [serviceName, running] of Object.entries(spec.services)) {
    const stopped = spec.stoppedPerService ?? 0;
    for (let i = 0; i < running + stopped; i++) {
      const instance = instances[counter % instances.length];
      const id = `t${String(counter++).padStart(6, '0')}`;
      const isStopped = i >= running;
      tasks.push({
        taskArn: spec.oldTaskArns
          ? `${prefix}:task/${id}`
          : `${prefix}:task/${spec.name}/${id}`,
        group: `service:${serviceName}`,
        desiredStatus: isStopped ? 'STOPPED' : 'RUNNING',
        lastStatus: isStopped ? 'STOPPED' : 'RUNNING',
        taskDefinitionArn: `${prefix}:task-definition/${serviceName}:3`,
        startedBy: 'ecs-svc/1111',
        containerInstanceArn: instance?.containerInstanceArn,
        capacityProviderName: instance?.capacityProviderName,
        cpu: '256',
        memory: '512',
        createdAt: new Date(),
        ...(isStopped
          ? {
              stoppedAt: new Date(),
              stopCode: 'EssentialContainerExited',
              stoppedReason: 'Essential container in task exited',
              containers: [{ name: 'app', exitCode: 1, lastStatus: 'STOPPED' }],
            }
          : { containers: [{ name: 'app', lastStatus: 'RUNNING' }] }),
      });
    }
  }

  return {
    accountId,
    region,
    name: spec.name,
    services: Object.entries(spec.services).map(([serviceName, running]) => ({
      serviceArn: `${prefix}:service/${spec.name}/${serviceName}`,
      serviceName,
      clusterArn: `${prefix}:cluster/${spec.name}`,
      status: 'ACTIVE',
      desiredCount: running,
      runningCount: running,
      pendingCount: 0,
      taskDefinition: `${prefix}:task-definition/${serviceName}:3`,
      capacityProviderStrategy: providerNames.map(capacityProvider => ({
        capacityProvider,
        weight: 1,
        base: 0,
      })),
      deployments: [
        {
          id: 'ecs-svc/1111',
          status: 'PRIMARY',
          taskDefinition: `${prefix}:task-definition/${serviceName}:3`,
          desiredCount: running,
          runningCount: running,
          pendingCount: 0,
          failedTasks: 0,
          rolloutState: 'COMPLETED',
        },
      ],
      events: [
        { id: 'e1', createdAt: new Date(), message: `(service ${serviceName}) has reached a steady state.` },
      ],
    })),
    tasks,
    instances,
    capacityProviders: providerNames.map(name => ({
      name,
      capacityProviderArn: `${prefix}:capacity-provider/${name}`,
      status: 'ACTIVE',
      autoScalingGroupProvider: {
        autoScalingGroupArn: `arn:aws:autoscaling:${region}:${accountId}:autoScalingGroup:uuid:autoScalingGroupName/${name}-asg`,
        managedScaling: { status: 'ENABLED', targetCapacity: 90 },
        managedTerminationProtection: 'ENABLED',
        managedDraining: 'ENABLED',
      },
    })),
    autoScalingGroups: providerNames.map(name => ({
      AutoScalingGroupName: `${name}-asg`,
      MinSize: 0,
      MaxSize: 100,
      DesiredCapacity: instances.filter(i => i.capacityProviderName === name).length,
      DefaultCooldown: 300,
      AvailabilityZones: [],
      HealthCheckType: 'EC2',
      CreatedTime: new Date(),
      Instances: instances
        .filter(i => i.capacityProviderName === name)
        .map(i => ({
          InstanceId: i.ec2InstanceId,
          LifecycleState: 'InService',
          HealthStatus: 'Healthy',
          AvailabilityZone: 'x',
          ProtectedFromScaleIn: true,
        })),
    })) as any,
  };
}

/** A component entity annotated with the given service ARNs. */
/** Creates a catalog component with the given annotations. */
export function componentWithAnnotations(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', owner: 'platform-team', lifecycle: 'production' },
  };
}

export function componentWithArns(name: string, arns: string[], extra: Record<string, string> = {}): Entity {
  return componentWithAnnotations(name, { 'ecs-ec2.io/service-arn': arns.join(','), ...extra });
}
