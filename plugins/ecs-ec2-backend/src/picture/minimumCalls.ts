/** Counts of what one service's picture reads, the inputs of the call-count formula. */
export interface ServiceShape {
  runningTasks: number;
  stoppedTasks: number;
  /** Container instances registered in the service's cluster. */
  clusterInstances: number;
  /** Capacity providers named by the cluster's instances and the service's strategy. */
  clusterCapacityProviders: number;
  /** Container instances and capacity providers the picture shows metrics for. */
  shownInstances: number;
  shownCapacityProviders: number;
  /** Failed or rolled-back entries among the newest service deployments. */
  failedServiceDeployments: number;
}

const pages = (items: number, size: number) => Math.max(1, Math.ceil(items / size));
const batches = (items: number, size: number) => Math.ceil(items / size);

/**
 * The fewest AWS calls that return everything the picture of one service shows,
 * given the maxima of each API: ListTasks pages of 100 (one list for running and
 * one for stopped tasks, each at least one call), DescribeTasks of 100, container
 * instance pages and describes of 100, DescribeCapacityProviders and
 * DescribeAutoScalingGroups of 100, DescribeServiceDeployments and
 * DescribeServiceRevisions of 20, and GetMetricData of 500 queries (two per service
 * and per instance, one per capacity provider).
 */
export function minimumCallsForService(shape: ServiceShape): Record<string, number> {
  const rolledBack = shape.failedServiceDeployments;
  return {
    'ECS.DescribeServices': 1,
    'ECS.DescribeTaskDefinition': 1,
    'ECS.ListTasks':
      pages(shape.runningTasks, 100) + pages(shape.stoppedTasks, 100),
    'ECS.DescribeTasks': batches(shape.runningTasks + shape.stoppedTasks, 100),
    'ECS.ListContainerInstances': pages(shape.clusterInstances, 100),
    'ECS.DescribeContainerInstances': batches(shape.clusterInstances, 100),
    'ECS.DescribeCapacityProviders': batches(shape.clusterCapacityProviders, 10),
    'AutoScaling.DescribeAutoScalingGroups': batches(shape.clusterCapacityProviders, 100),
    'ECS.ListServiceDeployments': 1,
    'ECS.DescribeServiceDeployments': batches(rolledBack, 20),
    // Each rolled-back deployment names its target and its rollback revision.
    'ECS.DescribeServiceRevisions': batches(rolledBack * 2, 20),
    'CloudWatch.GetMetricData': batches(
      2 + 2 * shape.shownInstances + shape.shownCapacityProviders,
      500,
    ),
  };
}

export function total(calls: Record<string, number>): number {
  return Object.values(calls).reduce((sum, count) => sum + count, 0);
}
