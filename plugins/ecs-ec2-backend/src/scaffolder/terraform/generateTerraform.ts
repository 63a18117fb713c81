import { parse } from '@cdktf/hcl2json';
import { format } from '@cdktf/hcl-tools';
import type { ServiceSpec } from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import { backendTf } from './backendTf';
import { capacityTf } from './capacityTf';
import { clusterTf } from './clusterTf';
import { iamTf } from './iamTf';
import { buildModel } from './model';
import { outputsTf } from './outputsTf';
import { readme } from './readme';
import { serviceTf } from './serviceTf';
import { taskTf } from './taskTf';
import { variablesTf } from './variablesTf';
import { versionsTf } from './versionsTf';
import { terraformWorkflow } from './workflow';

/**
 * Parses one generated Terraform file and returns it formatted the way
 * `terraform fmt` does. Throws when the text is not valid HCL.
 */
export async function checkAndFormat(
  name: string,
  text: string,
): Promise<string> {
  try {
    await parse(name, text);
  } catch (error) {
    throw new Error(
      `Generated ${name} is not valid HCL: ${(error as Error).message}`,
    );
  }
  return format(text);
}

/**
 * Path of the CI workflow among the generated files. Unlike the other files it
 * belongs at the repository root, whatever folder contains the Terraform.
 */
export const WORKFLOW_PATH = '.github/workflows/terraform.yml';

/**
 * Renders the Terraform repository of one ECS service on EC2: file path to
 * content. Expects a spec that passed `validateServiceSpec`. Every `.tf` file
 * is parsed and formatted before it is returned; a file that does not parse
 * fails the call.
 */
export async function generateTerraform(
  spec: ServiceSpec,
  options: { workingDirectory?: string } = {},
): Promise<Record<string, string>> {
  const model = buildModel(spec);

  const terraformFiles: Record<string, string | undefined> = {
    'versions.tf': versionsTf(model),
    'variables.tf': variablesTf(model),
    'cluster.tf': clusterTf(model),
    'iam.tf': iamTf(model),
    'capacity.tf': capacityTf(model),
    'task.tf': taskTf(model),
    'service.tf': serviceTf(model),
    'outputs.tf': outputsTf(model),
    'backend.tf': backendTf(model),
  };

  const files: Record<string, string> = {};
  for (const [name, text] of Object.entries(terraformFiles)) {
    if (text === undefined) {
      continue;
    }
    files[name] = await checkAndFormat(name, text);
  }

  files['README.md'] = readme(model);
  files[WORKFLOW_PATH] = terraformWorkflow(options.workingDirectory);
  return files;
}
