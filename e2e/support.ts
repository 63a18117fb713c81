import { expect, Page } from '@playwright/test';
import { join } from 'node:path';

/** Directory that keeps the screenshots as test artifacts. */
export const screenshotDirectory = join(__dirname, '..', 'test-results', 'screenshots');

export function screenshotPath(name: string): string {
  return join(screenshotDirectory, name);
}

/** Opens the portal and signs in with the guest provider of the demo. */
export async function signInAsGuest(page: Page): Promise<void> {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
  await expect(page.getByRole('heading', { name: /catalog/i }).first()).toBeVisible();
}
