/**
 * The response of `GET /api/ecs-ec2/entity/:namespace/:kind/:name`: everything the
 * ECS tab shows for one catalog entity. These are this plugin's own shapes, so the
 * browser never depends on the AWS SDK. Times are ISO 8601 strings, CPU is in CPU
 * units (1024 per vCPU) and memory in MiB, as ECS reports them.
 *
 * @public
 */
export interface EcsEntityPicture {
  /** Reference of the entity, for example `component:default/web-api`. */
  entityRef: string;
  /** Time at which the backend assembled this picture from AWS data. */
  fetchedAt: string;
  services: EcsServiceView[];
  /** Parts that could not be fetched; the rest of the picture is still valid. */
  warnings: EcsWarning[];
}

/** @public */
export type EcsWarningCode =
  | 'THROTTLED'
  | 'ACCESS_DENIED'
  | 'NOT_FOUND'
  | 'MISSING'
  | 'UNAVAILABLE'
  | 'INVALID_ANNOTATION';

/**
 * A part of the picture that could not be fetched.
 *
 * @public
 */
export interface EcsWarning {
  code: EcsWarningCode;
  /** Part missing from the picture, for example "Container instances of cluster demo". */
  part: string;
  /** Cause and next step, without account internals such as role ARNs. */
  message: string;
  /** Service ARN the warning belongs to, when it belongs to one. */
  serviceArn?: string;
}

/** @public */
export interface EcsServiceView {
  serviceArn: string;
  serviceName: string;
  clusterArn: string;
  clusterName: string;
  accountId: string;
  region: string;
  /** ACTIVE, DRAINING or INACTIVE. */
  status: string;
  desiredCount: number;
  runningCount: number;
  pendingCount: number;
  /** Task definition ARN of the PRIMARY deployment. */
  taskDefinitionArn: string;
  /** Family of that task definition. */
  taskDefinitionFamily: string;
  taskDefinitionRevision: number;
  /** CPU and memory one task reserves, summed over its containers when the task has no task-level size. */
  taskSize: EcsTaskSize;
  launch: EcsLaunchSettings;
  deploymentConfiguration: EcsDeploymentConfiguration;
  deployments: EcsDeploymentView[];
  /** Newest first, at most 50. */
  events: EcsServiceEvent[];
  /** Running and pending tasks, then tasks stopped within the last hour. */
  tasks: EcsTaskView[];
  /** Container instances that run at least one of this service's tasks, and every other instance of the capacity providers the service uses. */
  containerInstances: EcsContainerInstanceView[];
  capacityProviders: EcsCapacityProviderView[];
  metrics: EcsServiceMetrics;
  /** Link to the service in the AWS console. */
  consoleUrl: string;
}

/** @public */
export interface EcsTaskSize {
  cpu: number;
  memoryMiB: number;
  gpus: number;
}

/** @public */
export interface EcsCapacityProviderStrategyItem {
  capacityProvider: string;
  weight: number;
  base: number;
}

/** @public */
export interface EcsPlacementStrategy {
  /** binpack, spread or random. */
  type: string;
  field?: string;
}

/** @public */
export interface EcsPlacementConstraint {
  /** distinctInstance or memberOf. */
  type: string;
  expression?: string;
}

/** @public */
export interface EcsLaunchSettings {
  /** EC2 when the service names a launch type instead of a capacity provider strategy. */
  launchType?: string;
  capacityProviderStrategy: EcsCapacityProviderStrategyItem[];
  placementStrategy: EcsPlacementStrategy[];
  placementConstraints: EcsPlacementConstraint[];
  /** awsvpc, bridge, host or none. */
  networkMode?: string;
}

/** @public */
export interface EcsDeploymentConfiguration {
  minimumHealthyPercent?: number;
  maximumPercent?: number;
  circuitBreaker: { enable: boolean; rollback: boolean };
}

/** @public */
export type EcsRolloutState = 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';

/** @public */
export interface EcsDeploymentView {
  id: string;
  /** PRIMARY or ACTIVE; INACTIVE deployments are not listed here. */
  status: string;
  rolloutState?: EcsRolloutState;
  rolloutStateReason?: string;
  taskDefinitionArn: string;
  taskDefinitionRevision: number;
  desiredCount: number;
  runningCount: number;
  pendingCount: number;
  failedTasks: number;
  createdAt?: string;
  updatedAt?: string;
  /**
   * Outcome from the service deployment history: for a deployment the circuit breaker
   * rolled back, `ROLLBACK_SUCCESSFUL` or `ROLLBACK_FAILED` with the revision rolled back to.
   */
  history?: EcsServiceDeploymentOutcome;
}

/**
 * One entry of the service deployment history (ListServiceDeployments and
 * DescribeServiceDeployments), kept for failed and rolled-back deployments.
 *
 * @public
 */
export interface EcsServiceDeploymentOutcome {
  serviceDeploymentArn: string;
  /** For example SUCCESSFUL, ROLLBACK_SUCCESSFUL, ROLLBACK_FAILED, IN_PROGRESS, STOPPED. */
  status: string;
  statusReason?: string;
  targetTaskDefinitionRevision: number;
  /** Revision the circuit breaker rolled back to, when it rolled back. */
  rolledBackToRevision?: number;
  startedAt?: string;
  finishedAt?: string;
}

/** A service event, such as "has reached a steady state". @public */
export interface EcsServiceEvent {
  id: string;
  createdAt: string;
  message: string;
}

/** @public */
export interface EcsContainerView {
  name: string;
  lastStatus?: string;
  exitCode?: number;
  reason?: string;
  healthStatus?: string;
  gpuIds: string[];
}

/** @public */
export interface EcsTaskView {
  taskArn: string;
  /** Task id, the last part of the ARN in both ARN formats. */
  taskId: string;
  lastStatus: string;
  desiredStatus: string;
  /** HEALTHY, UNHEALTHY or UNKNOWN. */
  healthStatus?: string;
  taskDefinitionRevision: number;
  /** Deployment that started the task, from the task's `startedBy`, when it matches one. */
  deploymentId?: string;
  /** Capacity provider that placed the task. */
  capacityProviderName?: string;
  availabilityZone?: string;
  containerInstanceArn?: string;
  ec2InstanceId?: string;
  instanceType?: string;
  /** SPOT or ON_DEMAND, from the container instance's attributes; undefined when unknown. */
  lifecycle?: 'SPOT' | 'ON_DEMAND';
  cpu: number;
  memoryMiB: number;
  /** GPU ids assigned to the task's containers. */
  gpuIds: string[];
  createdAt?: string;
  startedAt?: string;
  stoppedAt?: string;
  stopCode?: string;
  stoppedReason?: string;
  containers: EcsContainerView[];
}

/** Registered or remaining resources of a container instance. @public */
export interface EcsResources {
  cpu: number;
  memoryMiB: number;
  gpus: number;
}

/** @public */
export interface EcsContainerInstanceView {
  containerInstanceArn: string;
  ec2InstanceId: string;
  instanceType?: string;
  availabilityZone?: string;
  /** SPOT or ON_DEMAND, from the Auto Scaling group or an `ecs.instance-lifecycle` attribute; undefined when unknown. */
  lifecycle?: 'SPOT' | 'ON_DEMAND';
  capacityProviderName?: string;
  /** ACTIVE, DRAINING, REGISTERING and the other container instance states. */
  status: string;
  agentConnected: boolean;
  registered: EcsResources;
  remaining: EcsResources;
  runningTasksCount: number;
  pendingTasksCount: number;
  /** CloudWatch utilization of the instance over the last hour, when Container Insights reports it. */
  metrics?: EcsUtilizationSeries;
}

/** @public */
export interface EcsAutoScalingGroupView {
  name: string;
  minSize: number;
  maxSize: number;
  desiredCapacity: number;
  inServiceCount: number;
  spotCount: number;
  onDemandCount: number;
  /**
   * In-service instances whose purchase option is unknown: instances of a group that
   * mixes Spot and On-Demand, without an `ecs.instance-lifecycle` attribute.
   */
  unknownLifecycleCount: number;
  /** Instance types the group can launch, from its launch template or mixed instances policy. */
  instanceTypes: string[];
  /** On-Demand base and percentage above base, when the group has a mixed instances policy. */
  onDemandBaseCapacity?: number;
  onDemandPercentageAboveBaseCapacity?: number;
  spotAllocationStrategy?: string;
}

/** @public */
export interface EcsCapacityProviderView {
  name: string;
  arn?: string;
  status?: string;
  /** ENABLED or DISABLED. */
  managedScalingStatus?: string;
  targetCapacity?: number;
  minimumScalingStepSize?: number;
  maximumScalingStepSize?: number;
  managedTerminationProtection?: string;
  managedDraining?: string;
  autoScalingGroupArn?: string;
  autoScalingGroup?: EcsAutoScalingGroupView;
  /** True when any instance of the group has a GPU. */
  hasGpu: boolean;
  /** CapacityProviderReservation from CloudWatch, the figure managed scaling steers to the target. */
  currentReservation?: number;
}

/** @public */
export interface EcsMetricPoint {
  timestamp: string;
  value: number;
}

/** CPU and memory utilization in percent over the last hour. @public */
export interface EcsUtilizationSeries {
  cpu: EcsMetricPoint[];
  memory: EcsMetricPoint[];
}

/** @public */
export interface EcsServiceMetrics {
  service: EcsUtilizationSeries;
  /** Period of each point of the service's series, in seconds. */
  periodSeconds: number;
  /** Period of each point of an instance's series, in seconds. */
  instancePeriodSeconds: number;
}
