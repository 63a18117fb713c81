import { APIRequestContext, expect, Page } from '@playwright/test';
import { join } from 'node:path';

/** Directory that keeps the screenshots as test artifacts. */
export const screenshotDirectory = join(__dirname, '..', 'test-results', 'screenshots');

/** The portal under test; scripts/run-e2e.mjs sets it. */
export const portalUrl = process.env.PORTAL_URL ?? 'http://localhost:7007';

/** The ECS simulator that the demo backend starts (`ecsSimulator.port`). */
export const simulatorUrl = process.env.SIMULATOR_URL ?? 'http://127.0.0.1:4599';

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

/**
 * Opens the page of a demo component and, when `tab` is given, clicks that tab,
 * the way a user gets there from the catalog.
 */
export async function openComponent(page: Page, name: string, tab?: string): Promise<void> {
  await page.goto(`/catalog/default/component/${name}`);
  await expect(page.getByRole('heading', { name, exact: true }).first()).toBeVisible();
  if (tab) {
    await entityTab(page, tab).click();
  }
}

/** Finds the link to one tab of an entity page. */
export function entityTab(page: Page, name: string) {
  return page
    .getByRole('navigation', { name: 'Content navigation' })
    .getByRole('link', { name, exact: true });
}

/** Returns a Backstage token of the guest user, as the app gets it after sign-in. */
export async function guestToken(request: APIRequestContext): Promise<string> {
  const response = await request.get(`${portalUrl}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  expect(response.ok(), `guest sign-in returned HTTP ${response.status()}`).toBe(true);
  const body = await response.json();
  return body.backstageIdentity.token as string;
}

/**
 * Replaces the simulator's injected faults; `{}` removes them. The format is
 * the simulator's FaultConfig (packages/ecs-simulator/src/faults.ts).
 */
export async function setSimulatorFaults(
  request: APIRequestContext,
  faults: Record<string, unknown>,
): Promise<void> {
  const response = await request.post(`${simulatorUrl}/_admin/faults`, { data: faults });
  expect(response.ok(), `POST /_admin/faults returned HTTP ${response.status()}`).toBe(true);
}

/** Returns a name that no earlier run of the suite used, within the pattern of ECS service names. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1296)
    .toString(36)
    .padStart(2, '0')}`;
}
