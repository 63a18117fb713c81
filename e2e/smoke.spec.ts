import { expect, test } from '@playwright/test';
import { signInAsGuest, screenshotPath } from './support';

test.describe('demo portal', () => {
  test('signs in as guest and lists the demo components', async ({ page }) => {
    await signInAsGuest(page);

    await expect(page.getByRole('link', { name: 'web-api' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'gpu-inference' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'checkout' })).toBeVisible();

    await page.screenshot({ path: screenshotPath('catalog.png'), fullPage: true });
  });
});
