import {
  block,
  expr,
  renderFile,
  renderValue,
  type HclBlock,
  type HclValue,
} from './hcl';
import type { GenerationModel } from './model';

export function logGroupName(model: GenerationModel): string {
  return `/ecs/${model.spec.cluster.name}/${model.spec.service.name}`;
}

/*
 * The container definition is an HCL object passed to jsonencode, so user
 * strings stay string literals and numbers stay numbers; ECS wants environment
 * values and resourceRequirements values as strings.
 */
function containerDefinition(model: GenerationModel): HclValue {
  const { task, service } = model.spec;
  const portMappings =
    task.containerPort === undefined
      ? undefined
      : [
          {
            containerPort: task.containerPort,
            // Bridge mode maps to a dynamic host port, so several tasks share an instance.
            hostPort: task.networkMode === 'bridge' ? 0 : task.containerPort,
            protocol: 'tcp',
          },
        ];
  const healthCheck = task.healthCheck && {
    command: task.healthCheck.command,
    interval: task.healthCheck.intervalSeconds,
    timeout: task.healthCheck.timeoutSeconds,
    retries: task.healthCheck.retries,
    startPeriod: task.healthCheck.startPeriodSeconds,
  };

  return expr(
    `jsonencode([${renderValue({
      name: service.name,
      image: expr('var.container_image'),
      essential: true,
      cpu: task.cpu,
      memory: task.memoryMiB,
      memoryReservation: task.memoryReservationMiB,
      portMappings,
      environment: task.environment.map(variable => ({
        name: variable.name,
        value: variable.value,
      })),
      ulimits: task.ulimits.length
        ? task.ulimits.map(ulimit => ({
            name: ulimit.name,
            softLimit: ulimit.softLimit,
            hardLimit: ulimit.hardLimit,
          }))
        : undefined,
      healthCheck,
      resourceRequirements:
        task.gpus > 0 ? [{ type: 'GPU', value: String(task.gpus) }] : undefined,
      logConfiguration: {
        logDriver: 'awslogs',
        options: {
          'awslogs-group': expr('aws_cloudwatch_log_group.task.name'),
          'awslogs-region': expr('var.region'),
          'awslogs-stream-prefix': 'ecs',
        },
      },
    })}])`,
  );
}

export function taskTf(model: GenerationModel): string {
  const { spec } = model;
  const blocks: HclBlock[] = [
    block(
      'resource',
      ['aws_cloudwatch_log_group', 'task'],
      [
        ['name', logGroupName(model)],
        ['retention_in_days', spec.task.logRetentionDays],
      ],
    ),
    block(
      'resource',
      ['aws_ecs_task_definition', 'this'],
      [
        ['family', spec.service.name],
        ['requires_compatibilities', ['EC2']],
        ['network_mode', spec.task.networkMode],
        ['cpu', String(spec.task.cpu)],
        ['memory', String(spec.task.memoryMiB)],
        ['execution_role_arn', expr('aws_iam_role.task_execution.arn')],
        ['task_role_arn', expr('aws_iam_role.task.arn')],
        ['container_definitions', containerDefinition(model)],
        ...(model.taskArchitecture
          ? [
              block(
                'runtime_platform',
                [],
                [
                  ['operating_system_family', 'LINUX'],
                  [
                    'cpu_architecture',
                    model.taskArchitecture === 'arm64' ? 'ARM64' : 'X86_64',
                  ],
                ],
              ),
            ]
          : []),
      ],
    ),
  ];

  const daemon = spec.daemon;
  if (daemon?.enabled) {
    blocks.push(
      block(
        'resource',
        ['aws_ecs_task_definition', 'daemon'],
        [
          ['family', daemon.name],
          ['requires_compatibilities', ['EC2']],
          ['network_mode', 'bridge'],
          ['cpu', String(daemon.cpu)],
          ['memory', String(daemon.memoryMiB)],
          ['execution_role_arn', expr('aws_iam_role.task_execution.arn')],
          [
            'container_definitions',
            expr(
              `jsonencode([${renderValue({
                name: daemon.name,
                image: daemon.image,
                essential: true,
                cpu: daemon.cpu,
                memory: daemon.memoryMiB,
                logConfiguration: {
                  logDriver: 'awslogs',
                  options: {
                    'awslogs-group': expr('aws_cloudwatch_log_group.task.name'),
                    'awslogs-region': expr('var.region'),
                    'awslogs-stream-prefix': 'daemon',
                  },
                },
              })}])`,
            ),
          ],
        ],
      ),
    );
  }
  return renderFile(blocks);
}
