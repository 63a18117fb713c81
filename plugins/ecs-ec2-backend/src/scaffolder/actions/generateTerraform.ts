import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  formatValidationProblems,
  parseServiceSpec,
  serviceSpecSchema,
} from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import fs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { generateTerraform, WORKFLOW_PATH } from '../terraform';
import { examples } from './generateTerraform.examples';

/**
 * Options of {@link createGenerateTerraformAction}. None yet; the object keeps
 * the signature stable when options arrive.
 *
 * @public
 */
export interface GenerateTerraformActionOptions {}

/*
 * The declared input schema states types and descriptions only (the spec
 * schema has no value rules), so the task runner's JSON Schema check rejects
 * wrong types, and the handler reports every rule violation in one InputError.
 */
const inputSchema = serviceSpecSchema.extend({
  targetPath: z
    .string()
    .optional()
    .describe(
      'Folder inside the workspace to write the Terraform files to. Defaults to the workspace root.',
    ),
});

/*
 * The spec schema is built with this repository's zod, while the scaffolder
 * types its schema callbacks with its own zod copy. The types differ, but the
 * runtime schema is plain zod 3, which the scaffolder converts to JSON Schema.
 */
const inputSchemaCallback = (() => inputSchema) as unknown as (
  zImpl: unknown,
) => any;

/** Resolves `targetPath` inside the workspace, rejecting paths that leave it. */
function resolveTarget(
  workspacePath: string,
  targetPath: string | undefined,
): string {
  const root = path.resolve(workspacePath);
  const target = path.resolve(root, targetPath ?? '.');
  if (target !== root && !target.startsWith(`${root}${path.sep}`)) {
    throw new InputError(
      `targetPath: "${targetPath}" is outside the workspace; use a relative path without "..".`,
    );
  }
  return target;
}

/**
 * Creates the `ecs-ec2:terraform:generate` action: validates an ECS-on-EC2
 * service spec and writes its Terraform repository into the workspace.
 *
 * @public
 */
export function createGenerateTerraformAction(
  _options: GenerateTerraformActionOptions = {},
) {
  return createTemplateAction({
    id: 'ecs-ec2:terraform:generate',
    description:
      'Validates an ECS service on EC2 capacity (cluster, instance pools, capacity providers, task, deployment) and writes its Terraform, README and CI workflow into the workspace.',
    examples,
    supportsDryRun: true,
    schema: {
      input: inputSchemaCallback,
      output: {
        files: z =>
          z
            .array(z.string())
            .describe('Paths of the written files, relative to the workspace.'),
        targetPath: z =>
          z
            .string()
            .describe(
              'Folder the files were written to, relative to the workspace.',
            ),
        spec: z =>
          z
            .record(z.unknown())
            .describe(
              'The validated spec with its defaults, for ecs-ec2:target:check.',
            ),
      },
    },
    async handler(ctx) {
      const { targetPath, ...input } = ctx.input as unknown as z.input<
        typeof inputSchema
      >;

      // Validation first, for form and API callers alike; nothing is written
      // unless the whole spec is valid.
      const target = resolveTarget(ctx.workspacePath, targetPath);
      const { spec, problems } = parseServiceSpec(input);
      if (!spec) {
        throw new InputError(
          `Invalid ECS service spec, ${
            problems.length
          } problem(s):\n${formatValidationProblems(problems)}`,
        );
      }

      // Rendering is pure and writes only to the workspace, so a dry run does
      // the same and the template editor previews the files. The action makes
      // no AWS or source-control call.
      const relativeTarget =
        path.relative(ctx.workspacePath, target).split(path.sep).join('/') || '.';
      const files = await generateTerraform(spec, { workingDirectory: relativeTarget });

      const written: string[] = [];
      for (const [name, content] of Object.entries(files)) {
        // GitHub runs workflows only from the repository root.
        const base = name === WORKFLOW_PATH ? ctx.workspacePath : target;
        const filePath = path.join(base, name);
        await fs.mkdir(path.dirname(filePath), { recursive: true });
        await fs.writeFile(filePath, content, 'utf8');
        written.push(
          path.relative(ctx.workspacePath, filePath).split(path.sep).join('/'),
        );
      }

      ctx.logger.info(
        `Wrote ${written.length} Terraform files for service ${
          spec.service.name
        } to ${path.relative(ctx.workspacePath, target) || '.'}${
          ctx.isDryRun ? ' (dry run)' : ''
        }`,
      );
      ctx.output('files', written);
      ctx.output('spec', spec as unknown as Record<string, unknown>);
      ctx.output(
        'targetPath',
        path.relative(ctx.workspacePath, target).split(path.sep).join('/') ||
          '.',
      );
    },
  });
}
