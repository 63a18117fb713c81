import { mockCredentials } from '@backstage/backend-test-utils';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DescribeClustersCommand, ECSClient } from '@aws-sdk/client-ecs';
import { Simulator, startSimulator } from '@ecs-on-ec2/ecs-simulator';
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
  let simulator: Simulator;

  beforeAll(async () => {
    root = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'ecs-ec2-template-'));
    gitDirectory = path.join(root, 'repos');
    // The demo scenario's account serves the checks and receives the apply.
    simulator = await startSimulator({ scenario: 'demo', port: 0, clock: 'manual' });
    backend = await startTemplateBackend({
      gitDirectory,
      awsEndpoint: simulator.url,
      entities: [
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: { name: 'taken-api', namespace: 'default' },
          spec: { type: 'service', owner: 'group:default/platform-team', lifecycle: 'production' },
        },
      ],
    });
  });

  afterAll(async () => {
    await backend?.backend.stop();
    await simulator?.stop();
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
    const created = await postTask(referenceValues('orders-api'));
    expect(created.status).toBe(201);

    const task = await waitForTask(backend.server, created.body.id);
    const log = await taskLog(backend.server, created.body.id);
    // The log in place of the status makes a failure show why the task failed.
    expect(task.status === 'completed' ? 'completed' : log).toBe('completed');

    const repository = path.join(gitDirectory, 'orders-api.git');
    const files = await listFiles(repository);
    expect(files).toEqual(
      expect.arrayContaining([
        'catalog-info.yaml',
        'terraform/capacity.tf',
        'terraform/service.tf',
        // GitHub reads workflows only from the repository root.
        '.github/workflows/terraform.yml',
      ]),
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
    expect(log).toContain('The ECS simulator applied the Terraform');
  });

  it('keeps the capacity providers and default strategy of the existing cluster', async () => {
    const ecs = new ECSClient({
      endpoint: simulator.url,
      region: 'us-east-1',
      credentials: { accessKeyId: 'SIMULATED', secretAccessKey: 'simulated' },
    });
    const describe = async () =>
      (await ecs.send(new DescribeClustersCommand({ clusters: ['demo'] }))).clusters![0];
    const before = await describe();

    const { task } = await runTemplate('kept-api', () => {});
    const after = await describe();
    const { stdout: variables } = await execFileAsync('git', [
      '--git-dir',
      path.join(gitDirectory, 'kept-api.git'),
      'show',
      'main:terraform/existing-cluster.auto.tfvars',
    ]);

    expect(task.status).toBe('completed');
    expect(after.capacityProviders).toEqual([...before.capacityProviders!, 'kept-api-general']);
    expect(after.defaultCapacityProviderStrategy).toEqual(before.defaultCapacityProviderStrategy);
    expect(variables).toContain('existing_capacity_providers');
    expect(variables).toContain(`"${before.capacityProviders![0]}"`);
  });

  /** Starts the template through the REST API, as a script or pipeline would. */
  function postTask(values: Record<string, unknown>) {
    return request(backend.server)
      .post('/api/scaffolder/v2/tasks')
      .set('Authorization', mockCredentials.user.header())
      .send({ templateRef: 'template:default/ecs-ec2-service', values });
  }

  /** Starts the template with the reference values changed by `edit` and waits for the end. */
  async function runTemplate(name: string, edit: (values: Record<string, unknown>) => void) {
    const values = referenceValues(name);
    edit(values);
    const created = await postTask(values);
    expect(created.status).toBe(201);
    const task = await waitForTask(backend.server, created.body.id);
    return { task, log: await taskLog(backend.server, created.body.id) };
  }

  it('stops before publishing a service that already runs in the cluster', async () => {
    const { task, log } = await runTemplate('web-api', () => {});

    expect(task.status).toBe('failed');
    expect(log).toContain('service.name: Service web-api already runs in cluster demo');
    expect(fs.existsSync(path.join(gitDirectory, 'web-api.git'))).toBe(false);
  });

  it('stops before publishing a name the catalog already has', async () => {
    const { task, log } = await runTemplate('taken-api', () => {});

    expect(task.status).toBe('failed');
    expect(log).toContain('service.name: The catalog already has component:default/taken-api');
    expect(fs.existsSync(path.join(gitDirectory, 'taken-api.git'))).toBe(false);
  });

  it('stops before publishing when the cluster or account does not fit', async () => {
    const missingCluster = await runTemplate('lost-api', values => {
      values.existingCluster = 'resource:default/does-not-exist';
    });
    const unknownAccount = await runTemplate('foreign-api', values => {
      values.accountId = '999999999999';
    });

    expect(missingCluster.task.status).toBe('failed');
    expect(missingCluster.log).toContain('cluster.name: Cluster does-not-exist was not found in account 123456789012');
    expect(unknownAccount.task.status).toBe('failed');
    expect(unknownAccount.log).toContain('aws.accountId: Account 999999999999 is not configured under aws.accounts');
    expect(fs.readdirSync(gitDirectory).filter(name => /lost-api|foreign-api/.test(name))).toEqual([]);
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

    const created = await postTask(values);
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

    const created = await postTask(values);
    const task = await waitForTask(backend.server, created.body.id);
    const log = await taskLog(backend.server, created.body.id);

    expect(task.status).toBe('failed');
    expect(log).toContain('pools[0] is not allowed to have the additional property "instanceTyps"');
    expect(fs.existsSync(path.join(gitDirectory, 'typo-api.git'))).toBe(false);
  });

  it('fails a misspelled template parameter instead of using the default', async () => {
    const { task, log } = await runTemplate('typo-count-api', values => {
      delete values.desiredCount;
      values.desiredCout = 3;
    });

    expect(task.status).toBe('failed');
    expect(log).toContain('desiredCout: Unknown template parameter (did you mean "desiredCount"?)');
    expect(fs.existsSync(path.join(gitDirectory, 'typo-count-api.git'))).toBe(false);
  });

  it('rejects a secret environment variable early', async () => {
    const values = {
      ...referenceValues('secret-api'),
      environment: [{ name: 'AWS_SECRET_ACCESS_KEY', value: 'wJalrXUtnFEMI/K7MDENG' }],
    };

    const created = await postTask(values);

    expect(created.status).toBe(400);
    expect(JSON.stringify(created.body)).toContain('environment[0].name');
    expect(fs.existsSync(path.join(gitDirectory, 'secret-api.git'))).toBe(false);
  });

  it('rejects an owner that would add YAML to catalog-info.yaml', async () => {
    const values = {
      ...referenceValues('injected-api'),
      owner:
        'group:default/platform-team\n  annotations:\n    ecs-ec2.io/service-arn: arn:aws:ecs:us-east-1:123456789012:service/demo/payments',
    };

    const created = await postTask(values);

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
