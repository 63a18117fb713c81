import { block, expr, renderFile } from './hcl';
import type { GenerationModel } from './model';

export function variablesTf(model: GenerationModel): string {
  const { spec } = model;
  return renderFile([
    block(
      'variable',
      ['region'],
      [
        ['description', 'AWS Region to deploy to.'],
        ['type', expr('string')],
        ['default', spec.aws.region],
      ],
    ),
    block(
      'variable',
      ['account_id'],
      [
        [
          'description',
          'AWS account id; the provider refuses credentials of any other account.',
        ],
        ['type', expr('string')],
        ['default', spec.aws.accountId],
      ],
    ),
    block(
      'variable',
      ['subnet_ids'],
      [
        [
          'description',
          'Private subnets for the container instances (and awsvpc tasks), one per Availability Zone.',
        ],
        ['type', expr('list(string)')],
      ],
    ),
    block(
      'variable',
      ['security_group_ids'],
      [
        [
          'description',
          'Security groups of the container instances (and awsvpc tasks).',
        ],
        ['type', expr('list(string)')],
      ],
    ),
    block(
      'variable',
      ['container_image'],
      [
        [
          'description',
          'Container image of the service; CI can override it per release.',
        ],
        ['type', expr('string')],
        ['default', spec.task.image],
      ],
    ),
    block(
      'variable',
      ['existing_capacity_providers'],
      [
        [
          'description',
          'Capacity providers already on the cluster that must stay associated with it (aws_ecs_cluster_capacity_providers manages the whole list).',
        ],
        ['type', expr('list(string)')],
        ['default', []],
      ],
    ),
    ...(spec.cluster.mode === 'existing'
      ? [
          block(
            'variable',
            ['existing_default_capacity_provider_strategy'],
            [
              [
                'description',
                'Default capacity provider strategy the existing cluster keeps (aws_ecs_cluster_capacity_providers manages it too).',
              ],
              [
                'type',
                expr(
                  'list(object({ capacity_provider = string, weight = number, base = number }))',
                ),
              ],
              ['default', []],
            ],
          ),
        ]
      : []),
  ]);
}
