import { LifecycleService, LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { toError } from '@backstage/errors';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Path of the git host under the `ecs-ec2` backend plugin's base URL. */
export const LOCAL_GIT_ROUTE_PREFIX = '/git';

let defaultDirectory: string | undefined;

/**
 * Returns the directory of the portal's repositories:
 * `ecsEc2.localGit.directory`, or else one temporary directory per backend
 * process. The scaffolder module and the `ecs-ec2` plugin call this
 * separately, so the default is created once and shared.
 */
export function resolveLocalGitDirectory(config: Config): string {
  const configured = config.getOptionalString('ecsEc2.localGit.directory');
  if (configured) {
    return path.resolve(configured);
  }
  if (!defaultDirectory) {
    defaultDirectory = fs.mkdtempSync(
      path.join(os.tmpdir(), 'backstage-ecs-ec2-git-'),
    );
  }
  return defaultDirectory;
}

/** Default directories whose removal is already registered. */
const directoriesWithHook = new Set<string>();

/**
 * Registers a shutdown hook that deletes the default temporary directory, so
 * backend restarts leave no `backstage-ecs-ec2-git-*` folders behind. Does
 * nothing when `ecsEc2.localGit.directory` is set: the hook only ever deletes
 * the directory that `resolveLocalGitDirectory` created itself.
 */
export function removeDefaultLocalGitDirectoryOnShutdown(options: {
  config: Config;
  lifecycle: LifecycleService;
  logger: LoggerService;
}) {
  const { config, lifecycle, logger } = options;
  // The git host and the scaffolder module both call this; one hook is enough.
  const directory = resolveLocalGitDirectory(config);
  if (directory !== defaultDirectory || directoriesWithHook.has(directory)) {
    return;
  }
  directoriesWithHook.add(directory);

  lifecycle.addShutdownHook(async () => {
    // A backend started later in the same process gets a new directory.
    if (defaultDirectory === directory) {
      defaultDirectory = undefined;
    }
    directoriesWithHook.delete(directory);
    try {
      await fs.promises.rm(directory, { recursive: true, force: true });
      logger.info(`Removed the temporary git directory ${directory}`);
    } catch (error) {
      logger.warn(
        `Failed to remove the temporary git directory ${directory}`,
        toError(error),
      );
    }
  });
}

/**
 * Returns the simulator URL that receives the Terraform of a published
 * repository: `ecsEc2.localGit.applyTo`, else `ecsEc2.aws.endpoint`, else
 * undefined (no simulated apply).
 */
export function resolveApplyUrl(config: Config): string | undefined {
  return (
    config.getOptionalString('ecsEc2.localGit.applyTo') ??
    config.getOptionalString('ecsEc2.aws.endpoint')
  );
}
