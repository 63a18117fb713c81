import {
  ContainerInstance,
  DescribeContainerInstancesCommand,
  DescribeContainerInstancesCommandOutput,
  ListContainerInstancesCommand,
} from '@aws-sdk/client-ecs';
import { LoggerService } from '@backstage/backend-plugin-api';
import { EcsWarning } from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import { AwsAccountRegionClients } from '../aws/AwsClients';
import { warningFromError } from '../aws/awsWarnings';
import { BatchDescriber } from '../aws/BatchDescriber';

/** ListContainerInstances pages and DescribeContainerInstances batches hold at most 100. */
const INSTANCE_PAGE_SIZE = 100;

export interface FetchedContainerInstances {
  instances: ContainerInstance[];
  warnings: EcsWarning[];
}

/**
 * Lists and describes every container instance of a cluster. All of them are
 * needed because the picture shows the whole capacity of the service's capacity
 * providers, and only the description names an instance's capacity provider.
 */
export async function fetchContainerInstances(
  clients: AwsAccountRegionClients,
  clusterName: string,
  logger: LoggerService,
): Promise<FetchedContainerInstances> {
  const part = `Container instances of cluster ${clusterName}`;
  const warnings: EcsWarning[] = [];
  const describer = new BatchDescriber<DescribeContainerInstancesCommandOutput>(
    INSTANCE_PAGE_SIZE,
    containerInstances =>
      clients.run(() =>
        clients.ecs.send(
          new DescribeContainerInstancesCommand({
            cluster: clusterName,
            containerInstances,
          }),
        ),
      ),
  );

  let nextToken: string | undefined;
  try {
    do {
      const page = await clients.run(() =>
        clients.ecs.send(
          new ListContainerInstancesCommand({
            cluster: clusterName,
            maxResults: INSTANCE_PAGE_SIZE,
            nextToken,
          }),
        ),
      );
      describer.add(page.containerInstanceArns ?? []);
      nextToken = page.nextToken;
    } while (nextToken);
  } catch (error) {
    warnings.push(warningFromError(error, part, logger));
  }

  const instances: ContainerInstance[] = [];
  let missing = 0;
  for (const outcome of await describer.finish()) {
    if (!outcome.ok) {
      warnings.push(warningFromError(outcome.error, part, logger));
      continue;
    }
    instances.push(...(outcome.value.containerInstances ?? []));
    missing += outcome.value.failures?.length ?? 0;
  }
  if (missing > 0) {
    warnings.push({
      code: 'MISSING',
      part,
      message: `${missing} container instances of cluster ${clusterName} were listed but AWS reported them as missing when described, usually because they deregistered meanwhile.`,
    });
  }

  return { instances, warnings };
}
