import { expect, Locator, Page, test } from '@playwright/test';
import { entityTab, guestToken, portalUrl, screenshotPath, signInAsGuest, uniqueName } from './support';

/**
 * Finds the fields of one instance pool, `index` counting from 0. The nearest
 * ancestor of the item's title that contains inputs is that pool alone, so
 * labels that repeat in every pool resolve inside this one.
 */
function poolItem(page: Page, index: number): Locator {
  return page
    .getByRole('heading', { name: `Instance pools-${index + 1}`, exact: true })
    .locator('xpath=ancestor::div[.//input][1]');
}

/** Fills one instance pool of the "Instance pools" step. */
async function fillPool(
  page: Page,
  index: number,
  pool: {
    name: string;
    instanceTypes: string[];
    purchaseOption?: string;
    onDemandBase?: number;
    onDemandPercentage?: number;
    minSize: number;
    maxSize: number;
    targetCapacity: number;
    minimumStep: number;
    maximumStep: number;
  },
) {
  const item = poolItem(page, index);
  const field = (name: string) => item.getByRole('spinbutton', { name, exact: true });

  await item.getByRole('textbox', { name: 'Pool name' }).fill(pool.name);
  for (const [position, instanceType] of pool.instanceTypes.entries()) {
    const input = item.getByRole('textbox', { name: `instanceTypes-${position}` });
    if (!(await input.isVisible())) {
      await item.getByRole('button', { name: 'Add Item' }).click();
    }
    await input.fill(instanceType);
  }
  if (pool.purchaseOption) {
    await item.getByRole('button', { name: /^Purchase option/ }).click();
    await page.getByRole('option', { name: pool.purchaseOption }).click();
  }
  if (pool.onDemandBase !== undefined) {
    await field('On-Demand base capacity').fill(String(pool.onDemandBase));
  }
  if (pool.onDemandPercentage !== undefined) {
    await field('On-Demand percentage above base').fill(String(pool.onDemandPercentage));
  }
  await field('Minimum instances').fill(String(pool.minSize));
  await field('Maximum instances').fill(String(pool.maxSize));
  await field('Target capacity (%)').fill(String(pool.targetCapacity));
  await field('Minimum scaling step').fill(String(pool.minimumStep));
  await field('Maximum scaling step').fill(String(pool.maximumStep));
}

/** Names of the `aws_ecs_capacity_provider` resources of a Terraform file. */
function declaredCapacityProviders(hcl: string): string[] {
  return hcl
    .split(/resource\s+"aws_ecs_capacity_provider"/)
    .slice(1)
    .map(block => block.match(/^\s*name\s*=\s*"([^"]+)"/m)?.[1] ?? '(no name)');
}

async function pickOption(page: Page, field: string, option: string | RegExp) {
  await page.getByRole('textbox', { name: field }).click();
  await page.getByRole('option', { name: option }).click();
}

/** Saves the filled step, then moves on and waits for a field of the next step. */
async function next(page: Page, nextField: Locator, screenshot: string, button = 'Next') {
  await page.screenshot({ path: screenshotPath(screenshot), fullPage: true });
  await page.getByRole('button', { name: button, exact: true }).click();
  await expect(nextField).toBeVisible();
}

test.describe('Create ECS/EC2 service', () => {
  test('runs the new service on its Terraform capacity', async ({
    page,
    request,
  }) => {
    // The form, the simulated apply and the first tasks take about a minute on 2 cores.
    test.setTimeout(240_000);
    const name = uniqueName('e2e-orders');

    await signInAsGuest(page);
    await page.getByRole('navigation', { name: 'sidebar nav' }).getByRole('link', { name: 'Create' }).click();
    await page
      .getByRole('article')
      .filter({ has: page.getByRole('heading', { name: 'Create ECS/EC2 service' }) })
      .getByRole('button', { name: 'Choose' })
      .click();

    // Service
    await page.getByRole('textbox', { name: 'Name' }).fill(name);
    await pickOption(page, 'Owner', 'platform-team');
    await pickOption(page, 'System', 'storefront');
    await page.getByRole('textbox', { name: 'Description' }).fill('Orders API created by the browser test.');
    await next(page, page.getByRole('textbox', { name: 'Existing cluster' }), 'create-1-service.png');

    // Cluster: the demo cluster from the catalog.
    await pickOption(page, 'Existing cluster', /^demo \(us-east-1\)/);
    await next(page, page.getByRole('textbox', { name: 'AWS Region' }), 'create-2-cluster.png');

    // Account and Region keep the demo account and us-east-1.
    await expect(page.getByRole('textbox', { name: 'AWS Region' })).toHaveValue('us-east-1');
    await next(page, page.getByRole('textbox', { name: 'Pool name' }).first(), 'create-3-account.png');

    // Instance pools: the reference general pool and a GPU pool on Spot and On-Demand.
    await fillPool(page, 0, {
      name: 'general',
      instanceTypes: ['m6i.large'],
      minSize: 1,
      maxSize: 10,
      targetCapacity: 80,
      minimumStep: 1,
      maximumStep: 5,
    });
    await page.getByRole('button', { name: 'Add Item' }).last().click();
    await fillPool(page, 1, {
      name: 'gpu',
      instanceTypes: ['g4dn.xlarge', 'g5.xlarge'],
      purchaseOption: 'Mixed (On-Demand base plus Spot)',
      onDemandBase: 1,
      onDemandPercentage: 50,
      minSize: 1,
      maxSize: 4,
      targetCapacity: 80,
      minimumStep: 1,
      maximumStep: 5,
    });
    await next(page, page.getByRole('textbox', { name: 'Container image' }), 'create-4-pools.png');

    // Task keeps its defaults: nginx, 256 CPU units, 512 MiB.
    await next(page, page.getByRole('spinbutton', { name: 'Desired tasks' }), 'create-5-task.png');

    // Deployment
    await page.getByRole('spinbutton', { name: 'Desired tasks' }).fill('2');
    await next(page, page.getByRole('button', { name: /^Publish to/ }), 'create-6-deployment.png');

    // Repository: the portal's own git host.
    await next(page, page.getByRole('button', { name: 'Create' }), 'create-7-repository.png', 'Review');
    await page.screenshot({ path: screenshotPath('create-8-review.png'), fullPage: true });
    await page.getByRole('button', { name: 'Create' }).click();

    // The task page lists the steps and ends with the output links.
    const repositoryLink = page.getByRole('link', { name: 'Repository' });
    const entityLink = page.getByRole('link', { name: 'Open in catalog' });
    const taskError = page.getByText(/^Error: /);
    await expect(entityLink.or(taskError)).toBeVisible({ timeout: 120_000 });
    expect(await taskError.allInnerTexts()).toEqual([]);
    await page.screenshot({ path: screenshotPath('create-9-task.png'), fullPage: true });

    // The repository link points at the portal's git host, which serves the
    // published catalog descriptor and Terraform.
    const remoteUrl = await repositoryLink.getAttribute('href');
    expect(remoteUrl).toBe(`${portalUrl}/api/ecs-ec2/git/${name}.git`);
    const repositoryBase = remoteUrl!.replace(/\.git$/, '');
    await page.goto(`${repositoryBase}/blob/main/terraform/capacity.tf`);
    const capacityTf = await page.locator('body').innerText();
    expect(capacityTf).toContain('resource "aws_ecs_capacity_provider"');
    await page.screenshot({ path: screenshotPath('create-10-repository.png') });
    const token = await guestToken(request);
    const refs = await request.get(`${remoteUrl}/info/refs?service=git-upload-pack`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(refs.status()).toBe(200);

    // The capacity providers the Terraform declares, by name.
    const declaredProviders = declaredCapacityProviders(capacityTf);
    expect(declaredProviders.sort()).toEqual([`${name}-general`, `${name}-gpu`]);

    // The entity link opens the new component; its ECS tab shows the tasks the
    // simulated apply started on instances of those capacity providers.
    await page.goBack();
    await entityLink.click();
    await expect(page.getByRole('heading', { name, exact: true }).first()).toBeVisible({ timeout: 60_000 });
    // The catalog registers the component a few seconds after the task ends,
    // and the entity page does not retry on its own: reload until it is there.
    await expect(async () => {
      if (!(await entityTab(page, 'ECS').isVisible())) {
        await page.reload();
      }
      await expect(entityTab(page, 'ECS')).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 90_000 });
    await page.screenshot({ path: screenshotPath('create-11-entity.png'), fullPage: true });
    await entityTab(page, 'ECS').click();

    const summary = page.getByRole('region', { name: `Service summary ${name}` });
    await expect(summary.getByLabel('Task counts')).toHaveText('2 running / 2 desired', { timeout: 90_000 });
    const providers = page.getByRole('table', { name: 'Capacity providers' });
    await expect(providers.getByRole('row', { name: new RegExp(`^${name}-general`) })).toBeVisible();
    await expect(providers.getByRole('row', { name: new RegExp(`^${name}-gpu`) })).toContainText('GPU');

    const tasks = page.getByRole('button', { name: /^Task / });
    await expect(tasks).toHaveCount(2);
    for (const task of await tasks.all()) {
      await task.click();
      const dialog = page.getByRole('dialog');
      const provider = await dialog.getByRole('row', { name: /Capacity provider/i }).innerText();
      expect(declaredProviders.some(declared => provider.includes(declared))).toBe(true);
      await expect(dialog).toContainText(/Instance\s*i-[0-9a-f]+ \((m6i\.large|g4dn\.xlarge)/);
      await page.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);
    }
    await page.screenshot({ path: screenshotPath('create-12-ecs-tab.png'), fullPage: true });
  });
});
