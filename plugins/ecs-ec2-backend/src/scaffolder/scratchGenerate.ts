// Temporary stand-in until the real generate action lands; not committed.
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { InputError } from '@backstage/errors';
import { parseServiceSpec } from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import fs from 'node:fs';
import path from 'node:path';
import { generateTerraform } from './terraform';

export function createGenerateTerraformAction(_options?: unknown) {
  return createTemplateAction({
    id: 'ecs-ec2:terraform:generate',
    supportsDryRun: true,
    async handler(ctx) {
      const input = { ...(ctx.input as any) };
      delete input.targetPath;
      const parsed = parseServiceSpec(input);
      if (!parsed.spec) {
        throw new InputError(parsed.problems.map(p => `${p.field}: ${p.message}`).join('\n'));
      }
      const files = await generateTerraform(parsed.spec);
      for (const [name, text] of Object.entries(files)) {
        const target = path.join(ctx.workspacePath, 'terraform', name);
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, text);
      }
    },
  });
}
