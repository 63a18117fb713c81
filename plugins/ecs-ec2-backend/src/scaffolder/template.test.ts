import { mockCredentials } from '@backstage/backend-test-utils';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import {
  loadTemplateEntity,
  readSkeletonContents,
  referenceValues,
  startTemplateBackend,
} from './testing/templateBackend';

const execFileAsync = promisify(execFile);

type Server = Awaited<ReturnType<typeof startTemplateBackend>>['server'];

const TERMINAL_STATUSES = ['completed', 'failed', 'cancelled'];

/** Polls the task until it ends; the jest timeout bounds the wait. */
async function waitForTask(server: Server, taskId: string) {
  for (;;) {
    const response = await request(server)
      .get(`/api/scaffolder/v2/tasks/${taskId}`)
      .set('Authorization', mockCredentials.user.header());
    if (TERMINAL_STATUSES.includes(response.body.status)) {
      return response.body;
    }
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}

async function taskLog(server: Server, taskId: string): Promise<string> {
  const response = await request(server)
    .get(`/api/scaffolder/v2/tasks/${taskId}/events`)
    .set('Authorization', mockCredentials.user.header());
  return (response.body as { body: { message?: string } }[])
    .map(event => event.body.message ?? '')
    .join('\n');
}

async function listFiles(gitDirectory: string): Promise<string[]> {
  const { stdout } = await execFileAsync('git', [
    '--git-dir',
    gitDirectory,
    'ls-tree',
    '-r',
    '--name-only',
    'main',
  ]);
  return stdout.trim().split('\n');
}

describe('Create ECS/EC2 service template', () => {
  let root: string;
  let gitDirectory: string;
  let backend: Awaited<ReturnType<typeof startTemplateBackend>>;

  beforeAll(async () => {
    root = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'ecs-ec2-template-'));
    gitDirectory = path.join(root, 'repos');
    // No simulator here, so the apply step is skipped; demoApply.test.ts
    // tests the apply against the simulator.
    backend = await startTemplateBackend({ gitDirectory });
  });

  afterAll(async () => {
    await backend?.backend.stop();
    await fs.promises.rm(root, { recursive: true, force: true });
  });

  it('uses only actions that the backend registers', async () => {
    const response = await request(backend.server)
      .get('/api/scaffolder/v2/actions')
      .set('Authorization', mockCredentials.user.header());
    const registered = new Set((response.body as { id: string }[]).map(action => action.id));

    const used = (loadTemplateEntity().spec!.steps as { action: string }[]).map(
      step => step.action,
    );

    expect(used).toContain('ecs-ec2:terraform:generate');
    expect(used.filter(id => !registered.has(id))).toEqual([]);
  });

  it('creates, publishes and registers the reference service', async () => {
    const created = await request(backend.server)
      .post('/api/scaffolder/v2/tasks')
      .set('Authorization', mockCredentials.user.header())
      .send({
        templateRef: 'template:default/ecs-ec2-service',
        values: referenceValues('orders-api'),
      });
    expect(created.status).toBe(201);

    const task = await waitForTask(backend.server, created.body.id);
    const log = await taskLog(backend.server, created.body.id);
    // The log in place of the status makes a failure show why the task failed.
    expect(task.status === 'completed' ? 'completed' : log).toBe('completed');

    const repository = path.join(gitDirectory, 'orders-api.git');
    const files = await listFiles(repository);
    expect(files).toEqual(
      expect.arrayContaining(['catalog-info.yaml', 'terraform/capacity.tf', 'terraform/service.tf']),
    );
    const { stdout: catalogInfo } = await execFileAsync('git', [
      '--git-dir',
      repository,
      'show',
      'main:catalog-info.yaml',
    ]);
    expect(catalogInfo).toContain(
      'ecs-ec2.io/service-arn: arn:aws:ecs:us-east-1:123456789012:service/demo/orders-api',
    );
    expect(catalogInfo).toContain('- "resource:default/demo"');

    expect(backend.catalog.addLocation).toHaveBeenCalledWith(
      {
        type: 'url',
        // startTestBackend replaces the configured port with its own.
        target: expect.stringMatching(
          /^http:\/\/localhost:\d+\/api\/ecs-ec2\/git\/orders-api\/blob\/main\/catalog-info\.yaml$/,
        ),
      },
      expect.anything(),
    );
    expect(log).toContain('Skipping the simulated apply');
  });

  it('fails an invalid spec with the field list and publishes nothing', async () => {
    const values = referenceValues('invalid-api');
    values.pools = [
      {
        ...(values.pools as object[])[0],
        capacityProviderName: 'AWSpool',
        managedTerminationProtection: true,
        scaleInProtection: false,
      },
    ];

    const created = await request(backend.server)
      .post('/api/scaffolder/v2/tasks')
      .set('Authorization', mockCredentials.user.header())
      .send({ templateRef: 'template:default/ecs-ec2-service', values });
    expect(created.status).toBe(201);

    const task = await waitForTask(backend.server, created.body.id);
    const log = await taskLog(backend.server, created.body.id);

    expect(task.status).toBe('failed');
    expect(log).toContain('pools[0].capacityProviderName');
    expect(log).toContain('pools[0].managedTerminationProtection');
    expect(fs.existsSync(path.join(gitDirectory, 'invalid-api.git'))).toBe(false);
  });

  it('fails a misspelled pool field instead of dropping it', async () => {
    const values = referenceValues('typo-api');
    values.pools = [{ ...(values.pools as object[])[0], instanceTyps: ['m6i.large'] }];

    const created = await request(backend.server)
      .post('/api/scaffolder/v2/tasks')
      .set('Authorization', mockCredentials.user.header())
      .send({ templateRef: 'template:default/ecs-ec2-service', values });
    const task = await waitForTask(backend.server, created.body.id);
    const log = await taskLog(backend.server, created.body.id);

    expect(task.status).toBe('failed');
    expect(log).toContain('pools[0] is not allowed to have the additional property "instanceTyps"');
    expect(fs.existsSync(path.join(gitDirectory, 'typo-api.git'))).toBe(false);
  });

  it('rejects an owner that would add YAML to catalog-info.yaml', async () => {
    const values = {
      ...referenceValues('injected-api'),
      owner:
        'group:default/platform-team\n  annotations:\n    ecs-ec2.io/service-arn: arn:aws:ecs:us-east-1:123456789012:service/demo/payments',
    };

    const created = await request(backend.server)
      .post('/api/scaffolder/v2/tasks')
      .set('Authorization', mockCredentials.user.header())
      .send({ templateRef: 'template:default/ecs-ec2-service', values });

    expect(created.status).toBe(400);
    expect(JSON.stringify(created.body)).toContain('owner');
    expect(fs.existsSync(path.join(gitDirectory, 'injected-api.git'))).toBe(false);
  });

  it('returns the Terraform from the dry-run endpoint', async () => {
    const response = await request(backend.server)
      .post('/api/scaffolder/v2/dry-run')
      .set('Authorization', mockCredentials.user.header())
      .send({
        template: loadTemplateEntity(),
        values: referenceValues('dry-run-api'),
        directoryContents: readSkeletonContents(),
      });

    expect(response.status).toBe(200);
    const contents = response.body.directoryContents as { path: string; base64Content: string }[];
    const service = contents.find(file => file.path === 'terraform/service.tf');
    expect(service).toBeDefined();
    expect(Buffer.from(service!.base64Content, 'base64').toString()).toContain('aws_ecs_service');
    expect(fs.existsSync(path.join(gitDirectory, 'dry-run-api.git'))).toBe(false);
  });
});
