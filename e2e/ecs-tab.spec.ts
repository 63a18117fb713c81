import { expect, test } from '@playwright/test';
import { entityTab, openComponent, screenshotPath, signInAsGuest } from './support';

test.describe('ECS tab', () => {
  test.beforeEach(async ({ page }) => {
    await signInAsGuest(page);
  });

  test('shows GPU ids, instances and capacity providers', async ({ page }) => {
    await openComponent(page, 'gpu-inference', 'ECS');

    const summary = page.getByRole('region', { name: 'Service summary gpu-inference' });
    await expect(summary.getByLabel('Task counts')).toHaveText('6 running / 6 desired');
    await expect(summary).toContainText('ml-inference (us-west-2, 123456789012)');
    await expect(summary).toContainText('1 GPU');

    // Every task slot names the GPU it holds, and no two tasks share a GPU.
    const gpuTasks = page.getByRole('button', { name: /^Task .*GPU GPU-/ });
    await expect(gpuTasks).toHaveCount(6);
    const gpuIds = (await gpuTasks.allTextContents()).map(text => text.match(/GPU-[0-9a-f-]+/)?.[0]);
    expect(gpuIds.every(Boolean)).toBe(true);
    expect(new Set(gpuIds).size).toBe(6);

    // Three Spot g4dn.xlarge instances and three g5.xlarge instances of the
    // On-Demand capacity provider, each with one of the tasks.
    await expect(page.getByRole('group', { name: /^i-[0-9a-f]+, g4dn\.xlarge, Spot, ACTIVE, 1 task$/ })).toHaveCount(3);
    await expect(page.getByRole('group', { name: /^i-[0-9a-f]+, g5\.xlarge, .*, ACTIVE, 1 task$/ })).toHaveCount(3);
    await expect(page.getByRole('button', { name: /^ml-gpu-spot · us-west-2[a-z]: / }).first()).toBeVisible();
    await expect(page.getByRole('button', { name: /^ml-gpu-on-demand · us-west-2[a-z]: / }).first()).toBeVisible();

    const providers = page.getByRole('table', { name: 'Capacity providers' });
    const spotRow = providers.getByRole('row', { name: /ml-gpu-spot/ });
    const onDemandRow = providers.getByRole('row', { name: /ml-gpu-on-demand/ });
    await expect(spotRow).toContainText('GPU');
    await expect(spotRow).toContainText('3 Spot / 0 On-Demand');
    await expect(spotRow).toContainText('g4dn.xlarge');
    await expect(onDemandRow).toContainText('GPU');
    await expect(onDemandRow).toContainText('0 Spot / 3 On-Demand');
    await expect(onDemandRow).toContainText('g5.xlarge');
    await page.screenshot({ path: screenshotPath('ecs-tab-gpu-inference.png'), fullPage: true });

    // The details of one task list its instance and GPU id.
    await gpuTasks.first().click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText(gpuIds[0]!);
    await expect(dialog).toContainText(/ml-gpu-(spot|on-demand)/);
    await page.screenshot({ path: screenshotPath('ecs-tab-gpu-task.png') });
  });

  test('reports the payments rollback as FAILED', async ({ page }) => {
    await openComponent(page, 'payments', 'ECS');

    const outcome = page.getByLabel('Rollout outcome');
    await expect(outcome).toContainText('Deployment of revision 42 FAILED');
    await expect(outcome).toContainText('rolled back to revision 41');
    await expect(outcome).toContainText(/[1-9]\d* failed tasks?/);
    await expect(outcome).not.toContainText('COMPLETED');

    const summary = page.getByRole('region', { name: 'Service summary payments' });
    await expect(summary).toContainText('FAILED');
    await expect(summary).toContainText('revision 42');
    await expect(summary).toContainText('payments:41');

    const stopped = page.getByRole('table', { name: 'Stopped tasks' });
    const stoppedRows = stopped.getByRole('row').filter({ hasText: 'payments: exit code 1' });
    await expect(stoppedRows.first()).toBeVisible();
    await expect(stoppedRows.first()).toContainText('Essential container in task exited');
    await expect(stoppedRows.first()).toContainText('EssentialContainerExited');
    await expect(stoppedRows.first()).toContainText('42');
    await page.screenshot({ path: screenshotPath('ecs-tab-payments.png'), fullPage: true });
  });

  test('shows an idle service without errors', async ({ page }) => {
    await openComponent(page, 'idle-reports', 'ECS');

    const summary = page.getByRole('region', { name: 'Service summary idle-reports' });
    await expect(summary.getByLabel('Task counts')).toHaveText('0 running / 0 desired');
    await expect(page.getByRole('region', { name: 'Capacity providers idle-reports' })).toBeVisible();
    await expect(page.getByLabel('Incomplete ECS data')).toHaveCount(0);
    await expect(page.getByLabel('Refresh failed')).toHaveCount(0);
    await expect(page.getByText(/error/i)).toHaveCount(0);
    await page.screenshot({ path: screenshotPath('ecs-tab-idle-reports.png'), fullPage: true });
  });

  test('is absent without ECS annotations', async ({ page }) => {
    await openComponent(page, 'docs-site');

    await expect(entityTab(page, 'Overview')).toBeVisible();
    await expect(entityTab(page, 'ECS')).toHaveCount(0);
  });
});
