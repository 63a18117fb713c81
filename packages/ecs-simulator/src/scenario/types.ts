/**
 * The scenario format: the accounts, clusters, capacity, task definitions and services the
 * simulator starts with. The same structure is read from YAML (see scenarios/demo.yaml).
 *
 * @public
 */
export interface Scenario {
  /** Accounts and the access key ids that map to them. The first account is the default. */
  accounts?: ScenarioAccount[];
  clusters: ScenarioCluster[];
  /**
   * How far before the start time the simulation begins, in seconds, so deployments that the
   * scenario starts in the past have progressed by the time the first request arrives. Default 0.
   */
  warmUpSeconds?: number;
}

/** @public */
export interface ScenarioAccount {
  id: string;
  /** Access key ids that sign as this account. Unknown keys fall back to the first account. */
  accessKeyIds?: string[];
  /**
   * Whether service, task and container instance ARNs include the cluster name, as the ECS
   * account settings serviceLongArnFormat, taskLongArnFormat and
   * containerInstanceLongArnFormat decide. Default true; false gives the old format.
   */
  longArnFormat?: boolean;
}

/** @public */
export interface ScenarioCluster {
  name: string;
  /** Account id, default the first account. */
  account?: string;
  /** Region, default us-east-1. */
  region?: string;
  containerInsights?: boolean;
  capacityProviders?: ScenarioCapacityProvider[];
  defaultCapacityProviderStrategy?: ScenarioStrategyItem[];
  taskDefinitions?: ScenarioTaskDefinition[];
  services?: ScenarioService[];
  tags?: Record<string, string>;
}

/** An ASG-backed capacity provider with its instances. @public */
export interface ScenarioCapacityProvider {
  name: string;
  /** Auto Scaling group name, default `<cluster>-<pool>-asg` where pool is the provider name without the cluster prefix. */
  autoScalingGroupName?: string;
  minSize?: number;
  maxSize?: number;
  /** Managed scaling target capacity in percent (1-100), default 100. */
  targetCapacity?: number;
  managedScaling?: boolean;
  managedTerminationProtection?: boolean;
  managedDraining?: boolean;
  /** Whether the instances are Spot instances. */
  spot?: boolean;
  /**
   * A mixed instances distribution instead of `spot`: instances filled with On-Demand
   * first, then the On-Demand percentage of the instances above them; the rest are Spot.
   */
  onDemandBaseCapacity?: number;
  onDemandPercentageAboveBaseCapacity?: number;
  /** Mean minutes between Spot interruptions in this pool; unset means no interruptions. */
  spotInterruptionMinutes?: number;
  /** Availability zones the group spans; instances are spread over them in order. */
  availabilityZones?: string[];
  instances: ScenarioInstanceGroup[];
}

/** @public */
export interface ScenarioInstanceGroup {
  /** EC2 instance type, one of the types listed in src/world/instanceTypes.ts. */
  type: string;
  count: number;
  /** Container instance status, default ACTIVE. */
  status?: 'ACTIVE' | 'DRAINING';
}

/** @public */
export interface ScenarioStrategyItem {
  capacityProvider: string;
  weight?: number;
  base?: number;
}

/** @public */
export interface ScenarioTaskDefinition {
  family: string;
  revision: number;
  /** bridge (default), host, awsvpc or none. */
  networkMode?: 'bridge' | 'host' | 'awsvpc' | 'none';
  /** Task-level CPU units and memory MiB, as strings or numbers like ECS accepts. */
  cpu?: string | number;
  memory?: string | number;
  containers: ScenarioContainer[];
  /** Simulated behaviour of tasks from this revision. */
  simulate?: ScenarioTaskBehaviour;
  tags?: Record<string, string>;
}

/** @public */
export interface ScenarioContainer {
  name: string;
  image: string;
  cpu?: number;
  memory?: number;
  memoryReservation?: number;
  essential?: boolean;
  gpus?: number;
  portMappings?: Array<{ containerPort: number; hostPort?: number; protocol?: 'tcp' | 'udp' }>;
}

/** @public */
export interface ScenarioTaskBehaviour {
  /** Seconds from placement to RUNNING, default 10. */
  startSeconds?: number;
  /** When set, the essential container exits with this code `failAfterSeconds` after it starts. */
  exitCode?: number;
  failAfterSeconds?: number;
}

/** @public */
export interface ScenarioService {
  name: string;
  /** `family:revision` of a task definition declared in the cluster. */
  taskDefinition: string;
  desiredCount: number;
  capacityProviderStrategy?: ScenarioStrategyItem[];
  placementStrategy?: Array<{ type: 'binpack' | 'spread' | 'random'; field?: string }>;
  placementConstraints?: Array<{ type: 'distinctInstance' | 'memberOf'; expression?: string }>;
  deploymentConfiguration?: {
    maximumPercent?: number;
    minimumHealthyPercent?: number;
    circuitBreaker?: { enable: boolean; rollback: boolean };
  };
  /** Average CPU and memory utilization of the service's tasks, in percent of their reservation. */
  load?: { cpu?: number; memory?: number };
  /**
   * Deployments to start after the service reached its first steady state, in order. Each
   * moves the service to another task definition revision `startedSecondsAgo` before the start
   * time (or after it, for a negative number).
   */
  deployments?: Array<{ taskDefinition: string; startedSecondsAgo: number }>;
  tags?: Record<string, string>;
}
