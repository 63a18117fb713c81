import { block, expr, renderFile, type HclBlock } from './hcl';
import { clusterArn, clusterName } from './clusterTf';
import type { GenerationModel } from './model';

export function outputsTf(model: GenerationModel): string {
  const output = (
    name: string,
    description: string,
    value: ReturnType<typeof expr> | string,
  ): HclBlock =>
    block(
      'output',
      [name],
      [
        ['description', description],
        ['value', value],
      ],
    );
  const map = (attribute: string, resource: string) =>
    expr(
      `{\n${model.pools
        .map(pool => `    ${pool.id} = ${resource}.${pool.id}.${attribute}`)
        .join('\n')}\n  }`,
    );

  const blocks = [
    output('cluster_name', 'ECS cluster name.', clusterName(model)),
    output('cluster_arn', 'ECS cluster ARN.', clusterArn(model)),
    output(
      'service_name',
      'ECS service name.',
      expr('aws_ecs_service.this.name'),
    ),
    output(
      'task_definition_arn',
      'Task definition ARN with revision.',
      expr('aws_ecs_task_definition.this.arn'),
    ),
    output(
      'log_group_name',
      'CloudWatch Logs group of the tasks.',
      expr('aws_cloudwatch_log_group.task.name'),
    ),
    output(
      'capacity_provider_names',
      'Capacity provider name by pool.',
      map('name', 'aws_ecs_capacity_provider'),
    ),
    output(
      'autoscaling_group_names',
      'Auto Scaling group name by pool.',
      map('name', 'aws_autoscaling_group'),
    ),
  ];
  if (model.spec.service.description !== undefined) {
    blocks.push(
      output(
        'service_description',
        'Description of the service from the catalog.',
        model.spec.service.description,
      ),
    );
  }
  if (model.spec.daemon?.enabled) {
    blocks.push(
      output(
        'daemon_service_name',
        'ECS daemon service name.',
        expr('aws_ecs_service.daemon.name'),
      ),
    );
  }
  return renderFile(blocks);
}
