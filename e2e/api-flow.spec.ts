import { expect, test } from '@playwright/test';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { guestToken, portalUrl, uniqueName } from './support';

const script = join(__dirname, '..', 'scripts', 'create-ecs-service.mjs');

interface ScriptRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs scripts/create-ecs-service.mjs as a platform engineer would, with the guest token. */
function runScript(args: string[]): Promise<ScriptRun> {
  return new Promise(resolve => {
    execFile(
      process.execPath,
      [script, '--portal', portalUrl, ...args],
      { env: { ...process.env, BACKSTAGE_TOKEN: '' }, timeout: 200_000 },
      (error, stdout, stderr) => {
        let code: number | null = 0;
        if (error) {
          code = typeof error.code === 'number' ? error.code : null;
        }
        resolve({ code, stdout, stderr });
      },
    );
  });
}

test.describe('create-ecs-service script over the REST API', () => {
  test('creates the service and prints its tasks', async ({ request }) => {
    test.setTimeout(240_000);
    const name = uniqueName('e2e-api');

    const run = await runScript(['--name', name, '--timeout', '180']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);

    // The log of every step arrives over the event stream.
    expect(run.stdout).toMatch(/^Task [0-9a-f-]+ started/m);
    expect(run.stdout).toContain('[generate] Beginning step Generate Terraform');
    expect(run.stdout).toContain('[register] Finished step Register in the catalog');
    expect(run.stdout).toContain(`Catalog entity component:default/${name} is registered.`);
    expect(run.stdout).toContain(`Service ${name} in cluster demo (us-east-1): 2 running / 2 desired`);
    expect(run.stdout).toContain(`${name}-general: managed scaling ENABLED, target 80%`);
    expect(run.stdout).toMatch(new RegExp(`${name}-gpu \\(GPU\\): managed scaling ENABLED, target 80%`));

    // The same facts, read back without the script.
    const headers = { Authorization: `Bearer ${await guestToken(request)}` };
    const entity = await request.get(`${portalUrl}/api/catalog/entities/by-name/component/default/${name}`, {
      headers,
    });
    expect(entity.status()).toBe(200);
    expect((await entity.json()).metadata.annotations['ecs-ec2.io/service-arn']).toBe(
      `arn:aws:ecs:us-east-1:123456789012:service/demo/${name}`,
    );

    const picture = await (
      await request.get(`${portalUrl}/api/ecs-ec2/entities/default/component/${name}`, { headers })
    ).json();
    const service = picture.services[0];
    const providerNames = service.capacityProviders.map((provider: { name: string }) => provider.name).sort();
    expect(providerNames).toEqual([`${name}-general`, `${name}-gpu`]);
    const running = service.tasks.filter((task: { lastStatus: string }) => task.lastStatus === 'RUNNING');
    expect(running).toHaveLength(2);
    for (const task of running) {
      expect(providerNames).toContain(task.capacityProviderName);
      expect(task.ec2InstanceId).toMatch(/^i-/);
    }
  });

  test('fails an invalid spec, publishing nothing', async ({ request }) => {
    const name = uniqueName('e2e-invalid');
    const directory = await mkdtemp(join(tmpdir(), 'e2e-values-'));
    const valuesFile = join(directory, 'values.json');
    // A capacity provider name may not start with "aws", and managed
    // termination protection needs scale-in protection on.
    await writeFile(
      valuesFile,
      JSON.stringify({
        pools: [
          {
            name: 'general',
            instanceTypes: ['m6i.large'],
            purchaseOption: 'on-demand',
            minSize: 1,
            maxSize: 10,
            targetCapacity: 80,
            capacityProviderName: 'AWSpool',
            managedTerminationProtection: true,
            scaleInProtection: false,
          },
        ],
      }),
    );

    try {
      const run = await runScript(['--name', name, '--values', valuesFile, '--timeout', '60']);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^Error: Task [0-9a-f-]+ failed: /);
      expect(run.stderr).toContain('pools[0].capacityProviderName');
      expect(run.stderr).toContain('pools[0].managedTerminationProtection');
      expect(run.stderr).toContain('scaleInProtection');
      expect(run.stdout).toContain('Skipping step publish-portal because a previous step failed');
      expect(run.stdout).not.toContain('Catalog entity');
    } finally {
      await rm(directory, { recursive: true, force: true });
    }

    // No repository on the portal's git host and no entity in the catalog.
    const headers = { Authorization: `Bearer ${await guestToken(request)}` };
    const refs = await request.get(`${portalUrl}/api/ecs-ec2/git/${name}.git/info/refs?service=git-upload-pack`, {
      headers,
    });
    expect(refs.status()).toBe(404);
    // The message must come from the git host itself, so a route that is not mounted cannot pass for "no repository".
    expect((await refs.json()).error.message).toBe(`Repository '${name}' not found`);
    const entity = await request.get(`${portalUrl}/api/catalog/entities/by-name/component/default/${name}`, {
      headers,
    });
    expect(entity.status()).toBe(404);
  });

  test('rejects a missing service name', async () => {
    const run = await runScript([]);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Missing --name');
  });
});
