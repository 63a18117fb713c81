/**
 * Builds the ARNs ECS and Auto Scaling use. Services, tasks and container instances take
 * the long format with the cluster name unless `long` is false: accounts that predate the
 * long format, or turned its account settings off, still get the old one.
 */
export const arns = {
  cluster: (region: string, account: string, name: string) =>
    `arn:aws:ecs:${region}:${account}:cluster/${name}`,
  service: (region: string, account: string, cluster: string, name: string, long = true) =>
    `arn:aws:ecs:${region}:${account}:service/${long ? `${cluster}/` : ''}${name}`,
  task: (region: string, account: string, cluster: string, id: string, long = true) =>
    `arn:aws:ecs:${region}:${account}:task/${long ? `${cluster}/` : ''}${id}`,
  container: (region: string, account: string, cluster: string, taskId: string, id: string) =>
    `arn:aws:ecs:${region}:${account}:container/${cluster}/${taskId}/${id}`,
  containerInstance: (region: string, account: string, cluster: string, id: string, long = true) =>
    `arn:aws:ecs:${region}:${account}:container-instance/${long ? `${cluster}/` : ''}${id}`,
  taskDefinition: (region: string, account: string, family: string, revision: number) =>
    `arn:aws:ecs:${region}:${account}:task-definition/${family}:${revision}`,
  capacityProvider: (region: string, account: string, name: string) =>
    `arn:aws:ecs:${region}:${account}:capacity-provider/${name}`,
  serviceRevision: (region: string, account: string, cluster: string, service: string, id: string) =>
    `arn:aws:ecs:${region}:${account}:service-revision/${cluster}/${service}/${id}`,
  serviceDeployment: (region: string, account: string, cluster: string, service: string, id: string) =>
    `arn:aws:ecs:${region}:${account}:service-deployment/${cluster}/${service}/${id}`,
  autoScalingGroup: (region: string, account: string, uuid: string, name: string) =>
    `arn:aws:autoscaling:${region}:${account}:autoScalingGroup:${uuid}:autoScalingGroupName/${name}`,
};

/** Returns the last path segment of an ARN, or the value itself when it is a plain name or id. */
export function resourceName(nameOrArn: string): string {
  if (!nameOrArn.startsWith('arn:')) {
    return nameOrArn;
  }
  const resource = nameOrArn.split(':').slice(5).join(':');
  const parts = resource.split('/');
  return parts[parts.length - 1];
}
