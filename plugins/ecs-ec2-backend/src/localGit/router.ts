import { LifecycleService, LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
  toError,
} from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import {
  removeDefaultLocalGitDirectoryOnShutdown,
  resolveLocalGitDirectory,
} from './config';
import { isValidBranchName } from './branchName';
import { LocalGitRepositories } from './LocalGitRepositories';
import { isValidRepositoryName } from './repositoryName';
import { runUploadPack, sendUploadPackAdvertisement } from './smartHttp';

/** @public */
export interface LocalGitRouterOptions {
  config: Config;
  logger: LoggerService;
  /**
   * Lifecycle whose shutdown deletes the default temporary directory. Pass
   * the root lifecycle: the scaffolder module shares that directory, and root
   * shutdown hooks run after every plugin has stopped.
   */
  lifecycle: LifecycleService;
}

function parseRepositoryName(raw: string, suffix: '' | '.git'): string {
  if (suffix && !raw.endsWith(suffix)) {
    throw new NotFoundError(`Repository path '${raw}' must end in '.git'`);
  }
  const name = suffix ? raw.slice(0, -suffix.length) : raw;
  if (!isValidRepositoryName(name)) {
    throw new InputError(
      `Invalid repository name '${name}': use letters, digits, '.', '-' or '_' without '..'`,
    );
  }
  return name;
}

/** Rejects a branch name that git itself would reject, such as `../../HEAD`. */
function parseBranchName(raw: string): string {
  if (!isValidBranchName(raw)) {
    throw new InputError(
      `Invalid branch '${raw}': use a git branch name without '..', '\\', control characters, a leading '/' or '-', or a segment starting with '.'`,
    );
  }
  return raw;
}

/**
 * Rejects a file path that is empty, absolute or leaves the repository root
 * through a `.` or `..` segment. Express has already decoded percent escapes,
 * so `%2e%2e%2f` arrives here as `../`.
 */
function parseFilePath(raw: string): string {
  const segments = raw.split('/');
  const invalid =
    raw.length === 0 ||
    raw.includes('\\') ||
    raw.includes('\0') ||
    segments.some(segment => segment === '' || segment === '.' || segment === '..');
  if (invalid) {
    throw new InputError(
      `Invalid file path '${raw}': give a path relative to the repository root without '.', '..' or empty segments`,
    );
  }
  return raw;
}

/**
 * Runs git for one request of a repository. A malformed request (400) and a
 * missing git binary (503) keep their status. Any other failure is logged
 * with the repository name and becomes a 500 whose message contains no
 * server path, because git's own messages name the git directory.
 */
async function runGit(
  repository: string,
  logger: LoggerService,
  run: () => Promise<void>,
): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (error instanceof InputError || error instanceof ServiceUnavailableError) {
      throw error;
    }
    logger.error(
      `git upload-pack failed for repository '${repository}'`,
      toError(error),
    );
    throw new Error(
      `git upload-pack failed for repository '${repository}'; see the backend log for the cause`,
    );
  }
}

/**
 * Creates the read-only git host of the demo portal, meant to be mounted at
 * `/git` of the `ecs-ec2` plugin:
 *
 * - `GET /<repo>/blob/<branch>/<path>` returns a file raw, so the catalog can
 *   read `catalog-info.yaml` from a `url` location;
 * - `GET /<repo>.git/info/refs?service=git-upload-pack` and
 *   `POST /<repo>.git/git-upload-pack` serve `git clone` over smart HTTP.
 *
 * Nothing here writes: the `ecs-ec2:publish:local` action creates the
 * repositories, and push requests get 403.
 *
 * @public
 */
export async function createLocalGitRouter(
  options: LocalGitRouterOptions,
): Promise<express.Router> {
  const { config, logger, lifecycle } = options;
  const repositories = new LocalGitRepositories(
    resolveLocalGitDirectory(config),
  );
  removeDefaultLocalGitDirectoryOnShutdown({ config, lifecycle, logger });
  const router = Router();

  router.get('/:repository/blob/:branch/*', async (req, res) => {
    const name = parseRepositoryName(req.params.repository, '');
    const branch = parseBranchName(req.params.branch);
    const filePath = parseFilePath((req.params as Record<string, string>)[0]);

    const content = await repositories.readFile(name, branch, filePath);

    // Plain text with nosniff, like raw file hosts, so a browser never renders
    // a published HTML file as a page of the portal.
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.send(content);
  });

  router.get('/:repository/info/refs', async (req, res) => {
    const name = parseRepositoryName(req.params.repository, '.git');
    const service = req.query.service;
    if (service === 'git-receive-pack') {
      throw new NotAllowedError(
        `Repository '${name}' is read-only: the portal's git host does not accept pushes`,
      );
    }
    if (service !== 'git-upload-pack') {
      throw new InputError(
        "Only git's smart HTTP protocol is served: request info/refs with service=git-upload-pack",
      );
    }
    if (!(await repositories.exists(name))) {
      throw new NotFoundError(`Repository '${name}' not found`);
    }

    const gitDirectory = repositories.gitDirectory(name);
    await runGit(name, logger, () => sendUploadPackAdvertisement(gitDirectory, res));
  });

  router.post('/:repository/git-upload-pack', async (req, res) => {
    const name = parseRepositoryName(req.params.repository, '.git');
    if (!(await repositories.exists(name))) {
      throw new NotFoundError(`Repository '${name}' not found`);
    }

    const gitDirectory = repositories.gitDirectory(name);
    await runGit(name, logger, () =>
      runUploadPack({ repository: name, gitDirectory, req, res, logger }),
    );
  });

  router.post('/:repository/git-receive-pack', async req => {
    throw new NotAllowedError(
      `Repository '${req.params.repository}' is read-only: the portal's git host does not accept pushes`,
    );
  });

  return router;
}
