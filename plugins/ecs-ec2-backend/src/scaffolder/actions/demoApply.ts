import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import fs from 'node:fs';
import path from 'node:path';
import { examples } from './demoApply.examples';

/** @public */
export interface DemoApplyActionOptions {
  /**
   * Base URL of the ECS simulator, or undefined when the portal has none. The
   * action then skips the apply and logs that in the task log.
   */
  simulatorUrl?: string;
}

/** Configuration files and the variable files Terraform loads by itself. */
function isTerraformInput(name: string): boolean {
  return (
    name.endsWith('.tf') ||
    name === 'terraform.tfvars' ||
    name.endsWith('.auto.tfvars')
  );
}

/** Folders that hold Terraform's own downloads, never configuration to apply. */
const SKIPPED_DIRECTORIES = new Set(['.terraform', '.git', 'node_modules']);

async function collectTerraformFiles(
  root: string,
): Promise<Record<string, string>> {
  const files: Record<string, string> = {};

  async function walk(directory: string) {
    const entries = await fs.promises.readdir(directory, {
      withFileTypes: true,
    });
    for (const entry of entries) {
      const absolute = path.join(directory, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) {
          await walk(absolute);
        }
      } else if (entry.isFile() && isTerraformInput(entry.name)) {
        const relative = path
          .relative(root, absolute)
          .split(path.sep)
          .join('/');
        files[relative] = await fs.promises.readFile(absolute, 'utf8');
      }
    }
  }

  await walk(root);
  return files;
}

function describeFailure(status: number, body: string): string {
  try {
    const parsed = JSON.parse(body);
    // The simulator returns `{ "error": "..." }`, and AWS-style bodies nest a message.
    const message =
      typeof parsed?.error === 'string'
        ? parsed.error
        : parsed?.error?.message ?? parsed?.message;
    if (typeof message === 'string') {
      return `HTTP ${status}: ${message}`;
    }
  } catch {
    // Not JSON: the raw text follows.
  }
  return `HTTP ${status}: ${body.slice(0, 500)}`;
}

/**
 * Creates the `ecs-ec2:demo:apply` action, the demo portal's stand-in for a
 * GitOps pipeline: it sends the Terraform files of the workspace to the ECS
 * simulator (`POST <simulatorUrl>/_admin/apply`), which creates the cluster,
 * capacity providers and service in the simulated account. Only the demo
 * template path uses it, after `ecs-ec2:publish:local`.
 *
 * @public
 */
export function createDemoApplyAction(options: DemoApplyActionOptions) {
  const { simulatorUrl } = options;

  return createTemplateAction({
    id: 'ecs-ec2:demo:apply',
    description:
      'Applies the Terraform of the workspace to the ECS simulator, as a GitOps pipeline would after a push. Skips when no simulator is configured.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        path: z =>
          z
            .string({
              description:
                'Workspace subdirectory with the `.tf` files, searched recursively. Defaults to the whole workspace.',
            })
            .optional(),
      },
      output: {
        applied: z =>
          z.boolean({
            description:
              'Whether the simulator applied the Terraform; false when no simulator is configured or in a dry run.',
          }),
      },
    },

    async handler(ctx) {
      const root = resolveSafeChildPath(
        ctx.workspacePath,
        ctx.input.path ?? '.',
      );
      const files = await collectTerraformFiles(root);
      const names = Object.keys(files).sort();
      if (names.length === 0) {
        throw new InputError(
          `No Terraform files (*.tf) found under '${
            ctx.input.path ?? '.'
          }' of the workspace; run ecs-ec2:terraform:generate first or fix the path input`,
        );
      }

      if (!simulatorUrl) {
        ctx.logger.info(
          'Skipping the simulated apply: neither ecsEc2.localGit.applyTo nor ecsEc2.aws.endpoint is configured',
        );
        ctx.output('applied', false);
        return;
      }

      const applyUrl = `${simulatorUrl.replace(/\/+$/, '')}/_admin/apply`;
      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would apply ${names.join(', ')} to ${applyUrl}`,
        );
        ctx.output('applied', false);
        return;
      }

      ctx.logger.info(`Applying ${names.join(', ')} to ${applyUrl}`);
      const resourceCount = await ctx.checkpoint({
        key: 'ecs-ec2.demo.apply',
        fn: async (): Promise<number> => {
          let response: Response;
          try {
            response = await fetch(applyUrl, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({ files }),
            });
          } catch (error) {
            throw new Error(
              `Simulated apply failed: could not reach the ECS simulator at ${applyUrl} (${
                (error as Error).message
              }); start the simulator or fix ecsEc2.localGit.applyTo`,
            );
          }
          if (!response.ok) {
            throw new Error(
              `Simulated apply failed: the ECS simulator at ${applyUrl} rejected the Terraform with ${describeFailure(
                response.status,
                await response.text(),
              )}`,
            );
          }
          const result = (await response.json()) as { resources?: unknown[] };
          return result.resources?.length ?? 0;
        },
      });

      ctx.logger.info(
        `The ECS simulator applied the Terraform and created ${resourceCount} resources`,
      );
      ctx.output('applied', true);
    },
  });
}
