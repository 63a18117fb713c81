import type { ScenarioTaskBehaviour } from '../scenario/types';

/** An ECS container definition as the API returns it. */
export interface ContainerDefinitionRecord {
  name: string;
  image: string;
  cpu?: number;
  memory?: number;
  memoryReservation?: number;
  essential?: boolean;
  portMappings?: Array<{ containerPort: number; hostPort?: number; protocol?: string }>;
  resourceRequirements?: Array<{ type: string; value: string }>;
  [key: string]: unknown;
}

/** What a task of a task definition reserves on a container instance. */
export interface TaskNeeds {
  cpu: number;
  memory: number;
  gpus: number;
  /** Fixed host ports as `<protocol>/<port>`; bridge mappings without a host port get a dynamic one. */
  fixedPorts: string[];
  dynamicPorts: number;
}

export interface TaskDefinitionRecord {
  arn: string;
  family: string;
  revision: number;
  networkMode: string;
  cpu?: string;
  memory?: string;
  containers: ContainerDefinitionRecord[];
  requiresCompatibilities: string[];
  status: 'ACTIVE' | 'INACTIVE';
  registeredAt: number;
  behaviour: ScenarioTaskBehaviour;
  needs: TaskNeeds;
  tags: Record<string, string>;
}

export interface ContainerInstanceRecord {
  id: string;
  arn: string;
  ec2InstanceId: string;
  clusterName: string;
  capacityProviderName?: string;
  autoScalingGroupName?: string;
  instanceType: string;
  availabilityZone: string;
  spot: boolean;
  status: 'ACTIVE' | 'DRAINING';
  statusReason?: string;
  registeredAt: number;
  cpu: number;
  memory: number;
  gpuIds: string[];
  usedCpu: number;
  usedMemory: number;
  usedGpuIds: Set<string>;
  usedPorts: Set<string>;
  /** Tasks not yet STOPPED on this instance. */
  tasks: Set<TaskRecord>;
  /** When a draining Spot instance is terminated. */
  terminateAt?: number;
  version: number;
  /** Position in the cluster, used to break placement ties the same way every run. */
  order: number;
}

export type TaskStatus = 'PENDING' | 'RUNNING' | 'STOPPED';

export interface TaskRecord {
  id: string;
  arn: string;
  clusterName: string;
  serviceName?: string;
  deploymentId?: string;
  taskDefinition: TaskDefinitionRecord;
  instance: ContainerInstanceRecord;
  capacityProviderName?: string;
  lastStatus: TaskStatus;
  desiredStatus: 'RUNNING' | 'STOPPED';
  createdAt: number;
  startedAt?: number;
  stoppingAt?: number;
  stoppedAt?: number;
  stoppedReason?: string;
  stopCode?: string;
  exitCode?: number;
  containerReason?: string;
  gpuIds: string[];
  hostPorts: Array<{ containerName: string; containerPort: number; hostPort: number; protocol: string }>;
  containerIds: string[];
  startedBy?: string;
  group: string;
  version: number;
  /** Scheduled transitions, in simulated epoch milliseconds. */
  runningAt?: number;
  failAt?: number;
  tags: Record<string, string>;
}

export type RolloutState = 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';

export interface ServiceRevisionRecord {
  arn: string;
  taskDefinition: TaskDefinitionRecord;
  createdAt: number;
}

export interface ServiceDeploymentRecord {
  arn: string;
  createdAt: number;
  startedAt: number;
  updatedAt: number;
  finishedAt?: number;
  sourceRevisions: ServiceRevisionRecord[];
  targetRevision: ServiceRevisionRecord;
  status:
    | 'PENDING'
    | 'SUCCESSFUL'
    | 'STOPPED'
    | 'IN_PROGRESS'
    | 'ROLLBACK_IN_PROGRESS'
    | 'ROLLBACK_SUCCESSFUL'
    | 'ROLLBACK_FAILED';
  statusReason?: string;
  rollback?: { reason: string; startedAt: number; revision: ServiceRevisionRecord };
  circuitBreakerStatus: 'TRIGGERED' | 'MONITORING' | 'MONITORING_COMPLETE' | 'DISABLED';
  failureCount: number;
  threshold: number;
  maximumPercent: number;
  minimumHealthyPercent: number;
}

export interface DeploymentRecord {
  id: string;
  status: 'PRIMARY' | 'ACTIVE';
  revision: ServiceRevisionRecord;
  desiredCount: number;
  failedTasks: number;
  createdAt: number;
  updatedAt: number;
  rolloutState: RolloutState;
  rolloutStateReason: string;
  serviceDeployment: ServiceDeploymentRecord;
  /** Set on a deployment that rolls a failed one back. */
  rollbackOf?: DeploymentRecord;
}

export interface PlacementStrategyItem {
  type: 'binpack' | 'spread' | 'random';
  field?: string;
}

export interface PlacementConstraintItem {
  type: 'distinctInstance' | 'memberOf';
  expression?: string;
}

export interface StrategyItem {
  capacityProvider: string;
  weight: number;
  base: number;
}

export interface ServiceRecord {
  name: string;
  arn: string;
  clusterName: string;
  desiredCount: number;
  capacityProviderStrategy: StrategyItem[];
  placementStrategy: PlacementStrategyItem[];
  placementConstraints: PlacementConstraintItem[];
  maximumPercent: number;
  minimumHealthyPercent: number;
  circuitBreaker: { enable: boolean; rollback: boolean };
  deployments: DeploymentRecord[];
  serviceDeployments: ServiceDeploymentRecord[];
  events: Array<{ id: string; createdAt: number; message: string }>;
  createdAt: number;
  load: { cpu: number; memory: number };
  tags: Record<string, string>;
  /** Tasks not yet STOPPED. */
  tasks: Set<TaskRecord>;
  /** The revision of the last deployment that completed, the rollback target. */
  stableRevision?: ServiceRevisionRecord;
  steadySince?: number;
  lastPlacementFailure?: { message: string; at: number };
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE';
}

export interface CapacityProviderRecord {
  name: string;
  arn: string;
  autoScalingGroupName: string;
  managedScaling: boolean;
  targetCapacity: number;
  managedTerminationProtection: boolean;
  managedDraining: boolean;
  spotInterruptionMinutes?: number;
  createdAt: number;
  tags: Record<string, string>;
}

export interface AutoScalingGroupRecord {
  name: string;
  arn: string;
  minSize: number;
  maxSize: number;
  desiredCapacity: number;
  availabilityZones: string[];
  instanceTypes: string[];
  /** Whether the group launches any Spot capacity. */
  spot: boolean;
  /** Instances filled with On-Demand first, then the On-Demand share above them in percent. */
  onDemandBaseCapacity: number;
  onDemandPercentageAboveBaseCapacity: number;
  launchTemplateName: string;
  launchTemplateId: string;
  createdAt: number;
  protectedFromScaleIn: boolean;
  clusterName?: string;
  capacityProviderName?: string;
  tags: Record<string, string>;
  /** Instances that are launching and register with the cluster at `registerAt`. */
  launching: Array<{ ec2InstanceId: string; instanceType: string; availabilityZone: string; registerAt: number }>;
}

export interface ClusterRecord {
  name: string;
  arn: string;
  account: string;
  region: string;
  status: 'ACTIVE';
  /** Whether service, task and container instance ARNs carry the cluster name. */
  longArnFormat: boolean;
  containerInsights: boolean;
  capacityProviders: string[];
  defaultCapacityProviderStrategy: StrategyItem[];
  tags: Record<string, string>;
  services: Map<string, ServiceRecord>;
  /** Every task the cluster still lists, in the order ECS created them. */
  tasks: Map<string, TaskRecord>;
  instances: Map<string, ContainerInstanceRecord>;
  /** Tasks with a scheduled transition (start or failure). */
  transitioning: Set<TaskRecord>;
  /** Stopped tasks, oldest first, so expired ones are removed from the front. */
  stoppedQueue: TaskRecord[];
  nextInstanceOrder: number;
  createdAt: number;
}

/** Resources of one account in one region. */
export interface RegionRecord {
  account: string;
  region: string;
  clusters: Map<string, ClusterRecord>;
  taskDefinitions: Map<string, TaskDefinitionRecord[]>;
  capacityProviders: Map<string, CapacityProviderRecord>;
  autoScalingGroups: Map<string, AutoScalingGroupRecord>;
}
