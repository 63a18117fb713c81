import { expect, test } from '@playwright/test';
import { signInAsGuest, screenshotPath } from './support';

test.describe('demo portal', () => {
  test('signs in as guest and lists the demo components', async ({ page }) => {
    await signInAsGuest(page);
    // The catalog opens on "Owned" once the guest's group membership is
    // processed, and gpu-inference belongs to ml-team.
    await page.getByRole('menuitem', { name: /^All \d+$/ }).click();

    await expect(page.getByRole('link', { name: 'web-api' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'gpu-inference' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'checkout' })).toBeVisible();

    await page.screenshot({ path: screenshotPath('catalog.png'), fullPage: true });
  });
});
