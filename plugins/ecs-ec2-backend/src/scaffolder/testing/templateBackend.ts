import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { AddLocationRequest, AddLocationResponse } from '@backstage/catalog-client';
import { Entity } from '@backstage/catalog-model';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import scaffolderGithubModule from '@backstage/plugin-scaffolder-backend-module-github';
import scaffolderGitlabModule from '@backstage/plugin-scaffolder-backend-module-gitlab';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { ecsEc2ScaffolderModule } from '../module';

/** Folder of the "Create ECS/EC2 service" template in the repository. */
export const TEMPLATE_DIRECTORY = path.resolve(
  __dirname,
  '../../../../../templates/ecs-ec2-service',
);

/** Reads template.yaml as the catalog would serve it, located at its file path. */
export function loadTemplateEntity(): Entity {
  const file = path.join(TEMPLATE_DIRECTORY, 'template.yaml');
  const entity = yaml.parse(fs.readFileSync(file, 'utf8')) as Entity;
  entity.metadata.namespace = 'default';
  entity.metadata.annotations = {
    'backstage.io/managed-by-location': `file:${file}`,
    'backstage.io/managed-by-origin-location': `file:${file}`,
  };
  return entity;
}

/** Returns the skeleton files in the shape the dry-run endpoint takes. */
export function readSkeletonContents(): { path: string; base64Content: string }[] {
  const root = path.join(TEMPLATE_DIRECTORY, 'skeleton');
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter(entry => entry.isFile())
    .map(entry => {
      const absolute = path.join(entry.parentPath, entry.name);
      return {
        path: `skeleton/${path.relative(root, absolute).split(path.sep).join('/')}`,
        base64Content: fs.readFileSync(absolute).toString('base64'),
      };
    });
}

/**
 * Values of the template for the reference service: the existing `demo`
 * cluster, one m6i.large pool with managed scaling (target 80, steps 1 to 5).
 */
export function referenceValues(name: string): Record<string, unknown> {
  return {
    name,
    owner: 'group:default/platform-team',
    system: 'system:default/storefront',
    description: 'Orders API on the demo cluster.',
    clusterMode: 'existing',
    existingCluster: 'resource:default/demo',
    accountId: '123456789012',
    region: 'us-east-1',
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
        managedTerminationProtection: true,
        scaleInProtection: true,
        managedDraining: true,
      },
    ],
    image: 'public.ecr.aws/nginx/nginx:1.27',
    cpu: 256,
    memoryMiB: 512,
    gpus: 0,
    containerPort: 80,
    networkMode: 'bridge',
    healthCheckCommand: 'curl -f http://localhost/ || exit 1',
    healthCheckIntervalSeconds: 30,
    logRetentionDays: 30,
    ulimits: [{ name: 'nofile', softLimit: 65536, hardLimit: 65536 }],
    environment: [{ name: 'LOG_LEVEL', value: 'info' }],
    desiredCount: 2,
    minimumHealthyPercent: 100,
    maximumPercent: 200,
    circuitBreaker: true,
    publishTarget: 'portal',
  };
}

/**
 * Starts a backend with the real scaffolder, the built-in GitHub and GitLab
 * publish modules and the ECS on EC2 module. The catalog is a mock that
 * serves the template and the `entities` given, and accepts registrations.
 * With `awsEndpoint`, account 123456789012 is configured against that
 * simulator, which also receives the apply.
 */
export async function startTemplateBackend(options: {
  gitDirectory: string;
  simulatorUrl?: string;
  awsEndpoint?: string;
  entities?: Entity[];
}) {
  const template = loadTemplateEntity();
  const entities = [template, ...(options.entities ?? [])];
  const catalog = catalogServiceMock.mock({
    getEntityByRef: async ref => {
      const text = (typeof ref === 'string' ? ref : `${ref.kind}:${ref.namespace}/${ref.name}`).toLowerCase();
      return entities.find(
        entity =>
          `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${entity.metadata.name}`.toLowerCase() === text,
      );
    },
    addLocation: async (location: AddLocationRequest): Promise<AddLocationResponse> => ({
      location: {
        id: 'location-1',
        type: location.type ?? 'url',
        target: location.target,
        entityRef: 'location:default/generated-location-1',
      },
      entities: [],
    }),
  });

  const backend = await startTestBackend({
    features: [
      scaffolderPlugin,
      scaffolderGithubModule,
      scaffolderGitlabModule,
      ecsEc2ScaffolderModule,
      catalog.factory,
      mockServices.rootConfig.factory({
        data: {
          backend: { baseUrl: 'http://localhost:7007' },
          ecsEc2: {
            localGit: {
              directory: options.gitDirectory,
              ...(options.simulatorUrl && { applyTo: options.simulatorUrl }),
            },
            ...(options.awsEndpoint && { aws: { endpoint: options.awsEndpoint, maxAttempts: 1 } }),
          },
          ...(options.awsEndpoint && {
            aws: {
              accounts: [
                { accountId: '123456789012', accessKeyId: 'SIMULATED', secretAccessKey: 'simulated' },
              ],
            },
          }),
        },
      }),
    ],
  });

  return { backend, server: backend.server, catalog };
}
