export { generateTerraform, WORKFLOW_PATH } from './generateTerraform';
export { escapeHclString } from './hcl';
export { AWS_PROVIDER_VERSION, TERRAFORM_VERSION } from './versionsTf';
