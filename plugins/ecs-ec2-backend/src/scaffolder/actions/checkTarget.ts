import {
  Cluster,
  DescribeCapacityProvidersCommand,
  DescribeClustersCommand,
  DescribeServicesCommand,
} from '@aws-sdk/client-ecs';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import fs from 'node:fs';
import path from 'node:path';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  capacityProviderNameOf,
  closestName,
  formatValidationProblems,
  parseServiceSpec,
  ServiceSpec,
  ValidationProblem,
} from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import { AwsAccountRegionClients, AwsClients } from '../../aws/AwsClients';
import {
  EXISTING_CLUSTER_VARIABLES_FILE,
  existingClusterVariables,
} from '../terraform';
import { examples } from './checkTarget.examples';
import { declaredParameterNames } from './templateParameters';

/** @public */
export interface CheckTargetActionOptions {
  catalog: CatalogService;
  awsClients: AwsClients;
}

/** Statuses in which a cluster or service keeps its name taken. */
const NAME_HOLDING_STATUSES = new Set(['ACTIVE', 'PROVISIONING', 'DRAINING']);

/**
 * Looks the spec's names up in the target account and Region: the cluster, the
 * service in it and the capacity providers. Returns a problem for every name that
 * an apply would collide with or miss.
 */
async function checkAccount(
  clients: AwsAccountRegionClients,
  spec: ServiceSpec,
): Promise<{ problems: ValidationProblem[]; cluster?: Cluster }> {
  const problems: ValidationProblem[] = [];
  const where = `account ${spec.aws.accountId} (${spec.aws.region})`;
  const clusterName = spec.cluster.name;

  const clusters = await clients.run(() =>
    clients.ecs.send(new DescribeClustersCommand({ clusters: [clusterName] })),
  );
  const cluster = clusters.clusters?.find(
    found => found.clusterName === clusterName && NAME_HOLDING_STATUSES.has(found.status ?? ''),
  );
  if (spec.cluster.mode === 'existing' && !cluster) {
    problems.push({
      field: 'cluster.name',
      message: `Cluster ${clusterName} was not found in ${where}: pick a cluster that exists there, or create a new one.`,
    });
  }
  if (spec.cluster.mode === 'new' && cluster) {
    problems.push({
      field: 'cluster.name',
      message: `Cluster ${clusterName} already exists in ${where}: add the service to it as an existing cluster, or choose another name.`,
    });
  }

  if (cluster) {
    const services = await clients.run(() =>
      clients.ecs.send(
        new DescribeServicesCommand({ cluster: clusterName, services: [spec.service.name] }),
      ),
    );
    const running = services.services?.find(service =>
      NAME_HOLDING_STATUSES.has(service.status ?? ''),
    );
    if (running) {
      problems.push({
        field: 'service.name',
        message: `Service ${spec.service.name} already runs in cluster ${clusterName} of ${where}: choose another name, or change that service in its own repository.`,
      });
    }
  }

  // Capacity provider names are unique per account and Region, not per cluster.
  const providerNames = spec.pools.map(pool => capacityProviderNameOf(spec, pool));
  const providers = await clients.run(() =>
    clients.ecs.send(new DescribeCapacityProvidersCommand({ capacityProviders: providerNames })),
  );
  const usedNames = new Set(
    (providers.capacityProviders ?? [])
      .filter(provider => provider.status !== 'INACTIVE')
      .map(provider => provider.name),
  );
  spec.pools.forEach((pool, index) => {
    const name = providerNames[index];
    if (usedNames.has(name)) {
      problems.push({
        field: `pools[${index}].capacityProviderName`,
        message: `Capacity provider ${name} already exists in ${where}; names are unique per account and Region, so set another capacityProviderName for pool ${pool.name}.`,
      });
    }
  });

  return { problems, cluster };
}

/**
 * Creates the `ecs-ec2:target:check` action. It runs before anything is
 * published, so a service that could not be applied leaves no repository and no
 * catalog entry behind. It checks that no catalog component has the service's
 * name. When the portal has credentials for the target account, it also checks
 * that the names the Terraform creates are free there and that an existing
 * cluster exists. For that cluster it writes down the capacity providers and the
 * default strategy it keeps, so the apply does not drop them.
 *
 * @public
 */
export function createCheckTargetAction(options: CheckTargetActionOptions) {
  const { catalog, awsClients } = options;

  return createTemplateAction({
    id: 'ecs-ec2:target:check',
    description:
      'Checks a validated ECS service spec against the catalog and the target AWS account before anything is published: the service name is free in both, capacity provider names are free, and an existing cluster exists. Makes read-only calls only.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        spec: z =>
          z
            .record(z.unknown())
            .describe('The service spec, as the `spec` output of ecs-ec2:terraform:generate.'),
        parameters: z =>
          z
            .record(z.unknown())
            .optional()
            .describe(
              'The template parameters as given (`${{ parameters }}`). A name the template does not declare, such as a misspelled one, fails the check instead of being ignored.',
            ),
        terraformPath: z =>
          z
            .string()
            .optional()
            .describe(
              `Workspace folder of the generated Terraform (the targetPath output of ecs-ec2:terraform:generate). For an existing cluster, ${EXISTING_CLUSTER_VARIABLES_FILE} is written there.`,
            ),
        requireConfiguredAccount: z =>
          z
            .boolean()
            .optional()
            .describe(
              'Fail when the target account is not under aws.accounts, instead of skipping the AWS checks. Set it where the portal itself applies the Terraform.',
            ),
      },
    },
    async handler(ctx) {
      const { spec, problems: specProblems } = parseServiceSpec(ctx.input.spec);
      if (!spec) {
        throw new InputError(
          `Invalid ECS service spec, ${specProblems.length} problem(s):\n${formatValidationProblems(specProblems)}`,
        );
      }
      if (ctx.isDryRun) {
        ctx.logger.info('Dry run: the catalog and the AWS account are not checked');
        return;
      }

      const problems: ValidationProblem[] = [];
      const credentials = await ctx.getInitiatorCredentials();

      // The form sends only declared parameters, but an API caller may misspell one,
      // and the template would then quietly use the default in its place.
      const templateRef = ctx.templateInfo?.entityRef;
      if (ctx.input.parameters && templateRef) {
        const template = await catalog.getEntityByRef(templateRef, { credentials });
        const declared = [...declaredParameterNames(template?.spec?.parameters)];
        for (const name of Object.keys(ctx.input.parameters)) {
          if (declared.length === 0 || declared.includes(name)) continue;
          const suggestion = closestName(name, declared);
          problems.push({
            field: name,
            message: `Unknown template parameter${
              suggestion ? ` (did you mean "${suggestion}"?)` : ''
            }: remove it or correct the spelling.`,
          });
        }
      }

      const entityRef = stringifyEntityRef({ kind: 'Component', name: spec.service.name });
      const existing = await catalog.getEntityByRef(entityRef, { credentials });
      if (existing) {
        problems.push({
          field: 'service.name',
          message: `The catalog already has ${entityRef}: choose another name, or change that service in its own repository.`,
        });
      }

      const { accountId, region } = spec.aws;
      let existingCluster: Cluster | undefined;
      if (awsClients.isAccountConfigured(accountId)) {
        try {
          const clients = await awsClients.forAccountRegion(accountId, region);
          const checked = await checkAccount(clients, spec);
          problems.push(...checked.problems);
          existingCluster = spec.cluster.mode === 'existing' ? checked.cluster : undefined;
        } catch (error) {
          // The details may name roles and account internals; they stay in the log.
          ctx.logger.warn(`Checking account ${accountId} (${region}) failed: ${error}`);
          problems.push({
            field: 'aws.accountId',
            message: `Account ${accountId} (${region}) could not be checked (${(error as Error).name}): give the portal ecs:DescribeClusters, ecs:DescribeServices and ecs:DescribeCapacityProviders there, or try again.`,
          });
        }
      } else if (ctx.input.requireConfiguredAccount) {
        problems.push({
          field: 'aws.accountId',
          message: `Account ${accountId} is not configured under aws.accounts of this portal: choose a configured account, or ask the portal's operators to add it.`,
        });
      } else {
        ctx.logger.info(
          `Account ${accountId} is not configured under aws.accounts, so its names are not checked here; a conflict shows up at the apply`,
        );
      }

      if (problems.length > 0) {
        throw new InputError(
          `The service cannot be created as specified, ${problems.length} problem(s):\n${formatValidationProblems(problems)}`,
        );
      }

      if (existingCluster && ctx.input.terraformPath) {
        const file = path.join(
          resolveSafeChildPath(ctx.workspacePath, ctx.input.terraformPath),
          EXISTING_CLUSTER_VARIABLES_FILE,
        );
        await fs.promises.writeFile(file, await existingClusterVariables(existingCluster), 'utf8');
        ctx.logger.info(
          `Cluster ${spec.cluster.name} keeps its capacity providers (${
            existingCluster.capacityProviders?.join(', ') || 'none'
          }) and default strategy: written to ${EXISTING_CLUSTER_VARIABLES_FILE}`,
        );
      }
      ctx.logger.info(
        `${entityRef} is free in the catalog${
          awsClients.isAccountConfigured(accountId)
            ? `, and its cluster, service and capacity provider names fit account ${accountId} (${region})`
            : ''
        }`,
      );
    },
  });
}
