export { generateTerraform, WORKFLOW_PATH } from './generateTerraform';
export { escapeHclString } from './hcl';
export {
  EXISTING_CLUSTER_VARIABLES_FILE,
  existingClusterVariables,
} from './existingClusterVariables';
export { AWS_PROVIDER_VERSION, TERRAFORM_VERSION } from './versionsTf';
