import { Entity } from '@backstage/catalog-model';
import { parse as parseArn, validate as isArn } from '@aws-sdk/util-arn-parser';
import {
  AWSLABS_ECS_SERVICE_ARN_ANNOTATION,
  ECS_EC2_ACCOUNT_ID_ANNOTATION,
  ECS_EC2_CLUSTER_ANNOTATION,
  ECS_EC2_REGION_ANNOTATION,
  ECS_EC2_SERVICE_ARN_ANNOTATION,
  ECS_EC2_SERVICE_NAME_ANNOTATION,
  EcsWarning,
} from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';

/** One ECS service named by an entity, with the account and region to ask. */
export interface ServiceTarget {
  serviceArn: string;
  serviceName: string;
  clusterName: string;
  accountId: string;
  region: string;
  partition: string;
}

/** Services an entity's annotations name, and the annotations that could not be used. */
export interface ServiceTargets {
  targets: ServiceTarget[];
  warnings: EcsWarning[];
  /** True when the entity carries at least one ECS annotation, valid or not. */
  annotated: boolean;
}

const ACCOUNT_ID = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const RESOURCE_NAME = /^[A-Za-z0-9_-]{1,255}$/;

/**
 * Reads the ECS services an entity names. Account and region always come from the
 * ARN (or the account and region annotations), never from a default. Old-format
 * service ARNs (`service/<name>`) do not name their cluster, so they are used only
 * together with the `ecs-ec2.io/cluster` annotation.
 */
export function readServiceTargets(entity: Entity): ServiceTargets {
  const annotations = entity.metadata.annotations ?? {};
  const targets: ServiceTarget[] = [];
  const warnings: EcsWarning[] = [];
  const clusterAnnotation = annotations[ECS_EC2_CLUSTER_ANNOTATION]?.trim();

  const arnAnnotations = [
    ECS_EC2_SERVICE_ARN_ANNOTATION,
    AWSLABS_ECS_SERVICE_ARN_ANNOTATION,
  ].filter(name => annotations[name] !== undefined);

  for (const annotation of arnAnnotations) {
    for (const arn of splitList(annotations[annotation])) {
      const result = parseServiceArn(arn, clusterAnnotation);
      if ('target' in result) {
        targets.push(result.target);
      } else {
        warnings.push(invalidAnnotation(annotation, result.problem));
      }
    }
  }

  const byName = [
    ECS_EC2_CLUSTER_ANNOTATION,
    ECS_EC2_SERVICE_NAME_ANNOTATION,
    ECS_EC2_ACCOUNT_ID_ANNOTATION,
    ECS_EC2_REGION_ANNOTATION,
  ];
  const serviceNameAnnotation = annotations[ECS_EC2_SERVICE_NAME_ANNOTATION];
  if (serviceNameAnnotation !== undefined) {
    const missing = byName.filter(name => !annotations[name]?.trim());
    if (missing.length > 0) {
      warnings.push(
        invalidAnnotation(
          ECS_EC2_SERVICE_NAME_ANNOTATION,
          `it needs ${missing.join(', ')} as well; add them or use ${ECS_EC2_SERVICE_ARN_ANNOTATION} with the full service ARN`,
        ),
      );
    } else {
      targets.push(
        ...readNamedTargets(annotations, clusterAnnotation!, warnings),
      );
    }
  }

  return {
    targets: dedupe(targets),
    warnings,
    annotated:
      arnAnnotations.length > 0 ||
      byName.some(name => annotations[name] !== undefined),
  };
}

function readNamedTargets(
  annotations: Record<string, string>,
  clusterName: string,
  warnings: EcsWarning[],
): ServiceTarget[] {
  const accountId = annotations[ECS_EC2_ACCOUNT_ID_ANNOTATION].trim();
  const region = annotations[ECS_EC2_REGION_ANNOTATION].trim();

  if (!ACCOUNT_ID.test(accountId)) {
    warnings.push(
      invalidAnnotation(
        ECS_EC2_ACCOUNT_ID_ANNOTATION,
        `"${accountId}" is not a 12-digit AWS account id`,
      ),
    );
    return [];
  }
  if (!REGION.test(region)) {
    warnings.push(
      invalidAnnotation(
        ECS_EC2_REGION_ANNOTATION,
        `"${region}" is not an AWS region such as us-east-1`,
      ),
    );
    return [];
  }
  if (!RESOURCE_NAME.test(clusterName)) {
    warnings.push(
      invalidAnnotation(
        ECS_EC2_CLUSTER_ANNOTATION,
        `"${clusterName}" is not a cluster name (letters, digits, hyphens, underscores)`,
      ),
    );
    return [];
  }

  const partition = partitionOf(region);
  const targets: ServiceTarget[] = [];
  for (const serviceName of splitList(
    annotations[ECS_EC2_SERVICE_NAME_ANNOTATION],
  )) {
    if (!RESOURCE_NAME.test(serviceName)) {
      warnings.push(
        invalidAnnotation(
          ECS_EC2_SERVICE_NAME_ANNOTATION,
          `"${serviceName}" is not a service name (letters, digits, hyphens, underscores)`,
        ),
      );
      continue;
    }
    targets.push({
      serviceArn: `arn:${partition}:ecs:${region}:${accountId}:service/${clusterName}/${serviceName}`,
      serviceName,
      clusterName,
      accountId,
      region,
      partition,
    });
  }
  return targets;
}

type ParsedServiceArn = { target: ServiceTarget } | { problem: string };

/** Parses both service ARN formats: `service/<cluster>/<name>` and the old `service/<name>`. */
export function parseServiceArn(
  arn: string,
  clusterAnnotation?: string,
): ParsedServiceArn {
  if (!isArn(arn)) {
    return { problem: `"${arn}" is not an ARN` };
  }
  const parsed = parseArn(arn);
  const resource = parsed.resource.split('/');
  if (parsed.service !== 'ecs' || resource[0] !== 'service') {
    return {
      problem: `"${arn}" is not an ECS service ARN (arn:aws:ecs:<region>:<account>:service/<cluster>/<service>)`,
    };
  }
  if (!ACCOUNT_ID.test(parsed.accountId) || !REGION.test(parsed.region)) {
    return {
      problem: `"${arn}" does not name a 12-digit account id and a region`,
    };
  }

  let clusterName: string;
  let serviceName: string;
  if (resource.length === 3) {
    [, clusterName, serviceName] = resource;
  } else if (resource.length === 2) {
    // The old ARN format has no cluster, and ECS cannot describe a service
    // without its cluster, so the cluster annotation has to supply it.
    if (!clusterAnnotation) {
      return {
        problem: `"${arn}" is an old-format service ARN without the cluster; add the ${ECS_EC2_CLUSTER_ANNOTATION} annotation with the cluster name`,
      };
    }
    clusterName = clusterAnnotation;
    serviceName = resource[1];
  } else {
    return { problem: `"${arn}" has an unexpected service resource part` };
  }

  if (!RESOURCE_NAME.test(clusterName) || !RESOURCE_NAME.test(serviceName)) {
    return { problem: `"${arn}" has an invalid cluster or service name` };
  }

  return {
    target: {
      serviceArn: arn,
      serviceName,
      clusterName,
      accountId: parsed.accountId,
      region: parsed.region,
      partition: parsed.partition,
    },
  };
}

/** Returns the last part of a task ARN, in both `task/<id>` and `task/<cluster>/<id>` formats. */
export function taskIdFromArn(taskArn: string): string {
  const resource = taskArn.split(':').slice(5).join(':');
  const parts = resource.split('/');
  return parts[parts.length - 1];
}

/** Reads the revision number at the end of a task definition ARN (`...:task-definition/family:7`). */
export function revisionFromTaskDefinitionArn(arn: string | undefined): number {
  const match = arn?.match(/:(\d+)$/);
  return match ? Number(match[1]) : 0;
}

/** Reads the family of a task definition ARN. */
export function familyFromTaskDefinitionArn(arn: string | undefined): string {
  const match = arn?.match(/task-definition\/([^:]+)(:\d+)?$/);
  return match ? match[1] : '';
}

function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map(part => part.trim())
    .filter(part => part.length > 0);
}

function invalidAnnotation(annotation: string, problem: string): EcsWarning {
  return {
    code: 'INVALID_ANNOTATION',
    part: `Annotation ${annotation}`,
    message: `Annotation ${annotation} was ignored because ${problem}.`,
  };
}

function dedupe(targets: ServiceTarget[]): ServiceTarget[] {
  const seen = new Map<string, ServiceTarget>();
  for (const target of targets) {
    const key = `${target.accountId}/${target.region}/${target.clusterName}/${target.serviceName}`;
    if (!seen.has(key)) seen.set(key, target);
  }
  return [...seen.values()];
}
