import { logGroupName } from './taskTf';
import type { GenerationModel } from './model';
import { AWS_PROVIDER_VERSION, TERRAFORM_VERSION } from './versionsTf';

/** Keeps user text on one line of Markdown and out of code spans. */
function inline(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/`/g, "'");
}

export function readme(model: GenerationModel): string {
  const { spec } = model;
  const pools = model.pools.map(pool => {
    const purchase =
      pool.pool.purchaseOption === 'on-demand'
        ? 'On-Demand'
        : `${pool.pool.purchaseOption}, On-Demand base ${pool.onDemandBase}, ${pool.onDemandPercentageAboveBase} % On-Demand above base`;
    return `| ${inline(pool.pool.name)} | \`${inline(
      pool.capacityProviderName,
    )}\` | ${pool.pool.instanceTypes.map(inline).join(', ')} | ${purchase} | ${
      pool.pool.minSize
    }-${pool.pool.maxSize} | ${pool.pool.targetCapacity} % |`;
  });

  return `# ${inline(spec.service.name)} on Amazon ECS (EC2)

${
  spec.service.description ? `${inline(spec.service.description)}\n\n` : ''
}Terraform for the ECS service \`${inline(
    spec.service.name,
  )}\` in cluster \`${inline(spec.cluster.name)}\` (${
    spec.cluster.mode === 'new' ? 'created here' : 'existing'
  }), account ${inline(spec.aws.accountId)}, Region ${inline(
    spec.aws.region,
  )}. Owner: ${inline(spec.service.owner)}.

## Capacity

| Pool | Capacity provider | Instance types | Purchase | Instances | Target capacity |
|---|---|---|---|---|---|
${pools.join('\n')}

ECS managed scaling sets each Auto Scaling group's desired capacity; Terraform ignores it, so plans after a scale-out show no change. Spot pools drain their tasks on the interruption notice (\`ECS_ENABLE_SPOT_INSTANCE_DRAINING\`).

## Usage

Requires Terraform ${TERRAFORM_VERSION} and the AWS provider ${AWS_PROVIDER_VERSION}.

\`\`\`sh
terraform init
terraform plan -var 'subnet_ids=["subnet-..."]' -var 'security_group_ids=["sg-..."]'
terraform apply
\`\`\`

Task logs go to the CloudWatch Logs group \`${inline(logGroupName(model))}\`.
${
  spec.cluster.mode === 'existing'
    ? `
## The existing cluster

\`aws_ecs_cluster_capacity_providers\` manages the whole list of the cluster's capacity providers and its default strategy. \`existing-cluster.auto.tfvars\` keeps the providers and default strategy the cluster had when this repository was created; when the portal could not read them, set \`existing_capacity_providers\` and \`existing_default_capacity_provider_strategy\` before the first apply, or the apply drops them.
`
    : ''
}
## Changing the capacity provider strategy

The service sets \`force_new_deployment = true\`, so a changed \`capacity_provider_strategy\` is applied in place and ECS starts a deployment that moves the tasks. Keep the old capacity provider in the cluster until that deployment completes, then remove it in a second change.

## Continuous integration

\`.github/workflows/terraform.yml\` checks formatting and validates the configuration on every pull request, without AWS credentials.
`;
}
