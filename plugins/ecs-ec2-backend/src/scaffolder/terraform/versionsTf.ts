import { block, expr, renderFile } from './hcl';
import type { GenerationModel } from './model';

/**
 * AWS provider constraint. `@cdktf/provider-aws` 21.22.1, whose schema the
 * tests check the output against, wraps AWS provider 6.25.0.
 */
export const AWS_PROVIDER_VERSION = '~> 6.25';

/** Terraform 1.10 is the first with S3 native state locking (`use_lockfile`). */
export const TERRAFORM_VERSION = '>= 1.10.0';

export function versionsTf(model: GenerationModel): string {
  const { spec } = model;
  return renderFile([
    block(
      'terraform',
      [],
      [
        ['required_version', TERRAFORM_VERSION],
        block(
          'required_providers',
          [],
          [['aws', { source: 'hashicorp/aws', version: AWS_PROVIDER_VERSION }]],
        ),
      ],
    ),
    block(
      'provider',
      ['aws'],
      [
        ['region', expr('var.region')],
        ['allowed_account_ids', [expr('var.account_id')]],
        block(
          'default_tags',
          [],
          [
            [
              'tags',
              {
                Service: spec.service.name,
                Owner: spec.service.owner,
                System: spec.service.system,
                ManagedBy: 'terraform',
              },
            ],
          ],
        ),
      ],
      ['Every resource is tagged with the service and its catalog owner.'],
    ),
  ]);
}
