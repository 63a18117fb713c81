import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Checks the generated spec against the catalog and the target account before publishing.',
    example: yaml.stringify({
      steps: [
        {
          id: 'check',
          action: 'ecs-ec2:target:check',
          name: 'Check the catalog and the AWS account',
          input: {
            spec: '${{ steps.generate.output.spec }}',
            requireConfiguredAccount: true,
          },
        },
      ],
    }),
  },
];
