/**
 * GitHub Actions workflow of the generated repository: format and validate, no AWS
 * access. GitHub reads workflows only from the repository root, so the file lives
 * there and runs Terraform in `workingDirectory`, the folder of the `.tf` files.
 */
export function terraformWorkflow(workingDirectory = '.'): string {
  // A JSON string is a valid YAML double-quoted scalar, so no path can add YAML.
  return `name: terraform

on:
  pull_request:
  push:
    branches: [main]

permissions:
  contents: read

jobs:
  validate:
    runs-on: ubuntu-latest
    defaults:
      run:
        working-directory: ${JSON.stringify(workingDirectory)}
    steps:
      - uses: actions/checkout@v4
      - uses: hashicorp/setup-terraform@v3
        with:
          terraform_version: "~1.10"
      - name: Check formatting
        run: terraform fmt -check -recursive
      - name: Initialize without the state backend
        run: terraform init -backend=false -input=false
      - name: Validate
        run: terraform validate -no-color
`;
}
