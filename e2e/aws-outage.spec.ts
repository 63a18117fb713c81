import { expect, test } from '@playwright/test';
import { entityTab, openComponent, screenshotPath, setSimulatorFaults, signInAsGuest } from './support';

// Each test reads a component that no other test opens, so the backend's
// short-lived cache of ECS pictures contains nothing fetched before the fault.
test.describe('ECS tab during an AWS outage', () => {
  test.beforeEach(async ({ page }) => {
    await signInAsGuest(page);
  });

  test.afterEach(async ({ request }) => {
    // Runs after a failed test too, so later tests see a healthy account.
    await setSimulatorFaults(request, {});
  });

  test('warns instead of going blank on 5xx', async ({ page, request }) => {
    await setSimulatorFaults(request, { serverErrorRate: 1 });
    await openComponent(page, 'web-api', 'ECS');

    const warning = page.getByLabel('Incomplete ECS data');
    await expect(warning).toContainText('Service web-api');
    await expect(warning).toContainText('UNAVAILABLE');
    await expect(page.getByText('No ECS service was found for this entity.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'web-api', exact: true }).first()).toBeVisible();
    await expect(entityTab(page, 'ECS')).toBeVisible();
    await page.screenshot({ path: screenshotPath('outage-web-api.png'), fullPage: true });

    // Once AWS responds again, a refresh brings the service back. The cache
    // keeps the failed picture for a few seconds, hence the retries.
    await setSimulatorFaults(request, {});
    const summary = page.getByRole('region', { name: 'Service summary web-api' });
    await expect(async () => {
      await page.getByRole('button', { name: 'Refresh now' }).click();
      await expect(summary).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 45_000, intervals: [2_000] });
    await expect(page.getByLabel('Incomplete ECS data')).toHaveCount(0);
  });

  test('names the part that access denied hides', async ({ page, request }) => {
    await setSimulatorFaults(request, {
      operations: {
        'CloudWatch.GetMetricData': {
          code: 'AccessDeniedException',
          message: 'User is not authorized to perform: cloudwatch:GetMetricData',
          status: 400,
        },
      },
    });
    await openComponent(page, 'checkout', 'ECS');

    const warning = page.getByLabel('Incomplete ECS data');
    await expect(warning).toContainText('ACCESS_DENIED');
    await expect(warning).toContainText(/metric/i);
    const summary = page.getByRole('region', { name: 'Service summary checkout' });
    await expect(summary.getByLabel('Task counts')).toContainText(/\d+ running \/ 6 desired/);
    await expect(page.getByRole('button', { name: /^Task / }).first()).toBeVisible();
    await page.screenshot({ path: screenshotPath('outage-checkout-metrics-denied.png'), fullPage: true });
  });
});
