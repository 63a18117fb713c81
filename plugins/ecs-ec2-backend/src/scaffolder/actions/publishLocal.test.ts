import { mockServices } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import yaml from 'yaml';
import { createPublishLocalAction } from './publishLocal';

const execFileAsync = promisify(execFile);

async function git(gitDirectory: string, ...args: string[]): Promise<string> {
  const { stdout } = await execFileAsync('git', [
    '--git-dir',
    gitDirectory,
    ...args,
  ]);
  return stdout.trim();
}

describe('ecs-ec2:publish:local', () => {
  let root: string;
  let workspacePath: string;
  let repositoriesDirectory: string;

  const discovery = mockServices.discovery.mock({
    getExternalBaseUrl: async pluginId =>
      `http://localhost:7007/api/${pluginId}`,
  });

  beforeEach(async () => {
    root = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'publish-local-'));
    workspacePath = path.join(root, 'workspace');
    repositoriesDirectory = path.join(root, 'repos');
    await fs.promises.mkdir(path.join(workspacePath, 'terraform'), {
      recursive: true,
    });
    await fs.promises.writeFile(
      path.join(workspacePath, 'catalog-info.yaml'),
      'kind: Component\n',
    );
    await fs.promises.writeFile(
      path.join(workspacePath, 'README.md'),
      '# orders-api\n',
    );
    await fs.promises.writeFile(
      path.join(workspacePath, 'terraform', 'main.tf'),
      'terraform {}\n',
    );
  });

  afterEach(async () => {
    await fs.promises.rm(root, { recursive: true, force: true });
  });

  function createAction() {
    return createPublishLocalAction({
      directory: repositoriesDirectory,
      discovery,
    });
  }

  it('creates a bare repository with one commit of the workspace', async () => {
    const ctx = createMockActionContext({
      workspacePath,
      input: { repoName: 'orders-api', gitCommitMessage: 'Create orders-api' },
    });

    await createAction().handler(ctx);

    const gitDirectory = path.join(repositoriesDirectory, 'orders-api.git');
    expect(await git(gitDirectory, 'rev-parse', '--is-bare-repository')).toBe(
      'true',
    );
    expect(await git(gitDirectory, 'rev-list', '--count', 'main')).toBe('1');
    expect(await git(gitDirectory, 'log', '-1', '--format=%s', 'main')).toBe(
      'Create orders-api',
    );
    expect(
      (await git(gitDirectory, 'ls-tree', '-r', '--name-only', 'main')).split(
        '\n',
      ),
    ).toEqual(['README.md', 'catalog-info.yaml', 'terraform/main.tf']);
    expect(fs.existsSync(path.join(gitDirectory, 'index'))).toBe(false);
  });

  it('outputs the URLs that catalog:register and the template links use', async () => {
    const ctx = createMockActionContext({
      workspacePath,
      input: { repoName: 'orders-api' },
    });

    await createAction().handler(ctx);

    const base = 'http://localhost:7007/api/ecs-ec2/git';
    expect(ctx.output).toHaveBeenCalledWith(
      'remoteUrl',
      `${base}/orders-api.git`,
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'repoContentsUrl',
      `${base}/orders-api/blob/main`,
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'catalogInfoUrl',
      `${base}/orders-api/blob/main/catalog-info.yaml`,
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'commitHash',
      expect.stringMatching(/^[0-9a-f]{40}$/),
    );
  });

  it('commits only sourcePath when given', async () => {
    const ctx = createMockActionContext({
      workspacePath,
      input: { repoName: 'infra', sourcePath: 'terraform' },
    });

    await createAction().handler(ctx);

    const files = await git(
      path.join(repositoriesDirectory, 'infra.git'),
      'ls-tree',
      '-r',
      '--name-only',
      'main',
    );
    expect(files).toBe('main.tf');
  });

  it('rejects a repository that already exists', async () => {
    await createAction().handler(
      createMockActionContext({
        workspacePath,
        input: { repoName: 'orders-api' },
      }),
    );

    await expect(
      createAction().handler(
        createMockActionContext({
          workspacePath,
          input: { repoName: 'orders-api' },
        }),
      ),
    ).rejects.toThrow("Repository 'orders-api' already exists");
  });

  it('rejects an invalid repository name with the field name', async () => {
    for (const repoName of ['../escape', 'a/b', 'repo.git', '-dash', '']) {
      const ctx = createMockActionContext({
        workspacePath,
        input: { repoName },
      });
      await expect(createAction().handler(ctx)).rejects.toThrow(
        `Invalid repoName '${repoName}'`,
      );
    }
    expect(fs.existsSync(repositoriesDirectory)).toBe(false);
  });

  it('rejects a sourcePath outside the workspace', async () => {
    const ctx = createMockActionContext({
      workspacePath,
      input: { repoName: 'orders-api', sourcePath: '../..' },
    });

    await expect(createAction().handler(ctx)).rejects.toThrow(/outside/);
  });

  it('creates no repository in a dry run', async () => {
    // createMockActionContext drops isDryRun, so it is set afterwards.
    const ctx = {
      ...createMockActionContext({
        workspacePath,
        input: { repoName: 'orders-api' },
      }),
      isDryRun: true,
    };

    await createAction().handler(ctx);

    expect(fs.existsSync(repositoriesDirectory)).toBe(false);
    expect(ctx.output).toHaveBeenCalledWith(
      'catalogInfoUrl',
      'http://localhost:7007/api/ecs-ec2/git/orders-api/blob/main/catalog-info.yaml',
    );
  });

  it('rejects a sourcePath that does not exist', async () => {
    const ctx = createMockActionContext({
      workspacePath,
      input: { repoName: 'orders-api', sourcePath: 'missing' },
    });

    await expect(createAction().handler(ctx)).rejects.toThrow(
      "Invalid sourcePath 'missing': no such directory in the workspace",
    );
  });

  it('runs every documented example', async () => {
    await fs.promises.mkdir(path.join(workspacePath, 'service'));
    await fs.promises.writeFile(
      path.join(workspacePath, 'service', 'Dockerfile'),
      'FROM scratch\n',
    );
    const action = createAction();
    for (const [index, example] of (action.examples ?? []).entries()) {
      const step = yaml.parse(example.example).steps[0];
      const ctx = createMockActionContext({
        workspacePath,
        input: { ...step.input, repoName: `example-${index}` },
      });
      await action.handler(ctx);
      expect(
        fs.existsSync(path.join(repositoriesDirectory, `example-${index}.git`)),
      ).toBe(true);
    }
  });
});
