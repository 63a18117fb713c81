import { SeededRandom } from '../random';
import { arns } from './arns';
import { registeredCpuUnits, registeredMemoryMiB, instanceTypeFacts } from './instanceTypes';
import { computeTaskNeeds } from './taskNeeds';
import type {
  AutoScalingGroupRecord,
  CapacityProviderRecord,
  ClusterRecord,
  ContainerDefinitionRecord,
  ContainerInstanceRecord,
  DeploymentRecord,
  PlacementConstraintItem,
  PlacementStrategyItem,
  RegionRecord,
  ServiceRecord,
  ServiceRevisionRecord,
  StrategyItem,
  TaskDefinitionRecord,
} from './types';
import type { ScenarioTaskBehaviour } from '../scenario/types';

/** Simulated time between two scheduler passes. */
export const STEP_MS = 5_000;

/** How long ECS keeps listing a stopped task. */
export const STOPPED_TASK_RETENTION_MS = 60 * 60 * 1000;

/** How long a Spot instance drains between the interruption notice and its termination. */
export const SPOT_NOTICE_MS = 2 * 60 * 1000;

/** How long an instance launched by an Auto Scaling group takes to register with the cluster. */
export const INSTANCE_REGISTRATION_MS = 60 * 1000;

/** ECS keeps the 100 most recent service events. */
const MAX_SERVICE_EVENTS = 100;

export interface RegisterTaskDefinitionInput {
  family: string;
  networkMode?: string;
  cpu?: string;
  memory?: string;
  containers: ContainerDefinitionRecord[];
  requiresCompatibilities?: string[];
  behaviour?: ScenarioTaskBehaviour;
  tags?: Record<string, string>;
  /** Fixed revision number, for scenarios; otherwise the next one. */
  revision?: number;
}

export interface CreateServiceInput {
  name: string;
  taskDefinition: TaskDefinitionRecord;
  desiredCount: number;
  capacityProviderStrategy?: StrategyItem[];
  placementStrategy?: PlacementStrategyItem[];
  placementConstraints?: PlacementConstraintItem[];
  maximumPercent?: number;
  minimumHealthyPercent?: number;
  circuitBreaker?: { enable: boolean; rollback: boolean };
  load?: { cpu?: number; memory?: number };
  tags?: Record<string, string>;
}

/**
 * The simulated state of every account and region, with the operations that create and change
 * it. Time moves only through `advanceTo`, which runs the scheduler in fixed steps so the same
 * scenario and the same clock produce the same state.
 */
export class World {
  readonly regions = new Map<string, RegionRecord>();
  readonly accounts: string[];
  private readonly shortArnAccounts = new Set<string>();
  private readonly accessKeys = new Map<string, string>();
  readonly random: SeededRandom;
  /** Simulated time the world has been stepped to, in epoch milliseconds. */
  time: number;
  /** Changes a scenario schedules for later, such as a deployment, run when time reaches `at`. */
  readonly scheduled: Array<{ at: number; run: () => void }> = [];

  constructor(options: {
    accounts: Array<{ id: string; accessKeyIds?: string[]; longArnFormat?: boolean }>;
    startTime: number;
    seed: string;
  }) {
    this.accounts = options.accounts.map(a => a.id);
    for (const account of options.accounts) {
      if (account.longArnFormat === false) {
        this.shortArnAccounts.add(account.id);
      }
      for (const key of account.accessKeyIds ?? []) {
        this.accessKeys.set(key, account.id);
      }
    }
    this.time = options.startTime;
    this.random = new SeededRandom(options.seed);
  }

  get defaultAccount(): string {
    return this.accounts[0];
  }

  /** Maps an access key id to its account; unknown keys belong to the default account. */
  accountForAccessKey(accessKeyId: string | undefined): string {
    return (accessKeyId && this.accessKeys.get(accessKeyId)) || this.defaultAccount;
  }

  region(account: string, region: string): RegionRecord {
    const key = `${account}/${region}`;
    let record = this.regions.get(key);
    if (!record) {
      record = {
        account,
        region,
        clusters: new Map(),
        taskDefinitions: new Map(),
        capacityProviders: new Map(),
        autoScalingGroups: new Map(),
      };
      this.regions.set(key, record);
    }
    return record;
  }

  // Identifiers come from the seeded generator so a scenario replays with the same ids.

  newHexId(): string {
    return this.random.hex(32);
  }

  newEc2InstanceId(): string {
    return `i-${this.random.hex(17)}`;
  }

  newUuid(): string {
    const h = this.random.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
  }

  newNumericId(length: number): string {
    let id = String(1 + this.random.int(9));
    while (id.length < length) {
      id += String(this.random.int(10));
    }
    return id;
  }

  registerTaskDefinition(region: RegionRecord, input: RegisterTaskDefinitionInput): TaskDefinitionRecord {
    const revisions = region.taskDefinitions.get(input.family) ?? [];
    const revision = input.revision ?? (revisions.length ? revisions[revisions.length - 1].revision + 1 : 1);
    if (revisions.some(r => r.revision === revision)) {
      throw new Error(`Task definition ${input.family}:${revision} is declared twice`);
    }
    const networkMode = input.networkMode ?? 'bridge';
    const record: TaskDefinitionRecord = {
      arn: arns.taskDefinition(region.region, region.account, input.family, revision),
      family: input.family,
      revision,
      networkMode,
      cpu: input.cpu,
      memory: input.memory,
      containers: input.containers,
      requiresCompatibilities: input.requiresCompatibilities ?? ['EC2'],
      status: 'ACTIVE',
      registeredAt: this.time,
      behaviour: input.behaviour ?? {},
      needs: computeTaskNeeds(networkMode, input.containers, input.cpu, input.memory),
      tags: input.tags ?? {},
    };
    revisions.push(record);
    revisions.sort((a, b) => a.revision - b.revision);
    region.taskDefinitions.set(input.family, revisions);
    return record;
  }

  /** Finds a task definition by `family`, `family:revision` or ARN; a bare family means its latest ACTIVE revision. */
  findTaskDefinition(region: RegionRecord, reference: string): TaskDefinitionRecord | undefined {
    const name = reference.startsWith('arn:') ? reference.split('task-definition/')[1] ?? '' : reference;
    const [family, revisionText] = name.split(':');
    const revisions = region.taskDefinitions.get(family) ?? [];
    if (revisionText === undefined) {
      return [...revisions].reverse().find(r => r.status === 'ACTIVE');
    }
    return revisions.find(r => r.revision === Number(revisionText));
  }

  createCluster(
    region: RegionRecord,
    input: { name: string; containerInsights?: boolean; tags?: Record<string, string> },
  ): ClusterRecord {
    const existing = region.clusters.get(input.name);
    if (existing) {
      return existing;
    }
    const cluster: ClusterRecord = {
      name: input.name,
      arn: arns.cluster(region.region, region.account, input.name),
      account: region.account,
      region: region.region,
      status: 'ACTIVE',
      longArnFormat: !this.shortArnAccounts.has(region.account),
      containerInsights: input.containerInsights ?? false,
      capacityProviders: [],
      defaultCapacityProviderStrategy: [],
      tags: input.tags ?? {},
      services: new Map(),
      tasks: new Map(),
      instances: new Map(),
      transitioning: new Set(),
      stoppedQueue: [],
      nextInstanceOrder: 0,
      createdAt: this.time,
    };
    region.clusters.set(input.name, cluster);
    return cluster;
  }

  createAutoScalingGroup(
    region: RegionRecord,
    input: {
      name: string;
      minSize: number;
      maxSize: number;
      availabilityZones: string[];
      instanceTypes: string[];
      spot: boolean;
      /** The mixed instances distribution; without it the group is all Spot or all On-Demand. */
      onDemandBaseCapacity?: number;
      onDemandPercentageAboveBaseCapacity?: number;
      protectedFromScaleIn?: boolean;
      tags?: Record<string, string>;
    },
  ): AutoScalingGroupRecord {
    const existing = region.autoScalingGroups.get(input.name);
    if (existing) {
      return existing;
    }
    const group: AutoScalingGroupRecord = {
      name: input.name,
      arn: arns.autoScalingGroup(region.region, region.account, this.newUuid(), input.name),
      minSize: input.minSize,
      maxSize: input.maxSize,
      desiredCapacity: 0,
      availabilityZones: input.availabilityZones,
      instanceTypes: input.instanceTypes,
      spot: input.spot,
      onDemandBaseCapacity: input.onDemandBaseCapacity ?? 0,
      onDemandPercentageAboveBaseCapacity:
        input.onDemandPercentageAboveBaseCapacity ?? (input.spot ? 0 : 100),
      launchTemplateName: `${input.name}-lt`,
      launchTemplateId: `lt-${this.random.hex(17)}`,
      createdAt: this.time,
      protectedFromScaleIn: input.protectedFromScaleIn ?? false,
      tags: input.tags ?? {},
      launching: [],
    };
    region.autoScalingGroups.set(input.name, group);
    return group;
  }

  createCapacityProvider(
    region: RegionRecord,
    input: Omit<CapacityProviderRecord, 'arn' | 'createdAt' | 'tags'> & { tags?: Record<string, string> },
  ): CapacityProviderRecord {
    const existing = region.capacityProviders.get(input.name);
    if (existing) {
      return existing;
    }
    const provider: CapacityProviderRecord = {
      ...input,
      arn: arns.capacityProvider(region.region, region.account, input.name),
      createdAt: this.time,
      tags: input.tags ?? {},
    };
    region.capacityProviders.set(input.name, provider);
    return provider;
  }

  /** Associates capacity providers with a cluster and links their Auto Scaling groups to it. */
  putClusterCapacityProviders(
    region: RegionRecord,
    cluster: ClusterRecord,
    providers: string[],
    defaultStrategy: StrategyItem[],
  ): void {
    cluster.capacityProviders = providers;
    cluster.defaultCapacityProviderStrategy = defaultStrategy;
    for (const name of providers) {
      const provider = region.capacityProviders.get(name);
      const group = provider && region.autoScalingGroups.get(provider.autoScalingGroupName);
      if (group) {
        group.clusterName = cluster.name;
        group.capacityProviderName = name;
      }
    }
  }

  /** Registers an EC2 instance of an Auto Scaling group as a container instance. */
  registerInstance(
    cluster: ClusterRecord,
    group: AutoScalingGroupRecord | undefined,
    input: { instanceType: string; availabilityZone: string; ec2InstanceId?: string; spot?: boolean; capacityProviderName?: string },
  ): ContainerInstanceRecord {
    const id = this.newHexId();
    const facts = instanceTypeFacts(input.instanceType);
    const gpuIds: string[] = [];
    for (let i = 0; i < facts.gpus; i++) {
      gpuIds.push(`GPU-${this.newUuid()}`);
    }
    const instance: ContainerInstanceRecord = {
      id,
      arn: arns.containerInstance(cluster.region, cluster.account, cluster.name, id, cluster.longArnFormat),
      ec2InstanceId: input.ec2InstanceId ?? this.newEc2InstanceId(),
      clusterName: cluster.name,
      capacityProviderName: input.capacityProviderName ?? group?.capacityProviderName,
      autoScalingGroupName: group?.name,
      instanceType: input.instanceType,
      availabilityZone: input.availabilityZone,
      spot: input.spot ?? (group ? this.nextInstanceIsSpot(cluster, group) : false),
      status: 'ACTIVE',
      registeredAt: this.time,
      cpu: registeredCpuUnits(input.instanceType),
      memory: registeredMemoryMiB(input.instanceType),
      gpuIds,
      usedCpu: 0,
      usedMemory: 0,
      usedGpuIds: new Set(),
      usedPorts: new Set(),
      tasks: new Set(),
      version: 1,
      order: cluster.nextInstanceOrder++,
    };
    cluster.instances.set(id, instance);
    if (group) {
      group.desiredCapacity++;
    }
    return instance;
  }

  /**
   * Picks the purchase option of a group's next instance so that its instances follow the
   * group's distribution: On-Demand up to the base, then the On-Demand percentage of the
   * instances above the base, rounded up, and Spot for the rest.
   */
  private nextInstanceIsSpot(cluster: ClusterRecord, group: AutoScalingGroupRecord): boolean {
    let total = 0;
    let onDemand = 0;
    for (const instance of cluster.instances.values()) {
      if (instance.autoScalingGroupName !== group.name) continue;
      total++;
      if (!instance.spot) onDemand++;
    }
    if (onDemand < group.onDemandBaseCapacity) {
      return false;
    }
    const above = total + 1 - group.onDemandBaseCapacity;
    const onDemandAboveTarget = Math.ceil((above * group.onDemandPercentageAboveBaseCapacity) / 100);
    return onDemand - group.onDemandBaseCapacity >= onDemandAboveTarget;
  }

  /** Starts an instance in a group; it registers with the group's cluster after a delay. */
  launchInstance(group: AutoScalingGroupRecord, delayMs: number): void {
    const index = group.desiredCapacity + group.launching.length;
    group.launching.push({
      ec2InstanceId: this.newEc2InstanceId(),
      instanceType: group.instanceTypes[index % group.instanceTypes.length],
      availabilityZone: group.availabilityZones[index % group.availabilityZones.length],
      registerAt: this.time + delayMs,
    });
  }

  newRevision(cluster: ClusterRecord, serviceName: string, taskDefinition: TaskDefinitionRecord): ServiceRevisionRecord {
    return {
      arn: arns.serviceRevision(cluster.region, cluster.account, cluster.name, serviceName, this.newNumericId(19)),
      taskDefinition,
      createdAt: this.time,
    };
  }

  createService(cluster: ClusterRecord, input: CreateServiceInput): ServiceRecord {
    const service: ServiceRecord = {
      name: input.name,
      arn: arns.service(cluster.region, cluster.account, cluster.name, input.name, cluster.longArnFormat),
      clusterName: cluster.name,
      desiredCount: input.desiredCount,
      capacityProviderStrategy: input.capacityProviderStrategy ?? cluster.defaultCapacityProviderStrategy,
      placementStrategy: input.placementStrategy ?? [],
      placementConstraints: input.placementConstraints ?? [],
      maximumPercent: input.maximumPercent ?? 200,
      minimumHealthyPercent: input.minimumHealthyPercent ?? 100,
      circuitBreaker: input.circuitBreaker ?? { enable: false, rollback: false },
      deployments: [],
      serviceDeployments: [],
      events: [],
      createdAt: this.time,
      load: { cpu: input.load?.cpu ?? 30, memory: input.load?.memory ?? 50 },
      tags: input.tags ?? {},
      tasks: new Set(),
      status: 'ACTIVE',
    };
    cluster.services.set(input.name, service);
    this.startDeployment(cluster, service, input.taskDefinition);
    return service;
  }

  /**
   * Starts a rolling deployment to a task definition: a new PRIMARY deployment, the previous
   * ones become ACTIVE and are drained by the scheduler.
   */
  startDeployment(
    cluster: ClusterRecord,
    service: ServiceRecord,
    taskDefinition: TaskDefinitionRecord,
    rollbackOf?: DeploymentRecord,
  ): DeploymentRecord {
    for (const deployment of service.deployments) {
      deployment.status = 'ACTIVE';
      deployment.updatedAt = this.time;
    }

    const revision = rollbackOf?.serviceDeployment.rollback?.revision ?? this.newRevision(cluster, service.name, taskDefinition);
    const serviceDeployment =
      rollbackOf?.serviceDeployment ?? this.newServiceDeployment(cluster, service, revision);
    if (!rollbackOf) {
      for (const previous of service.serviceDeployments) {
        if (previous.status === 'IN_PROGRESS' || previous.status === 'PENDING') {
          previous.status = 'STOPPED';
          previous.statusReason = 'Service deployment stopped because a newer deployment started.';
          previous.finishedAt = this.time;
          previous.updatedAt = this.time;
        }
      }
      service.serviceDeployments.unshift(serviceDeployment);
    }

    const deployment: DeploymentRecord = {
      id: `ecs-svc/${this.newNumericId(19)}`,
      status: 'PRIMARY',
      revision,
      desiredCount: service.desiredCount,
      failedTasks: 0,
      createdAt: this.time,
      updatedAt: this.time,
      rolloutState: 'IN_PROGRESS',
      rolloutStateReason: 'ECS deployment ecs-svc in progress.',
      serviceDeployment,
      rollbackOf,
    };
    deployment.rolloutStateReason = `ECS deployment ${deployment.id} in progress.`;
    service.deployments.unshift(deployment);
    service.steadySince = undefined;
    return deployment;
  }

  private newServiceDeployment(
    cluster: ClusterRecord,
    service: ServiceRecord,
    target: ServiceRevisionRecord,
  ) {
    const sources = service.deployments
      .map(d => d.revision)
      .filter((r, i, all) => all.indexOf(r) === i);
    const desired = service.desiredCount;
    return {
      arn: arns.serviceDeployment(cluster.region, cluster.account, cluster.name, service.name, this.newHexId().slice(0, 21)),
      createdAt: this.time,
      startedAt: this.time,
      updatedAt: this.time,
      sourceRevisions: sources,
      targetRevision: target,
      status: 'IN_PROGRESS' as const,
      circuitBreakerStatus: service.circuitBreaker.enable ? ('MONITORING' as const) : ('DISABLED' as const),
      failureCount: 0,
      threshold: circuitBreakerThreshold(desired),
      maximumPercent: service.maximumPercent,
      minimumHealthyPercent: service.minimumHealthyPercent,
    };
  }

  /** Adds a service event, newest first, as DescribeServices returns them. */
  addEvent(service: ServiceRecord, message: string): void {
    service.events.unshift({ id: this.newUuid(), createdAt: this.time, message: `(service ${service.name}) ${message}` });
    if (service.events.length > MAX_SERVICE_EVENTS) {
      service.events.length = MAX_SERVICE_EVENTS;
    }
  }

  /** All clusters in all accounts and regions. */
  *allClusters(): Iterable<{ region: RegionRecord; cluster: ClusterRecord }> {
    for (const region of this.regions.values()) {
      for (const cluster of region.clusters.values()) {
        yield { region, cluster };
      }
    }
  }
}

/**
 * Returns the number of failed tasks that trips the deployment circuit breaker: half the desired
 * count, at least 3 and at most 200, as documented for the ECS deployment circuit breaker.
 */
export function circuitBreakerThreshold(desiredCount: number): number {
  return Math.min(200, Math.max(3, Math.ceil(desiredCount * 0.5)));
}
