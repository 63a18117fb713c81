import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Applies the generated Terraform to the ECS simulator after publishing.',
    example: yaml.stringify({
      steps: [
        {
          id: 'apply',
          action: 'ecs-ec2:demo:apply',
          name: 'Apply to the simulated account',
          input: { path: 'terraform' },
        },
      ],
    }),
  },
];
