import { CapacityProviderStrategyItem } from '@aws-sdk/client-ecs';
import { checkAndFormat } from './generateTerraform';
import { renderBody } from './hcl';

/** File name of the variables that keep an existing cluster's capacity providers. */
export const EXISTING_CLUSTER_VARIABLES_FILE = 'existing-cluster.auto.tfvars';

/**
 * Renders the capacity providers and default strategy an existing cluster has, as
 * values of `existing_capacity_providers` and
 * `existing_default_capacity_provider_strategy`. aws_ecs_cluster_capacity_providers
 * manages the whole list, so without them an apply would drop what the cluster had.
 * Terraform loads `*.auto.tfvars` files by itself.
 */
export async function existingClusterVariables(cluster: {
  capacityProviders?: string[];
  defaultCapacityProviderStrategy?: CapacityProviderStrategyItem[];
}): Promise<string> {
  const header = [
    '# The capacity providers and default strategy the cluster had before this service,',
    '# read from AWS when the repository was created. Keep them up to date if the',
    '# cluster changes, because aws_ecs_cluster_capacity_providers manages both.',
  ].join('\n');
  const body = renderBody([
    ['existing_capacity_providers', cluster.capacityProviders ?? []],
    [
      'existing_default_capacity_provider_strategy',
      (cluster.defaultCapacityProviderStrategy ?? []).map(item => ({
        capacity_provider: item.capacityProvider ?? '',
        weight: item.weight ?? 0,
        base: item.base ?? 0,
      })),
    ],
  ]);
  return checkAndFormat(EXISTING_CLUSTER_VARIABLES_FILE, `${header}\n${body}\n`);
}
