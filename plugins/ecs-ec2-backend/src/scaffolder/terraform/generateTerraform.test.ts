import { parse } from '@cdktf/hcl2json';
import { format } from '@cdktf/hcl-tools';
import {
  parseServiceSpec,
  type ServiceSpec,
  type ServiceSpecInput,
} from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import { checkAndFormat, generateTerraform } from './generateTerraform';
import { escapeHclString } from './hcl';
import {
  fileSchemaViolations,
  referenceViolations,
} from './testing/providerSchema';
import {
  GENERATION_MATRIX,
  HOSTILE_BLOCK,
  HOSTILE_DESCRIPTION,
  HOSTILE_TEMPLATE,
  referenceInput,
} from './testing/serviceSpecs';

function validSpec(input: ServiceSpecInput): ServiceSpec {
  const result = parseServiceSpec(input);
  expect(result.problems).toEqual([]);
  return result.spec!;
}

async function generateParsed(input: ServiceSpecInput) {
  const files = await generateTerraform(validSpec(input));
  const parsed: Record<string, any> = {};
  for (const [name, text] of Object.entries(files)) {
    if (name.endsWith('.tf')) {
      parsed[name] = await parse(name, text);
    }
  }
  return { files, parsed };
}

/** Every string in a parsed HCL document, keys included. */
function allStrings(value: unknown): string[] {
  if (typeof value === 'string') {
    return [value];
  }
  if (Array.isArray(value)) {
    return value.flatMap(allStrings);
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [
      key,
      ...allStrings(item),
    ]);
  }
  return [];
}

/** Terraform's reading of a parsed literal: `$${` and `%%{` are literal `${` and `%{`. */
function literalText(parsedString: string): string {
  return parsedString.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}

describe('generateTerraform', () => {
  it('has a matrix of at least 20 form inputs', () => {
    expect(GENERATION_MATRIX.length).toBeGreaterThanOrEqual(20);
  });

  it.each(GENERATION_MATRIX)(
    'renders parseable, formatted, schema-conformant Terraform for %s',
    async (_name, input) => {
      const { files, parsed } = await generateParsed(input);

      expect(Object.keys(files)).toEqual(
        expect.arrayContaining([
          'versions.tf',
          'variables.tf',
          'cluster.tf',
          'iam.tf',
          'capacity.tf',
          'task.tf',
          'service.tf',
          'outputs.tf',
          'README.md',
          '.github/workflows/terraform.yml',
        ]),
      );
      expect('backend.tf' in files).toBe(input.stateBackend !== undefined);

      for (const [name, document] of Object.entries(parsed)) {
        expect(await format(files[name])).toBe(files[name]);
        expect({ name, violations: fileSchemaViolations(document) }).toEqual({
          name,
          violations: [],
        });
        expect({ name, violations: referenceViolations(files[name]) }).toEqual({
          name,
          violations: [],
        });
      }
    },
  );

  it('pins the AWS provider that matches @cdktf/provider-aws 21.22.1', async () => {
    const { parsed } = await generateParsed(referenceInput());
    const terraform = parsed['versions.tf'].terraform[0];
    expect(terraform.required_providers[0].aws).toEqual({
      source: 'hashicorp/aws',
      version: '~> 6.25',
    });
  });

  it('leaves the desired capacity of every group to ECS managed scaling', async () => {
    const input = referenceInput();
    input.pools = [
      { name: 'zero', instanceTypes: ['m6i.large'], minSize: 0, maxSize: 10 },
      {
        name: 'spot',
        instanceTypes: ['m6i.large', 'm5.large'],
        purchaseOption: 'spot',
        minSize: 0,
        maxSize: 10,
      },
    ];
    const { parsed } = await generateParsed(input);
    const groups = parsed['capacity.tf'].resource.aws_autoscaling_group;
    for (const id of ['zero', 'spot']) {
      const group = groups[id][0];
      expect(group).not.toHaveProperty('desired_capacity');
      expect(group.lifecycle[0].ignore_changes).toEqual([
        '${desired_capacity}',
      ]);
      expect(group.protect_from_scale_in).toBe(true);
      expect(group.tag).toContainEqual({
        key: 'AmazonECSManaged',
        value: 'true',
        propagate_at_launch: true,
      });
    }
  });

  it('turns on Spot draining in every template that can start Spot', async () => {
    const input = referenceInput();
    input.pools = [
      { name: 'ondemand', instanceTypes: ['m6i.large'], maxSize: 4 },
      {
        name: 'mixedspot',
        instanceTypes: ['m6i.large', 'm5.large'],
        purchaseOption: 'mixed',
        onDemandBaseCapacity: 0,
        onDemandPercentageAboveBaseCapacity: 0,
      },
      {
        name: 'spot',
        instanceTypes: ['m6i.large', 'm5.large'],
        purchaseOption: 'spot',
      },
      {
        name: 'allondemand',
        instanceTypes: ['m6i.large', 'm5.large'],
        purchaseOption: 'mixed',
        onDemandBaseCapacity: 1,
        onDemandPercentageAboveBaseCapacity: 100,
      },
    ];
    const { parsed } = await generateParsed(input);
    const templates = parsed['capacity.tf'].resource.aws_launch_template;
    const groups = parsed['capacity.tf'].resource.aws_autoscaling_group;
    const draining = 'ECS_ENABLE_SPOT_INSTANCE_DRAINING=true';

    expect(templates.mixedspot[0].user_data).toContain(draining);
    expect(templates.spot[0].user_data).toContain(draining);
    expect(templates.ondemand[0].user_data).not.toContain(draining);
    expect(templates.allondemand[0].user_data).not.toContain(draining);

    const distribution =
      groups.mixedspot[0].mixed_instances_policy[0].instances_distribution[0];
    expect(distribution).toMatchObject({
      on_demand_base_capacity: 0,
      on_demand_percentage_above_base_capacity: 0,
      spot_allocation_strategy: 'price-capacity-optimized',
    });
    expect(groups.mixedspot[0].capacity_rebalance).toBe(true);
    expect(
      groups.mixedspot[0].mixed_instances_policy[0].launch_template[0].override,
    ).toHaveLength(2);
  });

  it('selects the ECS-optimized AMI variant per pool', async () => {
    const input = referenceInput();
    input.pools = [
      { name: 'x86', instanceTypes: ['m6i.large'] },
      { name: 'arm', instanceTypes: ['m7g.large'] },
      { name: 'gpu', instanceTypes: ['g4dn.xlarge'] },
      {
        name: 'own',
        instanceTypes: ['m6i.large'],
        ami: { ssmParameter: '/acme/ami' },
      },
      {
        name: 'pinned',
        instanceTypes: ['m6i.large'],
        ami: { id: 'ami-0123456789abcdef0' },
      },
    ];
    input.capacityProviderStrategy = [{ pool: 'x86', weight: 1 }];
    const { parsed } = await generateParsed(input);
    const capacity = parsed['capacity.tf'];
    const parameters = capacity.data.aws_ssm_parameter;

    expect(parameters.ami_x86[0].name).toBe(
      '/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id',
    );
    expect(parameters.ami_arm[0].name).toBe(
      '/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id',
    );
    expect(parameters.ami_gpu[0].name).toBe(
      '/aws/service/ecs/optimized-ami/amazon-linux-2023/gpu/recommended/image_id',
    );
    expect(parameters.ami_own[0].name).toBe('/acme/ami');
    expect(parameters).not.toHaveProperty('ami_pinned');
    expect(capacity.resource.aws_launch_template.pinned[0].image_id).toBe(
      'ami-0123456789abcdef0',
    );
    expect(capacity.resource.aws_launch_template.gpu[0].user_data).toContain(
      'ECS_ENABLE_GPU_SUPPORT=true',
    );
    expect(
      capacity.resource.aws_launch_template.x86[0].user_data,
    ).not.toContain('ECS_ENABLE_GPU_SUPPORT');
  });

  it('writes IMDSv2, an encrypted gp3 root volume and the instance role', async () => {
    const { parsed } = await generateParsed(referenceInput());
    const template =
      parsed['capacity.tf'].resource.aws_launch_template.general[0];
    expect(template.metadata_options[0].http_tokens).toBe('required');
    expect(template.block_device_mappings[0].ebs[0]).toMatchObject({
      volume_type: 'gp3',
      encrypted: true,
      volume_size: 30,
    });

    const iam = parsed['iam.tf'].resource;
    expect(iam.aws_iam_role.instance[0].assume_role_policy).toContain(
      'ec2.amazonaws.com',
    );
    expect(
      iam.aws_iam_role_policy_attachment.instance_ecs[0].policy_arn,
    ).toContain('AmazonEC2ContainerServiceforEC2Role');
    expect(
      iam.aws_iam_role_policy_attachment.instance_ssm[0].policy_arn,
    ).toContain('AmazonSSMManagedInstanceCore');
  });

  it('writes managed scaling, the strategy and the service safeguards', async () => {
    const { parsed } = await generateParsed(referenceInput());
    const provider =
      parsed['capacity.tf'].resource.aws_ecs_capacity_provider.general[0];
    expect(provider.name).toBe('web-api-general');
    expect(provider.auto_scaling_group_provider[0]).toMatchObject({
      managed_termination_protection: 'ENABLED',
      managed_draining: 'ENABLED',
    });
    expect(provider.auto_scaling_group_provider[0].managed_scaling[0]).toEqual({
      status: 'ENABLED',
      target_capacity: 80,
      minimum_scaling_step_size: 1,
      maximum_scaling_step_size: 5,
      instance_warmup_period: 300,
    });

    const cluster = parsed['cluster.tf'].resource;
    expect(cluster.aws_ecs_cluster.this[0].setting[0]).toEqual({
      name: 'containerInsights',
      value: 'enabled',
    });
    expect(
      cluster.aws_ecs_cluster_capacity_providers.this[0]
        .default_capacity_provider_strategy[0],
    ).toEqual({
      capacity_provider: '${aws_ecs_capacity_provider.general.name}',
      weight: 1,
      base: 0,
    });

    const service = parsed['service.tf'].resource.aws_ecs_service.this[0];
    expect(service.force_new_deployment).toBe(true);
    expect(service.ordered_placement_strategy[0]).toEqual({
      type: 'binpack',
      field: 'memory',
    });
    expect(service.deployment_circuit_breaker[0]).toEqual({
      enable: true,
      rollback: true,
    });
    expect(service.desired_count).toBe(2);
  });

  it('writes GPU requirements and health check defaults into the container definition', async () => {
    const input = referenceInput();
    input.pools[0].instanceTypes = ['g5.xlarge'];
    input.task = {
      ...input.task,
      gpus: 1,
      healthCheck: { command: ['CMD', 'true'] },
    };
    const { parsed } = await generateParsed(input);
    const definitions =
      parsed['task.tf'].resource.aws_ecs_task_definition.this[0]
        .container_definitions;
    expect(definitions).toMatch(
      /resourceRequirements = \[\s*\{\s*type\s+= "GPU"\s*value\s+= "1"/,
    );
    expect(definitions).toMatch(/interval\s+= 30/);
    expect(definitions).toMatch(/timeout\s+= 5/);
    expect(definitions).toMatch(/retries\s+= 3/);
    expect(definitions).toMatch(/startPeriod\s+= 0/);
  });

  it('adds a daemon service without a capacity provider strategy', async () => {
    const input = referenceInput();
    input.daemon = { name: 'agent', image: 'amazon/cloudwatch-agent:latest' };
    const { parsed } = await generateParsed(input);
    const daemon = parsed['service.tf'].resource.aws_ecs_service.daemon[0];
    expect(daemon.scheduling_strategy).toBe('DAEMON');
    expect(daemon).not.toHaveProperty('capacity_provider_strategy');
  });
});

describe('HCL injection', () => {
  it('keeps hostile user text literal in the parsed output', async () => {
    const input = GENERATION_MATRIX.find(
      ([name]) => name === 'hostile strings',
    )![1];
    const { files, parsed } = await generateParsed(input);

    // Only the generator's resources exist: nothing named "x" came from input.
    const resourceTypes = Object.values(parsed).flatMap(document =>
      Object.keys(document.resource ?? {}),
    );
    expect(resourceTypes).not.toContain('x');
    for (const document of Object.values(parsed)) {
      expect(Object.keys(document).sort()).toEqual(
        expect.arrayContaining(Object.keys(document)),
      );
      for (const key of Object.keys(document)) {
        expect([
          'terraform',
          'provider',
          'variable',
          'resource',
          'data',
          'output',
        ]).toContain(key);
      }
    }

    const description =
      parsed['outputs.tf'].output.service_description[0].value;
    expect(description.startsWith('cost $${var.db_password}\n')).toBe(true);
    expect(literalText(description)).toBe(input.service.description);

    // No interpolation or template directive from user text survives.
    const strings = Object.values(parsed).flatMap(allStrings);
    for (const text of strings) {
      expect(text).not.toMatch(/(?<!\$)\$\{var\.db_password\}/);
      expect(text).not.toMatch(/(?<!%)%\{ if true \}/);
      expect(text).not.toMatch(/(?<!\$)\$\{HOME\}/);
      expect(text).not.toMatch(/(?<!\$)\$\{terraform\.workspace\}/);
    }

    const definitions = parsed['task.tf'].resource.aws_ecs_task_definition
      .this[0].container_definitions as string;
    expect(definitions).toContain('%%{ if true }x%%{ endif }');
    expect(definitions).toContain('cost $${var.db_password}');
    expect(definitions).toContain(
      JSON.stringify(HOSTILE_BLOCK).replace(/\$\{/g, '$${'),
    );
    expect(files['task.tf']).toContain(
      `"${escapeHclString(HOSTILE_TEMPLATE)}"`,
    );
    expect(parsed['backend.tf'].terraform[0].backend.s3[0].key).toBe(
      'x/$${terraform.workspace}/"k"',
    );
    expect(
      parsed['versions.tf'].provider.aws[0].default_tags[0].tags.Owner,
    ).toBe('group:default/$${var.x}"');
    expect(
      literalText(parsed['outputs.tf'].output.service_description[0].value),
    ).toContain(HOSTILE_DESCRIPTION);
  });

  it('escapes any string so HCL reads it back unchanged', async () => {
    const alphabet = [
      '$',
      '{',
      '}',
      '%',
      '\\',
      '"',
      '\n',
      '\r',
      '\t',
      '\u0000',
      '\u001b',
      '\u007f',
      '\u2028',
      'a',
      ' ',
      '#',
      '/',
      '*',
      '<<',
      'EOT',
      'é',
      '😀',
    ];
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let round = 0; round < 200; round++) {
      const length = Math.floor(random() * 24);
      const text = Array.from(
        { length },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join('');
      const document = await parse(
        'fuzz.tf',
        `locals {\n  value = "${escapeHclString(text)}"\n}\n`,
      );
      expect(Object.keys(document)).toEqual(['locals']);
      expect(literalText(document.locals[0].value)).toBe(text);
    }
  });
});

describe('checkAndFormat', () => {
  it('fails on text that is not valid HCL', async () => {
    await expect(
      checkAndFormat('broken.tf', 'resource "aws_ecs_cluster" "x" {'),
    ).rejects.toThrow(/Generated broken.tf is not valid HCL/);
  });

  it('returns the formatted text', async () => {
    await expect(
      checkAndFormat('ok.tf', 'locals {\n a = 1\n bb = 2\n}\n'),
    ).resolves.toBe('locals {\n  a  = 1\n  bb = 2\n}\n');
  });
});
