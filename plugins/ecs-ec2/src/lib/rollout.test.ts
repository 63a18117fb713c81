import {
  buildDeployment,
  buildService,
  healthyServicePicture,
  largeServicePicture,
  rolledBackServicePicture,
} from '../testUtils';
import { decideRollout } from './rollout';

describe('decideRollout', () => {
  it('reports a completed rollout', () => {
    const verdict = decideRollout(healthyServicePicture().services[0]);

    expect(verdict.state).toBe('COMPLETED');
    expect(verdict.revision).toBe(3);
  });

  it('reports a rolled-back deployment as FAILED', () => {
    const verdict = decideRollout(rolledBackServicePicture().services[0]);

    expect(verdict.state).toBe('FAILED');
    expect(verdict.revision).toBe(42);
    expect(verdict.rolledBackToRevision).toBe(41);
    expect(verdict.failedTasks).toBe(3);
    expect(verdict.historyStatus).toBe('ROLLBACK_SUCCESSFUL');
  });

  it('reports FAILED from the history of a completed PRIMARY deployment', () => {
    const service = buildService({
      serviceName: 'payments',
      deployments: [
        buildDeployment({
          id: 'rollback',
          taskDefinitionRevision: 41,
          rolloutState: 'COMPLETED',
          history: {
            serviceDeploymentArn: 'arn',
            status: 'ROLLBACK_SUCCESSFUL',
            statusReason:
              'Service deployment rolled back because the circuit breaker threshold was exceeded.',
            targetTaskDefinitionRevision: 42,
            rolledBackToRevision: 41,
          },
        }),
      ],
    });

    const verdict = decideRollout(service);

    expect(verdict.state).toBe('FAILED');
    expect(verdict.revision).toBe(42);
    expect(verdict.rolledBackToRevision).toBe(41);
    expect(verdict.reason).toContain('circuit breaker threshold');
  });

  it('reports a rollout in progress with its share of running tasks', () => {
    const verdict = decideRollout(largeServicePicture(12, 40).services[0]);

    expect(verdict.state).toBe('IN_PROGRESS');
    expect(verdict.revision).toBe(8);
    expect(verdict.progress).toBeCloseTo(0.25);
  });
});
