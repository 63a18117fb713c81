import { instanceAttributes } from '../world/attributes';
import { arns } from '../world/arns';
import type {
  CapacityProviderRecord,
  ClusterRecord,
  ContainerInstanceRecord,
  DeploymentRecord,
  RegionRecord,
  ServiceDeploymentRecord,
  ServiceRecord,
  ServiceRevisionRecord,
  TaskDefinitionRecord,
  TaskRecord,
} from '../world/types';

// The ECS JSON protocol sends timestamps as epoch seconds.
const seconds = (ms: number | undefined) => (ms === undefined ? undefined : ms / 1000);

const tagList = (tags: Record<string, string>) => Object.entries(tags).map(([key, value]) => ({ key, value }));

export function clusterShape(cluster: ClusterRecord, include: string[]) {
  let running = 0;
  let pending = 0;
  for (const task of cluster.tasks.values()) {
    if (task.lastStatus === 'RUNNING') running++;
    else if (task.lastStatus === 'PENDING') pending++;
  }
  return {
    clusterArn: cluster.arn,
    clusterName: cluster.name,
    status: cluster.status,
    registeredContainerInstancesCount: cluster.instances.size,
    runningTasksCount: running,
    pendingTasksCount: pending,
    activeServicesCount: [...cluster.services.values()].filter(s => s.status === 'ACTIVE').length,
    statistics: [],
    tags: include.includes('TAGS') ? tagList(cluster.tags) : [],
    settings: include.includes('SETTINGS') ? [{ name: 'containerInsights', value: cluster.containerInsights ? 'enabled' : 'disabled' }] : [],
    capacityProviders: cluster.capacityProviders,
    defaultCapacityProviderStrategy: cluster.defaultCapacityProviderStrategy,
    attachments: [],
  };
}

export function capacityProviderShape(region: RegionRecord, provider: CapacityProviderRecord, include: string[]) {
  const group = region.autoScalingGroups.get(provider.autoScalingGroupName);
  return {
    capacityProviderArn: provider.arn,
    name: provider.name,
    status: 'ACTIVE',
    type: 'EC2_AUTOSCALING',
    autoScalingGroupProvider: {
      autoScalingGroupArn: group?.arn ?? provider.autoScalingGroupName,
      managedScaling: {
        status: provider.managedScaling ? 'ENABLED' : 'DISABLED',
        targetCapacity: provider.targetCapacity,
        minimumScalingStepSize: 1,
        maximumScalingStepSize: 10000,
        instanceWarmupPeriod: 300,
      },
      managedTerminationProtection: provider.managedTerminationProtection ? 'ENABLED' : 'DISABLED',
      managedDraining: provider.managedDraining ? 'ENABLED' : 'DISABLED',
    },
    updateStatus: 'UPDATE_COMPLETE',
    tags: include.includes('TAGS') ? tagList(provider.tags) : [],
  };
}

export function containerInstanceShape(_cluster: ClusterRecord, instance: ContainerInstanceRecord, include: string[]) {
  let running = 0;
  let pending = 0;
  for (const task of instance.tasks) {
    if (task.lastStatus === 'RUNNING') running++;
    else if (task.lastStatus === 'PENDING') pending++;
  }
  const ports = [...instance.usedPorts].filter(p => p.startsWith('tcp/')).map(p => p.slice(4));
  const udpPorts = [...instance.usedPorts].filter(p => p.startsWith('udp/')).map(p => p.slice(4));
  const resources = (cpu: number, memory: number, gpus: string[], tcp: string[], udp: string[]) => {
    const list: Array<Record<string, unknown>> = [
      { name: 'CPU', type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: cpu },
      { name: 'MEMORY', type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: memory },
      { name: 'PORTS', type: 'STRINGSET', doubleValue: 0, longValue: 0, integerValue: 0, stringSetValue: ['22', '2375', '2376', '51678', '51679', ...tcp] },
      { name: 'PORTS_UDP', type: 'STRINGSET', doubleValue: 0, longValue: 0, integerValue: 0, stringSetValue: udp },
    ];
    if (instance.gpuIds.length > 0) {
      list.push({ name: 'GPU', type: 'STRINGSET', doubleValue: 0, longValue: 0, integerValue: 0, stringSetValue: gpus });
    }
    return list;
  };
  const attributes = Object.entries(instanceAttributes(instance)).map(([name, value]) =>
    value === '' ? { name } : { name, value },
  );
  return {
    containerInstanceArn: instance.arn,
    ec2InstanceId: instance.ec2InstanceId,
    capacityProviderName: instance.capacityProviderName,
    version: instance.version,
    versionInfo: { agentVersion: '1.89.2', agentHash: '4a2b6f1c', dockerVersion: 'DockerVersion: 25.0.8' },
    remainingResources: resources(
      instance.cpu - instance.usedCpu,
      instance.memory - instance.usedMemory,
      instance.gpuIds.filter(g => !instance.usedGpuIds.has(g)),
      ports,
      udpPorts,
    ),
    registeredResources: resources(instance.cpu, instance.memory, instance.gpuIds, [], []),
    status: instance.status,
    statusReason: instance.statusReason,
    agentConnected: true,
    runningTasksCount: running,
    pendingTasksCount: pending,
    attributes,
    registeredAt: seconds(instance.registeredAt),
    attachments: [],
    tags: include.includes('TAGS') ? [] : undefined,
    healthStatus: { overallStatus: 'OK', details: [] },
  };
}

/** Returns a stopped container's exit code: the task's for the essential container, 0 for the others. */
function containerExitCode(task: TaskRecord, stopped: boolean, essential: boolean): number | undefined {
  if (!stopped || task.exitCode === undefined) {
    return undefined;
  }
  return essential ? task.exitCode : 0;
}

export function taskShape(task: TaskRecord, cluster: ClusterRecord, include: string[]) {
  const td = task.taskDefinition;
    return {
    attachments: [],
    attributes: [{ name: 'ecs.cpu-architecture', value: instanceAttributes(task.instance)['ecs.cpu-architecture'] }],
    availabilityZone: task.instance.availabilityZone,
    capacityProviderName: task.capacityProviderName,
    clusterArn: cluster.arn,
    connectivity: 'CONNECTED',
    connectivityAt: seconds(task.createdAt),
    containerInstanceArn: task.instance.arn,
    containers: td.containers.map((container, index) => {
      const stopped = task.lastStatus === 'STOPPED';
      const essential = container.essential !== false;
      return {
        containerArn: arns.container(cluster.region, cluster.account, cluster.name, task.id, task.containerIds[index]),
        taskArn: task.arn,
        name: container.name,
        image: container.image,
        runtimeId: task.lastStatus === 'PENDING' ? undefined : `${task.id}-${index}`,
        lastStatus: task.lastStatus,
        exitCode: containerExitCode(task, stopped, essential),
        reason: stopped && essential ? task.containerReason : undefined,
        networkBindings: task.hostPorts
          .filter(p => p.containerName === container.name)
          .map(p => ({ bindIP: '0.0.0.0', containerPort: p.containerPort, hostPort: p.hostPort, protocol: p.protocol })),
        networkInterfaces: [],
        healthStatus: 'UNKNOWN',
        cpu: String(container.cpu ?? 0),
        memory: container.memory !== undefined ? String(container.memory) : undefined,
        memoryReservation: container.memoryReservation !== undefined ? String(container.memoryReservation) : undefined,
        gpuIds: index === 0 || container.resourceRequirements?.some(r => r.type === 'GPU') ? task.gpuIds : [],
      };
    }),
    cpu: String(td.needs.cpu),
    createdAt: seconds(task.createdAt),
    desiredStatus: task.desiredStatus,
    enableExecuteCommand: false,
    group: task.group,
    healthStatus: 'UNKNOWN',
    lastStatus: task.lastStatus,
    launchType: task.capacityProviderName ? undefined : 'EC2',
    memory: String(td.needs.memory),
    overrides: { containerOverrides: td.containers.map(c => ({ name: c.name })), inferenceAcceleratorOverrides: [] },
    pullStartedAt: seconds(task.createdAt + 1000),
    pullStoppedAt: task.startedAt !== undefined ? seconds(task.startedAt - 1000) : undefined,
    startedAt: seconds(task.startedAt),
    startedBy: task.startedBy,
    stopCode: task.stopCode,
    stoppedAt: seconds(task.stoppedAt),
    stoppedReason: task.stoppedReason,
    stoppingAt: seconds(task.stoppingAt),
    executionStoppedAt: seconds(task.stoppedAt),
    tags: include.includes('TAGS') ? tagList(task.tags) : [],
    taskArn: task.arn,
    taskDefinitionArn: td.arn,
    version: task.version,
  };
}

export function taskDefinitionShape(td: TaskDefinitionRecord) {
  return {
    taskDefinitionArn: td.arn,
    containerDefinitions: td.containers.map(c => ({
      ...c,
      portMappings: c.portMappings ?? [],
      essential: c.essential ?? true,
      environment: [],
      mountPoints: [],
      volumesFrom: [],
    })),
    family: td.family,
    networkMode: td.networkMode,
    revision: td.revision,
    volumes: [],
    status: td.status,
    requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.docker-remote-api.1.18' }],
    placementConstraints: [],
    compatibilities: ['EXTERNAL', 'EC2'],
    requiresCompatibilities: td.requiresCompatibilities,
    cpu: td.cpu,
    memory: td.memory,
    registeredAt: seconds(td.registeredAt),
    registeredBy: 'arn:aws:iam::123456789012:role/simulator',
  };
}

function deploymentShape(service: ServiceRecord, deployment: DeploymentRecord) {
  let running = 0;
  let pending = 0;
  for (const task of service.tasks) {
    if (task.deploymentId !== deployment.id) continue;
    if (task.lastStatus === 'RUNNING') running++;
    else pending++;
  }
  const usesProviders = service.capacityProviderStrategy.length > 0;
  return {
    id: deployment.id,
    status: deployment.status,
    taskDefinition: deployment.revision.taskDefinition.arn,
    desiredCount: deployment.status === 'PRIMARY' ? deployment.desiredCount : 0,
    pendingCount: pending,
    runningCount: running,
    failedTasks: deployment.failedTasks,
    createdAt: seconds(deployment.createdAt),
    updatedAt: seconds(deployment.updatedAt),
    capacityProviderStrategy: usesProviders ? service.capacityProviderStrategy : undefined,
    launchType: usesProviders ? undefined : 'EC2',
    rolloutState: deployment.rolloutState,
    rolloutStateReason: deployment.rolloutStateReason,
  };
}

export function serviceShape(service: ServiceRecord, cluster: ClusterRecord, include: string[]) {
  let running = 0;
  let pending = 0;
  for (const task of service.tasks) {
    if (task.lastStatus === 'RUNNING') running++;
    else pending++;
  }
  const primary = service.deployments[0];
  const usesProviders = service.capacityProviderStrategy.length > 0;
  return {
    serviceArn: service.arn,
    serviceName: service.name,
    clusterArn: cluster.arn,
    loadBalancers: [],
    serviceRegistries: [],
    status: service.status,
    desiredCount: service.desiredCount,
    runningCount: running,
    pendingCount: pending,
    launchType: usesProviders ? undefined : 'EC2',
    capacityProviderStrategy: usesProviders ? service.capacityProviderStrategy : undefined,
    taskDefinition: primary?.revision.taskDefinition.arn,
    deploymentConfiguration: {
      deploymentCircuitBreaker: service.circuitBreaker,
      maximumPercent: service.maximumPercent,
      minimumHealthyPercent: service.minimumHealthyPercent,
      strategy: 'ROLLING',
    },
    deployments: service.deployments.map(d => deploymentShape(service, d)),
    roleArn: `arn:aws:iam::${cluster.account}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS`,
    events: service.events.map(e => ({ id: e.id, createdAt: seconds(e.createdAt), message: e.message })),
    createdAt: seconds(service.createdAt),
    currentServiceDeployment: service.serviceDeployments[0]?.arn,
    currentServiceRevisions: primary
      ? service.deployments.map(d => ({
          arn: d.revision.arn,
          requestedTaskCount: d.status === 'PRIMARY' ? d.desiredCount : 0,
          runningTaskCount: [...service.tasks].filter(t => t.deploymentId === d.id && t.lastStatus === 'RUNNING').length,
          pendingTaskCount: [...service.tasks].filter(t => t.deploymentId === d.id && t.lastStatus === 'PENDING').length,
        }))
      : [],
    placementConstraints: service.placementConstraints,
    placementStrategy: service.placementStrategy,
    schedulingStrategy: 'REPLICA',
    deploymentController: { type: 'ECS' },
    tags: include.includes('TAGS') ? tagList(service.tags) : [],
    createdBy: `arn:aws:iam::${cluster.account}:role/simulator`,
    enableECSManagedTags: false,
    propagateTags: 'NONE',
    enableExecuteCommand: false,
    availabilityZoneRebalancing: 'DISABLED',
  };
}

export function serviceDeploymentBriefShape(service: ServiceRecord, cluster: ClusterRecord, sd: ServiceDeploymentRecord) {
  return {
    serviceDeploymentArn: sd.arn,
    serviceArn: service.arn,
    clusterArn: cluster.arn,
    startedAt: seconds(sd.startedAt),
    createdAt: seconds(sd.createdAt),
    finishedAt: seconds(sd.finishedAt),
    targetServiceRevisionArn: sd.targetRevision.arn,
    status: sd.status,
    statusReason: sd.statusReason,
  };
}

export function serviceDeploymentShape(service: ServiceRecord, cluster: ClusterRecord, sd: ServiceDeploymentRecord) {
  const countsFor = (revisionArn: string) => {
    let running = 0;
    let pending = 0;
    for (const task of service.tasks) {
      const deployment = service.deployments.find(d => d.id === task.deploymentId);
      if (deployment?.revision.arn !== revisionArn) continue;
      if (task.lastStatus === 'RUNNING') running++;
      else pending++;
    }
    return { runningTaskCount: running, pendingTaskCount: pending };
  };
  const finished = sd.finishedAt !== undefined;
  return {
    serviceDeploymentArn: sd.arn,
    serviceArn: service.arn,
    clusterArn: cluster.arn,
    createdAt: seconds(sd.createdAt),
    startedAt: seconds(sd.startedAt),
    finishedAt: seconds(sd.finishedAt),
    updatedAt: seconds(sd.updatedAt),
    sourceServiceRevisions: sd.sourceRevisions.map(r => ({
      arn: r.arn,
      requestedTaskCount: 0,
      ...(finished ? { runningTaskCount: 0, pendingTaskCount: 0 } : countsFor(r.arn)),
    })),
    targetServiceRevision: {
      arn: sd.targetRevision.arn,
      requestedTaskCount: service.desiredCount,
      ...(finished && sd.status !== 'SUCCESSFUL' ? { runningTaskCount: 0, pendingTaskCount: 0 } : countsFor(sd.targetRevision.arn)),
    },
    status: sd.status,
    statusReason: sd.statusReason,
    lifecycleStage: finished ? undefined : 'BAKE_TIME',
    deploymentConfiguration: {
      deploymentCircuitBreaker: service.circuitBreaker,
      maximumPercent: sd.maximumPercent,
      minimumHealthyPercent: sd.minimumHealthyPercent,
      strategy: 'ROLLING',
    },
    rollback: sd.rollback
      ? { reason: sd.rollback.reason, startedAt: seconds(sd.rollback.startedAt), serviceRevisionArn: sd.rollback.revision.arn }
      : undefined,
    deploymentCircuitBreaker: {
      status: sd.circuitBreakerStatus,
      failureCount: sd.failureCount,
      threshold: sd.threshold,
    },
  };
}

/**
 * Finds a service revision by ARN among the revisions the service's deployments
 * and deployment history refer to.
 */
export function findServiceRevision(service: ServiceRecord, arn: string): ServiceRevisionRecord | undefined {
  for (const sd of service.serviceDeployments) {
    const candidates = [sd.targetRevision, ...sd.sourceRevisions, ...(sd.rollback ? [sd.rollback.revision] : [])];
    const found = candidates.find(revision => revision.arn === arn);
    if (found) return found;
  }
  return service.deployments.find(d => d.revision.arn === arn)?.revision;
}

export function serviceRevisionShape(service: ServiceRecord, cluster: ClusterRecord, revision: ServiceRevisionRecord) {
  return {
    serviceRevisionArn: revision.arn,
    serviceArn: service.arn,
    clusterArn: cluster.arn,
    taskDefinition: revision.taskDefinition.arn,
    capacityProviderStrategy: service.capacityProviderStrategy.map(item => ({
      capacityProvider: item.capacityProvider,
      weight: item.weight,
      base: item.base,
    })),
    containerImages: revision.taskDefinition.containers.map(container => ({
      containerName: container.name,
      image: container.image,
    })),
    guardDutyEnabled: false,
    createdAt: seconds(revision.createdAt),
  };
}
