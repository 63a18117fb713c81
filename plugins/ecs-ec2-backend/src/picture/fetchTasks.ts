import {
  DescribeTasksCommand,
  DescribeTasksCommandOutput,
  DesiredStatus,
  Failure,
  ListTasksCommand,
  Task,
} from '@aws-sdk/client-ecs';
import { LoggerService } from '@backstage/backend-plugin-api';
import { EcsWarning } from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import { AwsAccountRegionClients } from '../aws/AwsClients';
import { warningFromError } from '../aws/awsWarnings';
import { BatchDescriber } from '../aws/BatchDescriber';
import { ServiceTarget } from './serviceTargets';

/** ListTasks returns at most 100 ARNs per page and DescribeTasks takes at most 100. */
const TASK_PAGE_SIZE = 100;

export interface FetchedTasks {
  /** Described tasks by service name. */
  tasksByService: Map<string, Task[]>;
  /** Tasks that ListTasks returned but DescribeTasks reported as failures (MISSING). */
  failuresByService: Map<string, Failure[]>;
  warnings: EcsWarning[];
}

/**
 * Lists the running and the stopped tasks of every service of one cluster and
 * describes them. Each full ListTasks page goes to DescribeTasks at once, while the
 * next page is being read. The partial last pages of all lists share their calls.
 */
export async function fetchTasks(
  clients: AwsAccountRegionClients,
  clusterName: string,
  targets: ServiceTarget[],
  logger: LoggerService,
): Promise<FetchedTasks> {
  const serviceOfTask = new Map<string, string>();
  const warnings: EcsWarning[] = [];
  const describer = new BatchDescriber<DescribeTasksCommandOutput>(
    TASK_PAGE_SIZE,
    tasks =>
      clients.run(() =>
        clients.ecs.send(new DescribeTasksCommand({ cluster: clusterName, tasks })),
      ),
  );

  const listAll = async (target: ServiceTarget, desiredStatus: DesiredStatus) => {
    const listPage = (nextToken?: string) =>
      clients.run(() =>
        clients.ecs.send(
          new ListTasksCommand({
            cluster: clusterName,
            serviceName: target.serviceName,
            desiredStatus,
            maxResults: TASK_PAGE_SIZE,
            nextToken,
          }),
        ),
      );
    try {
      let page = await listPage();
      for (;;) {
        // The next page is requested before this one is described: the page chain is
        // the longest path of the picture, so it goes first at every step.
        const next = page.nextToken ? listPage(page.nextToken) : undefined;
        const arns = page.taskArns ?? [];
        arns.forEach(arn => serviceOfTask.set(arn, target.serviceName));
        describer.add(arns);
        if (!next) break;
        page = await next;
      }
    } catch (error) {
      const which = desiredStatus === 'STOPPED' ? 'Stopped tasks' : 'Tasks';
      warnings.push(
        warningFromError(
          error,
          `${which} of service ${target.serviceName}`,
          logger,
          target.serviceArn,
        ),
      );
    }
  };

  // RUNNING also returns PENDING tasks, because their desired status is RUNNING.
  await Promise.all(
    targets.flatMap(target => [
      listAll(target, 'RUNNING'),
      listAll(target, 'STOPPED'),
    ]),
  );
  const outcomes = await describer.finish();

  const tasksByService = new Map<string, Task[]>();
  const failuresByService = new Map<string, Failure[]>();
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key) ?? [];
    list.push(value);
    map.set(key, list);
  };

  for (const outcome of outcomes) {
    if (!outcome.ok) {
      const services = new Set(outcome.ids.map(id => serviceOfTask.get(id)!));
      for (const serviceName of services) {
        const target = targets.find(t => t.serviceName === serviceName);
        warnings.push(
          warningFromError(
            outcome.error,
            `Details of ${outcome.ids.filter(id => serviceOfTask.get(id) === serviceName).length} tasks of service ${serviceName}`,
            logger,
            target?.serviceArn,
          ),
        );
      }
      continue;
    }
    for (const task of outcome.value.tasks ?? []) {
      const serviceName =
        serviceOfTask.get(task.taskArn ?? '') ??
        task.group?.replace(/^service:/, '') ??
        '';
      push(tasksByService, serviceName, task);
    }
    for (const failure of outcome.value.failures ?? []) {
      push(failuresByService, serviceOfTask.get(failure.arn ?? '') ?? '', failure);
    }
  }

  return { tasksByService, failuresByService, warnings };
}
