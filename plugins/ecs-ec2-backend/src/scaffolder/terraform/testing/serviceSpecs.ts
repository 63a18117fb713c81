import type { ServiceSpecInput } from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';

/** The reference values: cluster demo, m6i.large, 2 tasks, pool 1-10 at 80 %, steps 1-5. */
export function referenceInput(): ServiceSpecInput {
  return {
    service: {
      name: 'web-api',
      owner: 'group:default/platform',
      system: 'system:default/shop',
    },
    cluster: { mode: 'new', name: 'demo' },
    aws: { accountId: '123456789012', region: 'eu-west-1' },
    pools: [
      {
        name: 'general',
        instanceTypes: ['m6i.large'],
        minSize: 1,
        maxSize: 10,
        targetCapacity: 80,
        minimumScalingStepSize: 1,
        maximumScalingStepSize: 5,
      },
    ],
    task: {
      image: 'public.ecr.aws/nginx/nginx:1.27',
      cpu: 256,
      memoryMiB: 512,
      containerPort: 80,
    },
    deployment: { desiredCount: 2 },
  };
}

export const HOSTILE_DESCRIPTION = 'cost ${var.db_password}';
export const HOSTILE_TEMPLATE = '%{ if true }x%{ endif }';
export const HOSTILE_BLOCK =
  'a "quote"\nnew line } resource "x" "y" {\n  b = 1\n}';

function edit(change: (input: ServiceSpecInput) => void): ServiceSpecInput {
  const input = referenceInput();
  change(input);
  return input;
}

/** Form inputs the generator must turn into valid, formatted, schema-conformant Terraform. */
export const GENERATION_MATRIX: Array<[string, ServiceSpecInput]> = [
  ['reference values', referenceInput()],
  [
    'existing cluster',
    edit(input => {
      input.cluster = { mode: 'existing', name: 'shared-prod' };
    }),
  ],
  [
    'Container Insights off',
    edit(input => {
      input.cluster.containerInsights = false;
    }),
  ],
  [
    'Spot pool with three types',
    edit(input => {
      input.pools[0] = {
        ...input.pools[0],
        purchaseOption: 'spot',
        instanceTypes: ['m6i.large', 'm5.large', 'm6a.large'],
      };
    }),
  ],
  [
    'mixed pool with On-Demand base',
    edit(input => {
      input.pools[0] = {
        ...input.pools[0],
        purchaseOption: 'mixed',
        instanceTypes: ['c6i.xlarge', 'c5.xlarge'],
        onDemandBaseCapacity: 2,
        onDemandPercentageAboveBaseCapacity: 25,
      };
    }),
  ],
  [
    'Spot only through a mixed policy',
    edit(input => {
      input.pools[0] = {
        ...input.pools[0],
        purchaseOption: 'mixed',
        instanceTypes: ['m6i.large', 'm5.large'],
        onDemandBaseCapacity: 0,
        onDemandPercentageAboveBaseCapacity: 0,
      };
    }),
  ],
  [
    'GPU pools on Spot and On-Demand',
    edit(input => {
      input.pools = [
        { name: 'gpu-ondemand', instanceTypes: ['g4dn.xlarge'], maxSize: 4 },
        {
          name: 'gpu-spot',
          instanceTypes: ['g4dn.xlarge', 'g5.xlarge', 'g6.xlarge'],
          purchaseOption: 'spot',
          maxSize: 8,
        },
      ];
      input.capacityProviderStrategy = [
        { pool: 'gpu-ondemand', weight: 1, base: 1 },
        { pool: 'gpu-spot', weight: 3 },
      ];
      input.task = {
        image: 'nvcr.io/nvidia/cuda:12.4.1-base-ubuntu22.04',
        cpu: 2048,
        memoryMiB: 8192,
        gpus: 1,
      };
    }),
  ],
  [
    'arm64 Graviton pool',
    edit(input => {
      input.pools[0] = {
        ...input.pools[0],
        instanceTypes: ['m7g.large', 'm6g.large', 'c7g.xlarge'],
        purchaseOption: 'spot',
      };
    }),
  ],
  [
    'arm64 and x86_64 pools',
    edit(input => {
      input.pools.push({
        name: 'graviton',
        instanceTypes: ['t4g.large'],
        maxSize: 3,
      });
    }),
  ],
  [
    'awsvpc network mode',
    edit(input => {
      input.task.networkMode = 'awsvpc';
      input.deployment = { desiredCount: 6 };
    }),
  ],
  [
    'host network mode',
    edit(input => {
      input.task.networkMode = 'host';
      input.task.containerPort = 8080;
    }),
  ],
  [
    'daemon service',
    edit(input => {
      input.daemon = {
        name: 'log-router',
        image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable',
        cpu: 128,
        memoryMiB: 256,
      };
    }),
  ],
  [
    'custom AMI id',
    edit(input => {
      input.pools[0].ami = { id: 'ami-0123456789abcdef0' };
    }),
  ],
  [
    'custom AMI SSM parameter',
    edit(input => {
      input.pools[0].ami = { ssmParameter: '/my-org/ecs/golden-ami/image_id' };
    }),
  ],
  [
    'S3 backend with DynamoDB lock',
    edit(input => {
      input.stateBackend = {
        bucket: 'acme-terraform-state',
        key: 'ecs/demo/web-api.tfstate',
        region: 'eu-west-1',
        dynamodbTable: 'terraform-locks',
      };
    }),
  ],
  [
    'S3 backend with native lock',
    edit(input => {
      input.stateBackend = {
        bucket: 'acme-terraform-state',
        key: 'ecs/demo/web-api.tfstate',
        region: 'us-east-1',
      };
    }),
  ],
  [
    'health check, ulimits and environment',
    edit(input => {
      input.task.healthCheck = {
        command: ['CMD-SHELL', 'curl -f http://localhost/health || exit 1'],
      };
      input.task.ulimits = [
        { name: 'nofile', softLimit: 65536, hardLimit: 65536 },
      ];
      input.task.environment = [
        { name: 'LOG_LEVEL', value: 'info' },
        { name: 'PORT', value: '80' },
      ];
      input.task.memoryReservationMiB = 256;
    }),
  ],
  [
    'placement constraints',
    edit(input => {
      input.deployment = {
        desiredCount: 3,
        placementConstraints: [
          { type: 'distinctInstance' },
          {
            type: 'memberOf',
            expression: 'attribute:ecs.instance-type =~ m6i.*',
          },
        ],
      };
    }),
  ],
  [
    'circuit breaker without rollback',
    edit(input => {
      input.deployment = {
        desiredCount: 2,
        circuitBreaker: { enable: true, rollback: false },
        minimumHealthyPercent: 50,
        maximumPercent: 150,
      };
    }),
  ],
  [
    'protection off',
    edit(input => {
      input.pools[0] = {
        ...input.pools[0],
        managedTerminationProtection: false,
        scaleInProtection: false,
        managedDraining: false,
      };
    }),
  ],
  [
    'explicit capacity provider names',
    edit(input => {
      input.pools[0].capacityProviderName = 'web_api-General-01';
      input.pools.push({
        name: 'burst',
        instanceTypes: ['c6i.large', 'c5.large'],
        purchaseOption: 'spot',
        capacityProviderName: 'web-api-burst',
      });
    }),
  ],
  [
    'inferentia pool',
    edit(input => {
      input.pools[0] = { ...input.pools[0], instanceTypes: ['inf2.xlarge'] };
    }),
  ],
  [
    'pool min 0 and no desired count',
    edit(input => {
      input.pools[0] = { ...input.pools[0], minSize: 0, maxSize: 10 };
      input.deployment = { desiredCount: 0 };
    }),
  ],
  [
    'hostile strings',
    edit(input => {
      input.service.description = `${HOSTILE_DESCRIPTION}\n${HOSTILE_BLOCK}\t\\ \u0001 $\${x} %%{y} ünïcode`;
      input.service.owner = 'group:default/${var.x}"';
      input.task.environment = [
        { name: 'TEMPLATE', value: HOSTILE_TEMPLATE },
        { name: 'BLOCK', value: HOSTILE_BLOCK },
        { name: 'INTERPOLATION', value: HOSTILE_DESCRIPTION },
      ];
      input.task.healthCheck = {
        command: ['CMD-SHELL', 'echo "${HOME}" && exit 0 } resource "x" "z" {'],
      };
      input.stateBackend = {
        bucket: 'acme-state',
        key: 'x/${terraform.workspace}/"k"',
        region: 'eu-west-1',
      };
    }),
  ],
];
