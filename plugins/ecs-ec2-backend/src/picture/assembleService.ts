import {
  ContainerInstance,
  Failure,
  Service,
  Task,
  TaskDefinition,
} from '@aws-sdk/client-ecs';
import {
  EcsDeploymentView,
  EcsServiceView,
  EcsWarning,
} from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import {
  autoScalingGroupOf,
  FetchedCapacityProviders,
  mapCapacityProvider,
  purchaseOptionOfGroup,
} from './fetchCapacityProviders';
import { DeploymentHistoryEntry } from './fetchDeploymentHistory';
import {
  INSTANCE_METRIC_PERIOD_SECONDS,
  METRIC_PERIOD_SECONDS,
} from './MetricCollector';
import {
  consoleUrl,
  mapContainerInstance,
  mapDeployment,
  mapEvents,
  mapLaunchSettings,
  mapTask,
  taskSizeOf,
} from './mapEcs';
import {
  familyFromTaskDefinitionArn,
  revisionFromTaskDefinitionArn,
  ServiceTarget,
} from './serviceTargets';

/** Stopped tasks older than this are left out; ECS itself keeps them about an hour. */
const STOPPED_TASK_WINDOW_MS = 60 * 60 * 1000;

export interface ServiceInputs {
  target: ServiceTarget;
  service: Service;
  tasks: Task[];
  taskFailures: Failure[];
  instances: ContainerInstance[];
  capacityProviders: FetchedCapacityProviders;
  history: DeploymentHistoryEntry[];
  taskDefinitions: Map<string, TaskDefinition>;
  now: Date;
}

/** A service view still waiting for its metrics. */
export interface ServiceDraft {
  view: EcsServiceView;
  warnings: EcsWarning[];
}

const ROLLED_BACK = /^ROLLBACK_/;

/**
 * Marks deployments the circuit breaker rolled back as FAILED. ECS may already
 * report the rollback deployment as COMPLETED, and the failed deployment can be
 * gone from DescribeServices. The deployment history records the failure, so a
 * rolled-back deployment never reads as a success.
 */
function applyHistory(
  deployments: EcsDeploymentView[],
  history: DeploymentHistoryEntry[],
): EcsDeploymentView[] {
  const result = [...deployments];
  for (const entry of history) {
    const match = result.find(
      deployment =>
        entry.targetTaskDefinitionArn &&
        deployment.taskDefinitionArn === entry.targetTaskDefinitionArn &&
        !deployment.history,
    );
    const failed = ROLLED_BACK.test(entry.outcome.status);
    if (match) {
      match.history = entry.outcome;
      match.failedTasks = Math.max(match.failedTasks, entry.failedTasks ?? 0);
      if (failed) {
        match.rolloutState = 'FAILED';
        match.rolloutStateReason =
          match.rolloutStateReason ?? entry.outcome.statusReason;
      }
    }
  }

  // The newest rolled-back deployment stays visible even when ECS no longer lists it.
  const newest = history.find(entry => ROLLED_BACK.test(entry.outcome.status));
  if (newest && !result.some(deployment => deployment.history === newest.outcome)) {
    result.push({
      id: newest.outcome.serviceDeploymentArn.split('/').pop() ?? '',
      status: 'INACTIVE',
      rolloutState: 'FAILED',
      rolloutStateReason: newest.outcome.statusReason,
      taskDefinitionArn: newest.targetTaskDefinitionArn ?? '',
      taskDefinitionRevision: newest.outcome.targetTaskDefinitionRevision,
      desiredCount: 0,
      runningCount: 0,
      pendingCount: 0,
      failedTasks: newest.failedTasks ?? 0,
      createdAt: newest.outcome.startedAt,
      updatedAt: newest.outcome.finishedAt,
      history: newest.outcome,
    });
  }
  return result;
}

export function assembleService(inputs: ServiceInputs): ServiceDraft {
  const { target, service, now } = inputs;
  const warnings: EcsWarning[] = [];

  const instancesByArn = new Map(
    inputs.instances.map(instance => [
      instance.containerInstanceArn ?? '',
      mapContainerInstance(
        instance,
        purchaseOptionOfGroup(
          autoScalingGroupOf(inputs.capacityProviders, instance.capacityProviderName),
        ),
      ),
    ]),
  );

  const stoppedSince = now.getTime() - STOPPED_TASK_WINDOW_MS;
  const tasks = inputs.tasks
    .filter(
      task =>
        task.lastStatus !== 'STOPPED' ||
        !task.stoppedAt ||
        new Date(task.stoppedAt).getTime() >= stoppedSince,
    )
    .map(task => mapTask(task, instancesByArn.get(task.containerInstanceArn ?? '')))
    .sort((a, b) => {
      const aStopped = a.lastStatus === 'STOPPED' ? 1 : 0;
      const bStopped = b.lastStatus === 'STOPPED' ? 1 : 0;
      if (aStopped !== bStopped) return aStopped - bStopped;
      // ISO timestamps of one format sort as plain strings, newest first.
      const aTime = a.stoppedAt ?? a.createdAt ?? '';
      const bTime = b.stoppedAt ?? b.createdAt ?? '';
      if (aTime === bTime) return 0;
      return aTime < bTime ? 1 : -1;
    });

  if (inputs.taskFailures.length > 0) {
    warnings.push({
      code: 'MISSING',
      part: `Tasks of service ${target.serviceName}`,
      message: `${inputs.taskFailures.length} tasks of service ${target.serviceName} were listed but AWS reported them as missing when described, usually because they stopped and expired meanwhile. Reload to see the current tasks.`,
      serviceArn: target.serviceArn,
    });
  }

  // The service's capacity providers: those of its strategy and those its tasks run on.
  const activeTasks = tasks.filter(task => task.lastStatus !== 'STOPPED');
  const providerNames = new Set<string>([
    ...(service.capacityProviderStrategy ?? []).map(item => item.capacityProvider ?? ''),
    ...activeTasks.map(task => task.capacityProviderName ?? ''),
  ]);
  providerNames.delete('');
  const taskInstanceArns = new Set(activeTasks.map(task => task.containerInstanceArn));
  const containerInstances = [...instancesByArn.values()].filter(
    instance =>
      taskInstanceArns.has(instance.containerInstanceArn) ||
      (instance.capacityProviderName !== undefined &&
        providerNames.has(instance.capacityProviderName)),
  );

  const primary =
    service.deployments?.find(deployment => deployment.status === 'PRIMARY');
  const taskDefinitionArn = primary?.taskDefinition ?? service.taskDefinition ?? '';
  const taskDefinition = inputs.taskDefinitions.get(taskDefinitionArn);

  const deployments = applyHistory(
    (service.deployments ?? [])
      .filter(d => d.status !== 'INACTIVE' || d.rolloutState === 'FAILED')
      .map(mapDeployment),
    inputs.history,
  );

  const configuration = service.deploymentConfiguration;
  const view: EcsServiceView = {
    serviceArn: service.serviceArn ?? target.serviceArn,
    serviceName: service.serviceName ?? target.serviceName,
    clusterArn: service.clusterArn ?? '',
    clusterName: target.clusterName,
    accountId: target.accountId,
    region: target.region,
    status: service.status ?? 'UNKNOWN',
    desiredCount: service.desiredCount ?? 0,
    runningCount: service.runningCount ?? 0,
    pendingCount: service.pendingCount ?? 0,
    taskDefinitionArn,
    taskDefinitionFamily: familyFromTaskDefinitionArn(taskDefinitionArn),
    taskDefinitionRevision: revisionFromTaskDefinitionArn(taskDefinitionArn),
    taskSize: taskSizeOf(taskDefinition),
    launch: mapLaunchSettings(service, taskDefinition),
    deploymentConfiguration: {
      minimumHealthyPercent: configuration?.minimumHealthyPercent,
      maximumPercent: configuration?.maximumPercent,
      circuitBreaker: {
        enable: configuration?.deploymentCircuitBreaker?.enable ?? false,
        rollback: configuration?.deploymentCircuitBreaker?.rollback ?? false,
      },
    },
    deployments,
    events: mapEvents(service),
    tasks,
    containerInstances,
    capacityProviders: [...providerNames]
      .sort()
      .map(name => mapCapacityProvider(name, inputs.capacityProviders, inputs.instances)),
    metrics: {
      service: { cpu: [], memory: [] },
      periodSeconds: METRIC_PERIOD_SECONDS,
      instancePeriodSeconds: INSTANCE_METRIC_PERIOD_SECONDS,
    },
    consoleUrl: consoleUrl(target.region, target.clusterName, target.serviceName),
  };

  return { view, warnings };
}
