import { block, expr, renderFile, type HclBlock } from './hcl';
import { clusterArn } from './clusterTf';
import type { GenerationModel } from './model';

export function serviceTf(model: GenerationModel): string {
  const { spec } = model;
  const deployment = spec.deployment;

  const service = block(
    'resource',
    ['aws_ecs_service', 'this'],
    [
      ['name', spec.service.name],
      ['cluster', clusterArn(model)],
      ['task_definition', expr('aws_ecs_task_definition.this.arn')],
      ['desired_count', deployment.desiredCount],
      ['deployment_minimum_healthy_percent', deployment.minimumHealthyPercent],
      ['deployment_maximum_percent', deployment.maximumPercent],
      ['enable_ecs_managed_tags', true],
      ['propagate_tags', 'SERVICE'],
      ['force_new_deployment', true],
      ...model.strategy.map(item =>
        block(
          'capacity_provider_strategy',
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
      ),
      block(
        'ordered_placement_strategy',
        [],
        [
          ['type', 'binpack'],
          ['field', 'memory'],
        ],
      ),
      ...(deployment.placementConstraints ?? []).map(constraint =>
        block(
          'placement_constraints',
          [],
          [
            ['type', constraint.type],
            ['expression', constraint.expression],
          ],
        ),
      ),
      block(
        'deployment_circuit_breaker',
        [],
        [
          ['enable', deployment.circuitBreaker.enable],
          ['rollback', deployment.circuitBreaker.rollback],
        ],
      ),
      ...(spec.task.networkMode === 'awsvpc'
        ? [
            block(
              'network_configuration',
              [],
              [
                ['subnets', expr('var.subnet_ids')],
                ['security_groups', expr('var.security_group_ids')],
              ],
            ),
          ]
        : []),
      ['depends_on', [expr('aws_ecs_cluster_capacity_providers.this')]],
    ],
    [
      'force_new_deployment lets AWS provider 6 change capacity_provider_strategy in',
      'place: the next apply starts a deployment that moves the tasks to the new',
      'strategy instead of replacing the service.',
    ],
  );

  const blocks: HclBlock[] = [service];
  const daemon = spec.daemon;
  if (daemon?.enabled) {
    blocks.push(
      block(
        'resource',
        ['aws_ecs_service', 'daemon'],
        [
          ['name', daemon.name],
          ['cluster', clusterArn(model)],
          ['task_definition', expr('aws_ecs_task_definition.daemon.arn')],
          ['scheduling_strategy', 'DAEMON'],
          ['launch_type', 'EC2'],
          ['enable_ecs_managed_tags', true],
          ['propagate_tags', 'SERVICE'],
          ['depends_on', [expr('aws_ecs_cluster_capacity_providers.this')]],
        ],
        [
          'DAEMON services take no capacity provider strategy: one task runs on every',
          'container instance of the cluster, on any pool.',
        ],
      ),
    );
  }
  return renderFile(blocks);
}
