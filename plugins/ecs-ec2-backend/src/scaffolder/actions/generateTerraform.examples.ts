import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

const referenceInput = {
  service: {
    name: 'web-api',
    owner: 'group:default/platform',
    description: 'Public web API',
  },
  cluster: { mode: 'new', name: 'demo', containerInsights: true },
  aws: { accountId: '123456789012', region: 'eu-west-1' },
  pools: [
    {
      name: 'general',
      instanceTypes: ['m6i.large'],
      purchaseOption: 'on-demand',
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

export const examples: TemplateExample[] = [
  {
    description:
      'Generate Terraform for a service on one On-Demand pool in a new cluster.',
    example: yaml.stringify({
      steps: [
        {
          id: 'terraform',
          action: 'ecs-ec2:terraform:generate',
          name: 'Generate Terraform',
          input: referenceInput,
        },
      ],
    }),
  },
  {
    description:
      'Generate Terraform for a GPU service on an On-Demand base plus Spot, in an existing cluster, with an S3 state backend, into a subfolder.',
    example: yaml.stringify({
      steps: [
        {
          id: 'terraform',
          action: 'ecs-ec2:terraform:generate',
          name: 'Generate Terraform',
          input: {
            ...referenceInput,
            service: { name: 'inference', owner: 'group:default/ml' },
            cluster: { mode: 'existing', name: 'ml-prod' },
            pools: [
              {
                name: 'gpu-base',
                instanceTypes: ['g5.xlarge'],
                minSize: 1,
                maxSize: 2,
              },
              {
                name: 'gpu-spot',
                instanceTypes: ['g5.xlarge', 'g6.xlarge', 'g4dn.xlarge'],
                purchaseOption: 'spot',
                maxSize: 8,
              },
            ],
            capacityProviderStrategy: [
              { pool: 'gpu-base', weight: 1, base: 1 },
              { pool: 'gpu-spot', weight: 3, base: 0 },
            ],
            task: {
              image: 'public.ecr.aws/example/inference:1.0',
              cpu: 2048,
              memoryMiB: 8192,
              gpus: 1,
              containerPort: 8080,
              networkMode: 'awsvpc',
            },
            deployment: { desiredCount: 2 },
            stateBackend: {
              bucket: 'acme-terraform-state',
              key: 'ecs/ml-prod/inference.tfstate',
              region: 'eu-west-1',
            },
            targetPath: 'infra',
          },
        },
      ],
    }),
  },
  {
    description:
      'Generate Terraform for an arm64 Spot pool with a log router daemon on every instance.',
    example: yaml.stringify({
      steps: [
        {
          id: 'terraform',
          action: 'ecs-ec2:terraform:generate',
          name: 'Generate Terraform',
          input: {
            ...referenceInput,
            pools: [
              {
                name: 'graviton',
                instanceTypes: ['m7g.large', 'm6g.large', 'c7g.xlarge'],
                purchaseOption: 'spot',
                minSize: 0,
                maxSize: 10,
                targetCapacity: 90,
              },
            ],
            daemon: {
              enabled: true,
              name: 'log-router',
              image:
                'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable',
              cpu: 128,
              memoryMiB: 256,
            },
          },
        },
      ],
    }),
  },
];
