import {
  coreServices,
  createBackendPlugin,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Router from 'express-promise-router';
import request from 'supertest';
import zlib from 'node:zlib';
import { ecsEc2Plugin } from '../plugin';
import { resolveLocalGitDirectory } from './config';
import { LocalGitRepositories } from './LocalGitRepositories';
import { createLocalGitRouter } from './router';

const execFileAsync = promisify(execFile);

/** The logger that the git host of the test plugin writes to. */
let gitHostLogger: LoggerService;

/** Mounts the git host the way the `ecs-ec2` plugin does, at `/git` without authentication. */
const gitHostPlugin = createBackendPlugin({
  pluginId: 'ecs-ec2',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        rootLifecycle: coreServices.rootLifecycle,
      },
      async init({ httpRouter, config, logger, rootLifecycle }) {
        gitHostLogger = logger;
        const router = Router();
        router.use(
          '/git',
          await createLocalGitRouter({ config, logger, lifecycle: rootLifecycle }),
        );
        httpRouter.use(router);
        httpRouter.addAuthPolicy({ path: '/git', allow: 'unauthenticated' });
      },
    });
  },
});

/** Encodes one pkt-line of git's protocol: four hex digits of length, then the payload. */
function pktLine(payload: string): string {
  return (payload.length + 4).toString(16).padStart(4, '0') + payload;
}

/** Sends a GET with the path exactly as given, because HTTP clients normalize `../`. */
function getRaw(port: number, rawPath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: rawPath }, res => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .on('error', reject);
  });
}

describe('createLocalGitRouter', () => {
  let root: string;
  let server: http.Server;
  let port: number;
  let baseUrl: string;
  let commitId: string;

  beforeAll(async () => {
    root = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'local-git-router-'));
    const workspace = path.join(root, 'workspace');
    await fs.promises.mkdir(path.join(workspace, 'terraform'), { recursive: true });
    await fs.promises.writeFile(
      path.join(workspace, 'catalog-info.yaml'),
      'kind: Component\nmetadata:\n  name: orders-api\n',
    );
    await fs.promises.writeFile(
      path.join(workspace, 'terraform', 'main.tf'),
      'resource "aws_ecs_cluster" "this" {}\n',
    );

    const repositories = new LocalGitRepositories(path.join(root, 'repos'));
    commitId = await repositories.create('orders-api', workspace, {
      message: 'Initial commit',
      authorName: 'Test',
      authorEmail: 'test@example.com',
    });

    // A directory that is not a git repository, so git itself fails on it.
    await fs.promises.mkdir(path.join(root, 'repos', 'broken.git'));

    const backend = await startTestBackend({
      features: [
        gitHostPlugin,
        mockServices.rootConfig.factory({
          data: { ecsEc2: { localGit: { directory: path.join(root, 'repos') } } },
        }),
      ],
    });
    server = backend.server;
    port = (server.address() as AddressInfo).port;
    baseUrl = `http://127.0.0.1:${port}/api/ecs-ec2/git`;
  });

  afterAll(async () => {
    await fs.promises.rm(root, { recursive: true, force: true });
  });

  describe('GET /:repository/blob/:branch/*', () => {
    it('returns a file raw without authentication', async () => {
      const response = await request(server).get(
        '/api/ecs-ec2/git/orders-api/blob/main/catalog-info.yaml',
      );

      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(response.text).toBe('kind: Component\nmetadata:\n  name: orders-api\n');
    });

    it('returns a file in a subdirectory', async () => {
      const response = await request(server).get(
        '/api/ecs-ec2/git/orders-api/blob/main/terraform/main.tf',
      );

      expect(response.status).toBe(200);
      expect(response.text).toContain('aws_ecs_cluster');
    });

    it('returns 404 for a missing file, directory, branch or repository', async () => {
      const paths = [
        '/api/ecs-ec2/git/orders-api/blob/main/missing.yaml',
        '/api/ecs-ec2/git/orders-api/blob/main/terraform',
        '/api/ecs-ec2/git/orders-api/blob/develop/catalog-info.yaml',
        '/api/ecs-ec2/git/unknown/blob/main/catalog-info.yaml',
      ];
      for (const requestPath of paths) {
        const response = await request(server).get(requestPath);
        expect({ requestPath, status: response.status }).toEqual({
          requestPath,
          status: 404,
        });
      }
    });

    it('rejects path traversal, literal or percent-encoded, with 400', async () => {
      const paths = [
        '/api/ecs-ec2/git/orders-api/blob/main/../../../../etc/passwd',
        '/api/ecs-ec2/git/orders-api/blob/main/terraform/../../orders-api.git/config',
        '/api/ecs-ec2/git/orders-api/blob/main/%2e%2e/%2e%2e/config',
        '/api/ecs-ec2/git/orders-api/blob/main/terraform%2F..%2F..%2Fconfig',
        '/api/ecs-ec2/git/orders-api/blob/main/.%2Fcatalog-info.yaml',
        '/api/ecs-ec2/git/orders-api/blob/main/terraform%5C..%5Cmain.tf',
        '/api/ecs-ec2/git/%2e%2e/blob/main/catalog-info.yaml',
        '/api/ecs-ec2/git/..%2Frepos/blob/main/catalog-info.yaml',
      ];
      for (const requestPath of paths) {
        const status = await getRaw(port, requestPath);
        // Express itself returns 404 when a literal `..` leaves no match;
        // both mean that nothing outside the repository was read.
        expect({ requestPath, rejected: [400, 404].includes(status) }).toEqual({
          requestPath,
          rejected: true,
        });
      }
    });

    it('names the field in the 400 for a bad file path', async () => {
      const response = await request(server).get(
        '/api/ecs-ec2/git/orders-api/blob/main/%2e%2e/config',
      );

      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain("Invalid file path '../config'");
    });

    it('rejects an invalid branch name with 400', async () => {
      const branches = [
        '..%2f..%2fHEAD',
        '%2fmain',
        '-main',
        'main%5Cx',
        'feature%2F.hidden',
        'main.lock',
        'main%0a',
        'a%2F%2Fb',
        'HEAD',
        'main@%7B1%7D',
      ];
      for (const branch of branches) {
        const response = await request(server).get(
          `/api/ecs-ec2/git/orders-api/blob/${branch}/catalog-info.yaml`,
        );
        expect({ branch, status: response.status }).toEqual({ branch, status: 400 });
        expect(response.body.error.message).toContain('Invalid branch');
      }
    });

    it('names the branch in the 400 for a traversal through refs', async () => {
      const response = await request(server).get(
        '/api/ecs-ec2/git/orders-api/blob/..%2f..%2fHEAD/catalog-info.yaml',
      );

      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain("Invalid branch '../../HEAD'");
    });

    it('accepts a branch name with slashes', async () => {
      const response = await request(server).get(
        '/api/ecs-ec2/git/orders-api/blob/feature%2Fdocs/catalog-info.yaml',
      );

      expect(response.status).toBe(404);
      expect(response.body.error.message).toContain("Branch 'feature/docs' not found");
    });

    it('rejects an invalid repository name with 400', async () => {
      const response = await request(server).get(
        '/api/ecs-ec2/git/-bad%20name/blob/main/catalog-info.yaml',
      );

      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain("Invalid repository name '-bad name'");
    });
  });

  describe('smart HTTP', () => {
    it('serves git clone of the repository', async () => {
      const target = path.join(root, 'clone');

      await execFileAsync('git', ['clone', `${baseUrl}/orders-api.git`, target]);

      const catalogInfo = await fs.promises.readFile(
        path.join(target, 'catalog-info.yaml'),
        'utf8',
      );
      expect(catalogInfo).toContain('name: orders-api');
      const { stdout } = await execFileAsync('git', ['-C', target, 'log', '--format=%s|%an']);
      expect(stdout.trim()).toBe('Initial commit|Test');
    });

    it('fails git clone of an unknown repository', async () => {
      await expect(
        execFileAsync('git', ['clone', `${baseUrl}/unknown.git`, path.join(root, 'none')]),
      ).rejects.toThrow(/not found|404/);
    });

    it('rejects a push with 403', async () => {
      const advertisement = await request(server).get(
        '/api/ecs-ec2/git/orders-api.git/info/refs?service=git-receive-pack',
      );
      const pack = await request(server)
        .post('/api/ecs-ec2/git/orders-api.git/git-receive-pack')
        .send('0000');

      expect(advertisement.status).toBe(403);
      expect(pack.status).toBe(403);
    });

    it('rejects the dumb protocol with 400', async () => {
      const response = await request(server).get(
        '/api/ecs-ec2/git/orders-api.git/info/refs',
      );

      expect(response.status).toBe(400);
    });

    it('answers 404 for a clone path without .git', async () => {
      const response = await request(server).get(
        '/api/ecs-ec2/git/orders-api/info/refs?service=git-upload-pack',
      );

      expect(response.status).toBe(404);
    });
  });

  describe('POST /:repository.git/git-upload-pack errors', () => {
    function uploadPack(body: string | Buffer, repository = 'orders-api') {
      return request(server)
        .post(`/api/ecs-ec2/git/${repository}.git/git-upload-pack`)
        .set('Content-Type', 'application/x-git-upload-pack-request')
        .send(body);
    }

    const fetchRequest = () =>
      `${pktLine(`want ${commitId}\n`)}0000${pktLine('done\n')}`;

    it('rejects a garbage body with 400 and no server path', async () => {
      const response = await uploadPack('garbage body here');

      expect(response.status).toBe(400);
      expect(response.body.error.message).toBe(
        'Invalid git-upload-pack request: expected a pkt-line length of four hex digits, got "garb"',
      );
      expect(response.text).not.toContain('/tmp');
      expect(response.text).not.toContain(root);
    });

    it('names the fault of each malformed body in the 400', async () => {
      const cases: Array<[string, string]> = [
        ['', 'the body is empty'],
        ['0000', "the first pkt-line must be 'want <object id>', got the flush packet 0000"],
        [`${pktLine('hello\n')}0000`, "the first pkt-line must be 'want <object id>', got \"hello\\n\""],
        ['0003', 'pkt-line length "0003" is outside 0004 to fff0'],
        [pktLine(`want ${commitId}\n`).slice(0, 20), 'the body ends inside a pkt-line'],
        [
          `${pktLine(`want ${commitId}\n`)}${pktLine('hello\n')}0000`,
          "protocol error, expected to get object ID, not 'hello'",
        ],
      ];
      for (const [body, reason] of cases) {
        const response = await uploadPack(body);

        expect({ body, status: response.status }).toEqual({ body, status: 400 });
        expect(response.body.error.message).toContain(
          `Invalid git-upload-pack request: ${reason}`,
        );
        expect(response.text).not.toContain(root);
      }
    });

    it('rejects a body that is not the gzip its header announces', async () => {
      const response = await uploadPack(fetchRequest()).set('Content-Encoding', 'gzip');

      expect(response.status).toBe(400);
      expect(response.body.error.message).toBe(
        'Invalid git-upload-pack request: the body is not valid gzip, though Content-Encoding says gzip',
      );
    });

    it('serves a packfile for a gzip-compressed request', async () => {
      const response = await uploadPack(zlib.gzipSync(fetchRequest()))
        .set('Content-Encoding', 'gzip')
        .responseType('blob');

      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/x-git-upload-pack-result');
      expect((response.body as Buffer).includes('PACK')).toBe(true);
    });

    it('returns 500 without a server path and logs the git failure', async () => {
      const loggedErrors = jest.spyOn(gitHostLogger, 'error');
      const brokenDirectory = path.join(root, 'repos', 'broken.git');

      const advertisement = await request(server).get(
        '/api/ecs-ec2/git/broken.git/info/refs?service=git-upload-pack',
      );
      const pack = await uploadPack(fetchRequest(), 'broken');

      for (const response of [advertisement, pack]) {
        expect(response.status).toBe(500);
        expect(response.body.error.message).toBe(
          "git upload-pack failed for repository 'broken'; see the backend log for the cause",
        );
        expect(response.text).not.toContain(root);
      }
      expect(loggedErrors).toHaveBeenCalledTimes(2);
      for (const [message, cause] of loggedErrors.mock.calls) {
        expect(message).toBe("git upload-pack failed for repository 'broken'");
        expect((cause as Error).message).toContain(brokenDirectory);
      }
      loggedErrors.mockRestore();
    });
  });
});

describe('local git directory at backend shutdown', () => {
  /** Starts the real `ecs-ec2` plugin with its git host turned on. */
  function startPortalBackend(directory?: string) {
    return startTestBackend({
      features: [
        ecsEc2Plugin,
        mockServices.rootConfig.factory({
          data: { ecsEc2: { localGit: { enabled: true, directory } } },
        }),
        catalogServiceMock.factory(),
      ],
    });
  }

  it('removes the default temporary directory', async () => {
    const backend = await startPortalBackend();
    // The plugin made the default directory already, so this returns that one.
    const directory = resolveLocalGitDirectory(new ConfigReader({}));
    expect(path.basename(directory)).toMatch(/^backstage-ecs-ec2-git-/);
    expect(fs.existsSync(directory)).toBe(true);

    await backend.stop();

    expect(fs.existsSync(directory)).toBe(false);
  });

  it('keeps a configured directory and its repositories', async () => {
    const directory = await fs.promises.mkdtemp(
      path.join(os.tmpdir(), 'local-git-configured-'),
    );
    await fs.promises.mkdir(path.join(directory, 'orders-api.git'));

    try {
      const backend = await startPortalBackend(directory);
      await backend.stop();

      expect(fs.existsSync(path.join(directory, 'orders-api.git'))).toBe(true);
    } finally {
      await fs.promises.rm(directory, { recursive: true, force: true });
    }
  });
});
