import {
  DiscoveryService,
  resolveSafeChildPath,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'node:fs';
import {
  DEFAULT_BRANCH,
  LOCAL_GIT_ROUTE_PREFIX,
  LocalGitRepositories,
  assertValidRepositoryName,
} from '../../localGit';
import { examples } from './publishLocal.examples';

/** @public */
export interface PublishLocalActionOptions {
  /** Directory of the portal's bare repositories, shared with the git host router. */
  directory: string;
  discovery: DiscoveryService;
}

/**
 * Creates the `ecs-ec2:publish:local` action: commits the task workspace into
 * a new repository on the demo portal's own git host, for portals without a
 * GitHub or GitLab integration. Its outputs match `publish:github`, so
 * `catalog:register` can take `catalogInfoUrl` as is.
 *
 * @public
 */
export function createPublishLocalAction(options: PublishLocalActionOptions) {
  const repositories = new LocalGitRepositories(options.directory);

  return createTemplateAction({
    id: 'ecs-ec2:publish:local',
    description:
      "Commits the workspace into a new read-only repository on the portal's own git host.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        repoName: z =>
          z.string({
            description:
              "Repository name: letters, digits, '.', '-' or '_', at most 100 characters. The repository must not exist yet.",
          }),
        sourcePath: z =>
          z
            .string({
              description:
                'Workspace subdirectory to commit. Defaults to the whole workspace.',
            })
            .optional(),
        catalogInfoPath: z =>
          z
            .string({
              description:
                'Path of the catalog descriptor in the repository, for `catalogInfoUrl`. Defaults to `/catalog-info.yaml`.',
            })
            .optional(),
        gitCommitMessage: z =>
          z
            .string({ description: 'Message of the initial commit.' })
            .optional(),
        gitAuthorName: z =>
          z
            .string({ description: 'Author name of the initial commit.' })
            .optional(),
        gitAuthorEmail: z =>
          z
            .string({ description: 'Author email of the initial commit.' })
            .optional(),
      },
      output: {
        remoteUrl: z =>
          z.string({ description: 'Clone URL of the new repository.' }),
        repoContentsUrl: z =>
          z.string({
            description: 'Base URL of the files on the default branch.',
          }),
        catalogInfoUrl: z =>
          z.string({ description: 'URL of the catalog descriptor.' }),
        commitHash: z =>
          z.string({ description: 'Id of the initial commit.' }).optional(),
      },
    },

    async handler(ctx) {
      const {
        repoName,
        sourcePath,
        catalogInfoPath = '/catalog-info.yaml',
        gitCommitMessage = 'Initial commit',
        gitAuthorName = 'Backstage Scaffolder',
        gitAuthorEmail = 'scaffolder@backstage.io',
      } = ctx.input;

      assertValidRepositoryName(repoName);
      const sourceDirectory = resolveSafeChildPath(
        ctx.workspacePath,
        sourcePath ?? '.',
      );
      if (
        !fs.statSync(sourceDirectory, { throwIfNoEntry: false })?.isDirectory()
      ) {
        throw new InputError(
          `Invalid sourcePath '${sourcePath}': no such directory in the workspace`,
        );
      }

      const baseUrl = `${await options.discovery.getExternalBaseUrl(
        'ecs-ec2',
      )}${LOCAL_GIT_ROUTE_PREFIX}`;
      const remoteUrl = `${baseUrl}/${repoName}.git`;
      const repoContentsUrl = `${baseUrl}/${repoName}/blob/${DEFAULT_BRANCH}`;
      const catalogInfoUrl = `${repoContentsUrl}/${catalogInfoPath.replace(
        /^\/+/,
        '',
      )}`;

      ctx.output('remoteUrl', remoteUrl);
      ctx.output('repoContentsUrl', repoContentsUrl);
      ctx.output('catalogInfoUrl', catalogInfoUrl);

      if (ctx.isDryRun) {
        ctx.logger.info(`Dry run: would create repository ${remoteUrl}`);
        return;
      }

      // The checkpoint keeps a resumed task from failing on the repository
      // that its first attempt already created.
      const commitHash = await ctx.checkpoint({
        key: `ecs-ec2.publish.local.${repoName}`,
        fn: () =>
          repositories.create(repoName, sourceDirectory, {
            message: gitCommitMessage,
            authorName: gitAuthorName,
            authorEmail: gitAuthorEmail,
          }),
      });

      ctx.output('commitHash', commitHash);
      ctx.logger.info(
        `Created repository ${remoteUrl} at commit ${commitHash}`,
      );
    },
  });
}
