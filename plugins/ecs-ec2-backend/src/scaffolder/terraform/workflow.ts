/** GitHub Actions workflow of the generated repository: format and validate, no AWS access. */
export function terraformWorkflow(): string {
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
