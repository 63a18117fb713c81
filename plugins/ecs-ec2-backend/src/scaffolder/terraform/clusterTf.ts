import { block, expr, renderFile, type HclBlock } from './hcl';
import type { GenerationModel } from './model';

/** Expression of the cluster name, for the new or the existing cluster. */
export function clusterName(model: GenerationModel) {
  return expr(
    model.spec.cluster.mode === 'new'
      ? 'aws_ecs_cluster.this.name'
      : 'data.aws_ecs_cluster.this.cluster_name',
  );
}

/** Expression of the cluster ARN, for the new or the existing cluster. */
export function clusterArn(model: GenerationModel) {
  return expr(
    model.spec.cluster.mode === 'new'
      ? 'aws_ecs_cluster.this.arn'
      : 'data.aws_ecs_cluster.this.arn',
  );
}

export function clusterTf(model: GenerationModel): string {
  const { spec } = model;
  const blocks: HclBlock[] = [];

  if (spec.cluster.mode === 'new') {
    blocks.push(
      block(
        'resource',
        ['aws_ecs_cluster', 'this'],
        [
          ['name', spec.cluster.name],
          block(
            'setting',
            [],
            [
              ['name', 'containerInsights'],
              [
                'value',
                spec.cluster.containerInsights ? 'enabled' : 'disabled',
              ],
            ],
          ),
        ],
      ),
    );
  } else {
    blocks.push(
      block(
        'data',
        ['aws_ecs_cluster', 'this'],
        [['cluster_name', spec.cluster.name]],
        [
          'The cluster exists already; this configuration only adds capacity and the service.',
        ],
      ),
    );
  }

  blocks.push(
    block(
      'resource',
      ['aws_ecs_cluster_capacity_providers', 'this'],
      [
        ['cluster_name', clusterName(model)],
        [
          'capacity_providers',
          expr(
            `concat(var.existing_capacity_providers, [${model.pools
              .map(pool => `aws_ecs_capacity_provider.${pool.id}.name`)
              .join(', ')}])`,
          ),
        ],
        // A new cluster defaults to the service's pools. An existing cluster keeps the
        // default strategy it has, because other services may rely on it.
        ...(spec.cluster.mode === 'new'
          ? model.strategy.map(item =>
              block(
                'default_capacity_provider_strategy',
                [],
                [
                  [
                    'capacity_provider',
                    expr(`aws_ecs_capacity_provider.${item.poolModel.id}.name`),
                  ],
                  ['weight', item.weight],
                  ['base', item.base],
                ],
              ),
            )
          : [
              block(
                'dynamic',
                ['default_capacity_provider_strategy'],
                [
                  ['for_each', expr('var.existing_default_capacity_provider_strategy')],
                  block(
                    'content',
                    [],
                    [
                      [
                        'capacity_provider',
                        expr('default_capacity_provider_strategy.value.capacity_provider'),
                      ],
                      ['weight', expr('default_capacity_provider_strategy.value.weight')],
                      ['base', expr('default_capacity_provider_strategy.value.base')],
                    ],
                  ),
                ],
              ),
            ]),
      ],
      spec.cluster.mode === 'new'
        ? ['This resource owns the full list of the cluster capacity providers.']
        : [
            'This resource owns the full list of the cluster capacity providers and its',
            'default strategy. existing-cluster.auto.tfvars keeps what the cluster had;',
            'without it, set var.existing_capacity_providers and',
            'var.existing_default_capacity_provider_strategy before applying.',
          ],
    ),
  );

  return renderFile(blocks);
}
