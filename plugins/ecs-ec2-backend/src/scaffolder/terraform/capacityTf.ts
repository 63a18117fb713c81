import { block, expr, renderFile, type HclBlock, type HclValue } from './hcl';
import { clusterName } from './clusterTf';
import type { GenerationModel, PoolModel } from './model';

/*
 * The lines appended to /etc/ecs/ecs.config. The cluster name comes in by
 * reference; no user text is part of the script.
 */
function userData(model: GenerationModel, pool: PoolModel): HclValue {
  const lines = [
    '"#!/bin/bash"',
    '"cat <<\'EOF\' >> /etc/ecs/ecs.config"',
    `"ECS_CLUSTER=\${${clusterName(model).text}}"`,
  ];
  if (pool.canLaunchSpot) {
    // The agent drains the instance on the two-minute Spot interruption notice.
    lines.push('"ECS_ENABLE_SPOT_INSTANCE_DRAINING=true"');
  }
  if (pool.hasGpu) {
    lines.push('"ECS_ENABLE_GPU_SUPPORT=true"');
  }
  lines.push('"EOF"');
  return expr(
    `base64encode(join("\\n", [\n    ${lines.join(',\n    ')},\n    "",\n  ]))`,
  );
}

function amiImageId(pool: PoolModel): HclValue {
  return 'id' in pool.ami
    ? pool.ami.id
    : expr(`data.aws_ssm_parameter.ami_${pool.id}.insecure_value`);
}

function launchTemplate(model: GenerationModel, pool: PoolModel): HclBlock {
  const single = pool.pool.instanceTypes.length === 1 && !pool.canLaunchSpot;
  return block(
    'resource',
    ['aws_launch_template', pool.id],
    [
      ['name_prefix', `${pool.capacityProviderName.slice(0, 100)}-`],
      ['image_id', amiImageId(pool)],
      ['instance_type', single ? pool.pool.instanceTypes[0] : undefined],
      ['vpc_security_group_ids', expr('var.security_group_ids')],
      ['user_data', userData(model, pool)],
      ['update_default_version', true],
      block(
        'iam_instance_profile',
        [],
        [['arn', expr('aws_iam_instance_profile.instance.arn')]],
      ),
      block(
        'metadata_options',
        [],
        [
          ['http_endpoint', 'enabled'],
          ['http_tokens', 'required'],
          ['http_put_response_hop_limit', 1],
        ],
      ),
      block(
        'block_device_mappings',
        [],
        [
          ['device_name', '/dev/xvda'],
          block(
            'ebs',
            [],
            [
              ['volume_size', pool.pool.rootVolumeSizeGiB],
              ['volume_type', 'gp3'],
              ['encrypted', true],
              ['delete_on_termination', true],
            ],
          ),
        ],
      ),
      block(
        'tag_specifications',
        [],
        [
          ['resource_type', 'instance'],
          ['tags', { Name: pool.capacityProviderName }],
        ],
      ),
    ],
    [
      `Pool ${pool.id}: IMDSv2 only, with a hop limit of 1 so bridge-mode containers`,
      'cannot read the instance role; tasks use their task role.',
    ],
  );
}

function autoScalingGroup(pool: PoolModel): HclBlock {
  const usesMixedPolicy =
    pool.pool.instanceTypes.length > 1 || pool.canLaunchSpot;
  const launchTemplateRef = expr(`aws_launch_template.${pool.id}.id`);

  const placement: HclBlock = usesMixedPolicy
    ? block(
        'mixed_instances_policy',
        [],
        [
          block(
            'instances_distribution',
            [],
            [
              ['on_demand_base_capacity', pool.onDemandBase],
              [
                'on_demand_percentage_above_base_capacity',
                pool.onDemandPercentageAboveBase,
              ],
              ['spot_allocation_strategy', 'price-capacity-optimized'],
            ],
          ),
          block(
            'launch_template',
            [],
            [
              block(
                'launch_template_specification',
                [],
                [
                  ['launch_template_id', launchTemplateRef],
                  ['version', '$Latest'],
                ],
              ),
              ...pool.pool.instanceTypes.map(type =>
                block('override', [], [['instance_type', type]]),
              ),
            ],
          ),
        ],
      )
    : block(
        'launch_template',
        [],
        [
          ['id', launchTemplateRef],
          ['version', '$Latest'],
        ],
      );

  return block(
    'resource',
    ['aws_autoscaling_group', pool.id],
    [
      ['name_prefix', `${pool.capacityProviderName.slice(0, 200)}-`],
      ['min_size', pool.pool.minSize],
      ['max_size', pool.pool.maxSize],
      ['vpc_zone_identifier', expr('var.subnet_ids')],
      ['health_check_type', 'EC2'],
      ['protect_from_scale_in', pool.pool.scaleInProtection],
      ['capacity_rebalance', pool.canLaunchSpot ? true : undefined],
      placement,
      block(
        'tag',
        [],
        [
          ['key', 'AmazonECSManaged'],
          ['value', 'true'],
          ['propagate_at_launch', true],
        ],
      ),
      block(
        'tag',
        [],
        [
          ['key', 'Name'],
          ['value', pool.capacityProviderName],
          ['propagate_at_launch', true],
        ],
      ),
      block('lifecycle', [], [['ignore_changes', [expr('desired_capacity')]]]),
    ],
    [
      'ECS managed scaling sets the desired capacity. It is never set here and its',
      'changes are ignored, so a plan after a scale-out shows no change.',
    ],
  );
}

function capacityProvider(pool: PoolModel): HclBlock {
  const { pool: spec } = pool;
  return block(
    'resource',
    ['aws_ecs_capacity_provider', pool.id],
    [
      ['name', pool.capacityProviderName],
      block(
        'auto_scaling_group_provider',
        [],
        [
          [
            'auto_scaling_group_arn',
            expr(`aws_autoscaling_group.${pool.id}.arn`),
          ],
          [
            'managed_termination_protection',
            spec.managedTerminationProtection ? 'ENABLED' : 'DISABLED',
          ],
          ['managed_draining', spec.managedDraining ? 'ENABLED' : 'DISABLED'],
          block(
            'managed_scaling',
            [],
            [
              ['status', 'ENABLED'],
              ['target_capacity', spec.targetCapacity],
              ['minimum_scaling_step_size', spec.minimumScalingStepSize],
              ['maximum_scaling_step_size', spec.maximumScalingStepSize],
              ['instance_warmup_period', spec.instanceWarmupPeriod],
            ],
          ),
        ],
      ),
    ],
  );
}

export function capacityTf(model: GenerationModel): string {
  const blocks: HclBlock[] = [];
  for (const pool of model.pools) {
    if ('ssmParameter' in pool.ami) {
      blocks.push(
        block(
          'data',
          ['aws_ssm_parameter', `ami_${pool.id}`],
          [['name', pool.ami.ssmParameter]],
        ),
      );
    }
    blocks.push(
      launchTemplate(model, pool),
      autoScalingGroup(pool),
      capacityProvider(pool),
    );
  }
  return renderFile(blocks);
}
