import {
  EcsDeploymentView,
  EcsServiceView,
} from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';

/** Outcome of the latest rollout of a service, as the tab reports it. */
export interface RolloutVerdict {
  state: 'COMPLETED' | 'IN_PROGRESS' | 'FAILED';
  /** Task definition revision the rollout deployed. */
  revision: number;
  reason?: string;
  failedTasks: number;
  /** Revision the circuit breaker rolled back to, when it rolled back. */
  rolledBackToRevision?: number;
  /** Status from the service deployment history, for example ROLLBACK_SUCCESSFUL. */
  historyStatus?: string;
  /** Share of the desired tasks of the PRIMARY deployment that run, from 0 to 1. */
  progress: number;
}

function isRolledBack(deployment: EcsDeploymentView): boolean {
  const history = deployment.history;
  return Boolean(
    history &&
      (history.status.startsWith('ROLLBACK') ||
        history.rolledBackToRevision !== undefined),
  );
}

function progressOf(deployment?: EcsDeploymentView): number {
  if (!deployment) {
    return 0;
  }
  if (deployment.desiredCount === 0) {
    return 1;
  }
  return Math.min(1, deployment.runningCount / deployment.desiredCount);
}

/**
 * Decides the rollout outcome of a service. A deployment that failed or that the
 * circuit breaker rolled back wins over the PRIMARY deployment, because after a
 * rollback the PRIMARY deployment runs the old revision and reports COMPLETED,
 * which would otherwise read as a successful rollout.
 */
export function decideRollout(service: EcsServiceView): RolloutVerdict {
  const primary =
    service.deployments.find(d => d.status === 'PRIMARY') ??
    service.deployments[0];

  const failed =
    service.deployments.find(d => d.rolloutState === 'FAILED') ??
    service.deployments.find(isRolledBack);

  if (failed) {
    const history = failed.history;
    const failedRevision =
      history?.targetTaskDefinitionRevision ?? failed.taskDefinitionRevision;

    // Without a history entry, a PRIMARY deployment on another revision is
    // where ECS went back to.
    const fallbackRevision =
      primary && primary !== failed && failed.status !== 'PRIMARY'
        ? primary.taskDefinitionRevision
        : undefined;
    const rolledBackToRevision =
      history?.rolledBackToRevision ??
      (service.deploymentConfiguration.circuitBreaker.rollback
        ? fallbackRevision
        : undefined);

    return {
      state: 'FAILED',
      revision: failedRevision,
      // A deployment marked FAILED by ECS carries the reason itself; one found
      // through the history may report "completed" for its own rollout.
      reason:
        failed.rolloutState === 'FAILED'
          ? failed.rolloutStateReason ?? history?.statusReason
          : history?.statusReason ?? failed.rolloutStateReason,
      failedTasks: failed.failedTasks,
      rolledBackToRevision,
      historyStatus: history?.status,
      progress: progressOf(primary),
    };
  }

  if (!primary) {
    return {
      state: 'COMPLETED',
      revision: service.taskDefinitionRevision,
      failedTasks: 0,
      progress: 1,
    };
  }

  const settled =
    service.deployments.length === 1 &&
    primary.runningCount >= primary.desiredCount &&
    primary.pendingCount === 0;

  return {
    state: primary.rolloutState ?? (settled ? 'COMPLETED' : 'IN_PROGRESS'),
    revision: primary.taskDefinitionRevision,
    reason: primary.rolloutStateReason,
    failedTasks: primary.failedTasks,
    progress: progressOf(primary),
  };
}
