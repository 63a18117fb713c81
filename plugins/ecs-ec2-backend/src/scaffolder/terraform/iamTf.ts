import { block, expr, renderFile, type HclValue } from './hcl';
import type { GenerationModel } from './model';

function assumeRolePolicy(service: string): HclValue {
  return expr(
    `jsonencode({
  Version = "2012-10-17"
  Statement = [{
    Effect    = "Allow"
    Principal = { Service = "${service}" }
    Action    = "sts:AssumeRole"
  }]
})`,
  );
}

function managedPolicy(path: string) {
  return expr(
    `"arn:\${data.aws_partition.current.partition}:iam::aws:policy/${path}"`,
  );
}

export function iamTf(model: GenerationModel): string {
  const prefix = model.spec.service.name;
  return renderFile([
    block('data', ['aws_partition', 'current'], []),
    block(
      'resource',
      ['aws_iam_role', 'instance'],
      [
        ['name_prefix', `${prefix.slice(0, 28)}-inst-`],
        ['assume_role_policy', assumeRolePolicy('ec2.amazonaws.com')],
      ],
      [
        'Role of the container instances: the ECS agent registers them and SSM reaches them.',
      ],
    ),
    block(
      'resource',
      ['aws_iam_role_policy_attachment', 'instance_ecs'],
      [
        ['role', expr('aws_iam_role.instance.name')],
        [
          'policy_arn',
          managedPolicy('service-role/AmazonEC2ContainerServiceforEC2Role'),
        ],
      ],
    ),
    block(
      'resource',
      ['aws_iam_role_policy_attachment', 'instance_ssm'],
      [
        ['role', expr('aws_iam_role.instance.name')],
        ['policy_arn', managedPolicy('AmazonSSMManagedInstanceCore')],
      ],
    ),
    block(
      'resource',
      ['aws_iam_instance_profile', 'instance'],
      [
        ['name_prefix', `${prefix.slice(0, 28)}-inst-`],
        ['role', expr('aws_iam_role.instance.name')],
      ],
    ),
    block(
      'resource',
      ['aws_iam_role', 'task_execution'],
      [
        ['name_prefix', `${prefix.slice(0, 28)}-exec-`],
        ['assume_role_policy', assumeRolePolicy('ecs-tasks.amazonaws.com')],
      ],
      ['Role ECS uses to pull the image and write the task logs.'],
    ),
    block(
      'resource',
      ['aws_iam_role_policy_attachment', 'task_execution'],
      [
        ['role', expr('aws_iam_role.task_execution.name')],
        [
          'policy_arn',
          managedPolicy('service-role/AmazonECSTaskExecutionRolePolicy'),
        ],
      ],
    ),
    block(
      'resource',
      ['aws_iam_role', 'task'],
      [
        ['name_prefix', `${prefix.slice(0, 28)}-task-`],
        ['assume_role_policy', assumeRolePolicy('ecs-tasks.amazonaws.com')],
      ],
      ['Role of the application in the task; attach the policies it needs.'],
    ),
  ]);
}
