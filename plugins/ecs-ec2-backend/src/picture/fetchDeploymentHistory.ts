import {
  DescribeServiceDeploymentsCommand,
  DescribeServiceRevisionsCommand,
  ListServiceDeploymentsCommand,
  ServiceDeployment,
} from '@aws-sdk/client-ecs';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  EcsServiceDeploymentOutcome,
  EcsWarning,
} from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import { AwsAccountRegionClients } from '../aws/AwsClients';
import { warningFromError } from '../aws/awsWarnings';
import { iso } from './mapEcs';
import { revisionFromTaskDefinitionArn, ServiceTarget } from './serviceTargets';

/**
 * Newest service deployments to read. The picture needs the outcome of the current
 * and recent deployments only, not the whole history, so one page is enough.
 */
const RECENT_SERVICE_DEPLOYMENTS = 20;
/** DescribeServiceDeployments and DescribeServiceRevisions take at most 20 ARNs. */
const DESCRIBE_BATCH = 20;

/** Outcomes of failed and rolled-back deployments, with the task definition each targeted. */
export interface DeploymentHistoryEntry {
  targetTaskDefinitionArn?: string;
  /**
   * Tasks of the deployment that failed, as the circuit breaker counted them
   * (`deploymentCircuitBreaker.failureCount`); undefined when the breaker was off.
   */
  failedTasks?: number;
  outcome: EcsServiceDeploymentOutcome;
}

export interface FetchedDeploymentHistory {
  /** Newest first. */
  entries: DeploymentHistoryEntry[];
  warnings: EcsWarning[];
}

function isFailedOrRolledBack(status: string | undefined): boolean {
  return Boolean(status && (status.startsWith('ROLLBACK_') || status === 'STOPPED'));
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/**
 * Reads the service deployment history of one service and describes its failed
 * and rolled-back deployments, so a deployment the circuit breaker rolled back
 * shows as failed with the revision it went back to.
 */
export async function fetchDeploymentHistory(
  clients: AwsAccountRegionClients,
  target: ServiceTarget,
  logger: LoggerService,
): Promise<FetchedDeploymentHistory> {
  const part = `Deployment history of service ${target.serviceName}`;
  try {
    const list = await clients.run(() =>
      clients.ecs.send(
        new ListServiceDeploymentsCommand({
          cluster: target.clusterName,
          service: target.serviceName,
          maxResults: RECENT_SERVICE_DEPLOYMENTS,
        }),
      ),
    );
    const failedArns = (list.serviceDeployments ?? [])
      .filter(brief => isFailedOrRolledBack(brief.status))
      .map(brief => brief.serviceDeploymentArn!)
      .filter(Boolean);
    if (failedArns.length === 0) {
      return { entries: [], warnings: [] };
    }

    const deployments: ServiceDeployment[] = (
      await Promise.all(
        chunk(failedArns, DESCRIBE_BATCH).map(batch =>
          clients.run(() =>
            clients.ecs.send(
              new DescribeServiceDeploymentsCommand({
                serviceDeploymentArns: batch,
              }),
            ),
          ),
        ),
      )
    ).flatMap(output => output.serviceDeployments ?? []);

    // Service deployments name service revisions; only the revision names the
    // task definition, which is what the picture matches deployments by.
    const revisionArns = [
      ...new Set(
        deployments.flatMap(deployment => [
          deployment.targetServiceRevision?.arn,
          deployment.rollback?.serviceRevisionArn,
        ]),
      ),
    ].filter((arn): arn is string => Boolean(arn));
    const taskDefinitionOfRevision = new Map<string, string>();
    const warnings: EcsWarning[] = [];
    try {
      for (const batch of chunk(revisionArns, DESCRIBE_BATCH)) {
        const output = await clients.run(() =>
          clients.ecs.send(
            new DescribeServiceRevisionsCommand({ serviceRevisionArns: batch }),
          ),
        );
        for (const revision of output.serviceRevisions ?? []) {
          taskDefinitionOfRevision.set(
            revision.serviceRevisionArn ?? '',
            revision.taskDefinition ?? '',
          );
        }
      }
    } catch (error) {
      // The outcome is still worth showing; only the revision numbers are unknown.
      warnings.push(
        warningFromError(
          error,
          `Task definition revisions of the deployment history of service ${target.serviceName}`,
          logger,
          target.serviceArn,
        ),
      );
    }

    const entries = deployments
      .map(deployment => {
        const target = taskDefinitionOfRevision.get(
          deployment.targetServiceRevision?.arn ?? '',
        );
        const rolledBackTo = taskDefinitionOfRevision.get(
          deployment.rollback?.serviceRevisionArn ?? '',
        );
        return {
          targetTaskDefinitionArn: target,
          failedTasks: deployment.deploymentCircuitBreaker?.failureCount,
          outcome: {
            serviceDeploymentArn: deployment.serviceDeploymentArn ?? '',
            status: deployment.status ?? 'UNKNOWN',
            statusReason: deployment.statusReason ?? deployment.rollback?.reason,
            targetTaskDefinitionRevision: revisionFromTaskDefinitionArn(target),
            rolledBackToRevision: rolledBackTo
              ? revisionFromTaskDefinitionArn(rolledBackTo)
              : undefined,
            startedAt: iso(deployment.startedAt ?? deployment.createdAt),
            finishedAt: iso(deployment.finishedAt ?? deployment.stoppedAt),
          },
        };
      })
      .sort((a, b) =>
        (b.outcome.startedAt ?? '').localeCompare(a.outcome.startedAt ?? ''),
      );

    return { entries, warnings };
  } catch (error) {
    return {
      entries: [],
      warnings: [warningFromError(error, part, logger, target.serviceArn)],
    };
  }
}
