import { createMockDirectory } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { parse } from '@cdktf/hcl2json';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import yaml from 'yaml';
import { referenceInput } from '../terraform/testing/serviceSpecs';
import { createGenerateTerraformAction } from './generateTerraform';
import { examples } from './generateTerraform.examples';

describe('ecs-ec2:terraform:generate', () => {
  const workspace = createMockDirectory();
  const action = createGenerateTerraformAction();

  beforeEach(() => {
    workspace.clear();
  });

  function context(input: unknown, isDryRun = false) {
    return createMockActionContext({
      input: input as any,
      workspacePath: workspace.path,
      isDryRun,
    });
  }

  function workspaceFiles(): string[] {
    return fs.readdirSync(workspace.path, { recursive: true }) as string[];
  }

  it.each(examples.map(example => [example.description, example]))(
    'runs the example: %s',
    async (_description, example) => {
      const step = yaml.parse(example.example).steps[0];
      const ctx = context(step.input);
      await action.handler(ctx);

      const prefix = step.input.targetPath ? `${step.input.targetPath}/` : '';
      expect(ctx.output).toHaveBeenCalledWith(
        'files',
        expect.arrayContaining([
          `${prefix}service.tf`,
          `${prefix}capacity.tf`,
          `${prefix}README.md`,
        ]),
      );
      const parsed = await parse(
        'service.tf',
        fs.readFileSync(`${workspace.path}/${prefix}service.tf`, 'utf8'),
      );
      expect(parsed.resource.aws_ecs_service.this[0].name).toBe(
        step.input.service.name,
      );
    },
  );

  it('describes every input field', () => {
    const missing: string[] = [];
    const visit = (schema: any, at: string) => {
      for (const [name, property] of Object.entries<any>(
        schema.properties ?? {},
      )) {
        if (!property.description) {
          missing.push(`${at}${name}`);
        }
        visit(property, `${at}${name}.`);
        if (property.items) {
          visit(property.items, `${at}${name}[].`);
        }
      }
    };
    visit(action.schema!.input, '');
    expect(missing).toEqual([]);
    expect(action.supportsDryRun).toBe(true);
  });

  it('rejects the API case with one InputError listing every invalid field', async () => {
    const input = referenceInput();
    input.pools[0].capacityProviderName = 'AWSpool';
    input.pools[0].managedTerminationProtection = true;
    input.pools[0].scaleInProtection = false;

    const error = await action.handler(context(input)).catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain('2 problem(s)');
    expect(error.message).toContain(
      'pools[0].capacityProviderName: Invalid capacity provider name "AWSpool"',
    );
    expect(error.message).toContain(
      'pools[0].managedTerminationProtection: Managed termination protection needs scale-in protection',
    );
    expect(workspaceFiles()).toEqual([]);
  });

  it.each([
    [
      'given name ecs-gpu-pool',
      'pools[0].capacityProviderName',
      (input: any) => {
        input.pools[0].capacityProviderName = 'ecs-gpu-pool';
      },
    ],
    [
      'name derived from service Fargate-batch',
      'service.name',
      (input: any) => {
        input.service.name = 'Fargate-batch';
      },
    ],
  ])(
    'rejects a reserved capacity provider prefix (%s) and writes nothing',
    async (_case, field, change) => {
      const input = referenceInput();
      change(input);
      const error = await action.handler(context(input)).catch(e => e);
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toContain(`${field}: Invalid`);
      expect(error.message).toContain('"aws", "ecs" or "fargate"');
      expect(workspaceFiles()).toEqual([]);
    },
  );

  it('reports type errors and unplaceable GPU tasks together', async () => {
    const input: any = referenceInput();
    input.pools[0].instanceTypes = ['t3.large'];
    input.task.gpus = 1;
    const gpuError = await action.handler(context(input)).catch(e => e);
    expect(gpuError).toBeInstanceOf(InputError);
    expect(gpuError.message).toContain('t3.large has no GPU');

    input.pools[0].maxSize = 'ten';
    const typeError = await action.handler(context(input)).catch(e => e);
    expect(typeError).toBeInstanceOf(InputError);
    expect(typeError.message).toContain('pools[0].maxSize');
    expect(workspaceFiles()).toEqual([]);
  });

  it('rejects a targetPath outside the workspace', async () => {
    const error = await action
      .handler(context({ ...referenceInput(), targetPath: '../escape' }))
      .catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain('targetPath');
    expect(workspaceFiles()).toEqual([]);
  });

  it('renders into the workspace in a dry run without network calls', async () => {
    const httpRequest = jest.spyOn(http, 'request');
    const httpsRequest = jest.spyOn(https, 'request');
    const fetchSpy = jest.spyOn(globalThis, 'fetch');
    try {
      const ctx = context({ ...referenceInput(), targetPath: 'infra' }, true);
      await action.handler(ctx);

      expect(fs.existsSync(`${workspace.path}/infra/capacity.tf`)).toBe(true);
      // The workflow sits at the repository root and runs in the Terraform folder.
      const workflow = fs.readFileSync(
        `${workspace.path}/.github/workflows/terraform.yml`,
        'utf8',
      );
      expect(workflow).toContain('working-directory: "infra"');
      expect(fs.existsSync(`${workspace.path}/infra/.github`)).toBe(false);
      expect(ctx.output).toHaveBeenCalledWith('targetPath', 'infra');
      expect(httpRequest).not.toHaveBeenCalled();
      expect(httpsRequest).not.toHaveBeenCalled();
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      httpRequest.mockRestore();
      httpsRequest.mockRestore();
      fetchSpy.mockRestore();
    }
  });
});
