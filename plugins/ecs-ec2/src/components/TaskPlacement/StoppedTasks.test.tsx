import { render, screen, within } from '@testing-library/react';
import { buildTask } from '../../testUtils';
import { StoppedTasks } from './StoppedTasks';

const healthCheckReason =
  'Task failed ELB health checks in (target-group arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/payments-tg/0123456789abcdef)';

function stoppedTask(taskId: string, exitCodes: Record<string, number>) {
  return buildTask({
    taskId,
    lastStatus: 'STOPPED',
    desiredStatus: 'STOPPED',
    stoppedAt: '2026-01-15T11:40:00Z',
    stopCode: 'EssentialContainerExited',
    stoppedReason: healthCheckReason,
    containers: Object.entries(exitCodes).map(([name, exitCode]) => ({
      name,
      lastStatus: 'STOPPED',
      exitCode,
      gpuIds: [],
    })),
  });
}

describe('StoppedTasks', () => {
  it('shows one line per exit code', () => {
    render(
      <StoppedTasks
        tasks={[stoppedTask('pay1', { payments: 1, 'envoy-sidecar': 137 })]}
        onSelectTask={() => {}}
      />,
    );

    const table = screen.getByRole('table', { name: 'Stopped tasks' });
    const payments = within(table).getByText('payments: exit code 1');
    const envoy = within(table).getByText('envoy-sidecar: exit code 137');
    expect(payments).not.toBe(envoy);
    expect(payments.parentElement).toBe(envoy.parentElement);
  });

  it('shows the stop code above the reason', () => {
    render(
      <StoppedTasks
        tasks={[stoppedTask('pay1', { payments: 1 })]}
        onSelectTask={() => {}}
      />,
    );

    const table = screen.getByRole('table', { name: 'Stopped tasks' });
    const stopCode = within(table).getByText('EssentialContainerExited');
    const reason = within(table).getByText(healthCheckReason);
    expect(stopCode.nextElementSibling).toBe(reason);
    // Break opportunities after ":" and "/" let the ARN wrap at its separators.
    expect(reason.querySelectorAll('wbr').length).toBeGreaterThan(0);
  });

  it('shows a dash without exit codes', () => {
    render(
      <StoppedTasks tasks={[stoppedTask('pay1', {})]} onSelectTask={() => {}} />,
    );

    const row = screen.getAllByRole('row')[1];
    expect(within(row).getAllByRole('cell').at(-1)).toHaveTextContent(/^–$/);
  });
});
