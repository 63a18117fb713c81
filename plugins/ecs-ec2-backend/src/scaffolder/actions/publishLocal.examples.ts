import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: "Publishes the workspace to the portal's git host.",
    example: yaml.stringify({
      steps: [
        {
          id: 'publish',
          action: 'ecs-ec2:publish:local',
          name: 'Publish to the portal',
          input: {
            repoName: 'orders-api',
          },
        },
      ],
    }),
  },
  {
    description:
      'Publishes one subdirectory with a custom commit message and author.',
    example: yaml.stringify({
      steps: [
        {
          id: 'publish',
          action: 'ecs-ec2:publish:local',
          name: 'Publish to the portal',
          input: {
            repoName: 'orders-api',
            sourcePath: 'service',
            gitCommitMessage: 'Create orders-api on ECS',
            gitAuthorName: 'Platform Team',
            gitAuthorEmail: 'platform@example.com',
          },
        },
      ],
    }),
  },
];
