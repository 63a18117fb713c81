import type { ContainerInstanceRecord } from './types';

/**
 * Returns the attributes the ECS agent reports for a container instance. The agent
 * reports no purchase option: Spot or On-Demand shows in the InstancesDistribution
 * of the instance's Auto Scaling group.
 */
export function instanceAttributes(instance: ContainerInstanceRecord): Record<string, string> {
  const graviton = /^[a-z]+\dg[a-z]*\./.test(instance.instanceType);
  const attributes: Record<string, string> = {
    'ecs.instance-type': instance.instanceType,
    'ecs.availability-zone': instance.availabilityZone,
    'ecs.os-type': 'linux',
    'ecs.os-family': 'LINUX',
    'ecs.cpu-architecture': graviton ? 'arm64' : 'x86_64',
    'ecs.ami-id': graviton ? 'ami-0a1b2c3d4e5f6a7b8' : 'ami-0f1e2d3c4b5a69788',
    'ecs.capability.task-eni': '',
    'com.amazonaws.ecs.capability.docker-remote-api.1.44': '',
    'ecs.capability.execution-role-awslogs': '',
  };
  if (instance.gpuIds.length > 0) {
    attributes['ecs.capability.nvidia-driver-version.550.127.05'] = '';
  }
  return attributes;
}

/**
 * Evaluates a cluster query language expression against a container instance.
 *
 * Supported subset: `attribute:<name> <op> <value>` and `ec2InstanceId <op> <value>` with the
 * operators `==`, `!=`, `=~` (a pattern where `*` matches anything), `in [a, b]`, `not_in [a, b]`,
 * `exists` and `!exists`, joined by `and` or `or` (and binds tighter; no parentheses).
 * Throws on anything else so a caller learns the expression is unsupported.
 */
export function matchesExpression(expression: string, instance: ContainerInstanceRecord): boolean {
  const attributes = instanceAttributes(instance);
  return expression
    .split(/\s+or\s+/i)
    .some(alternative =>
      alternative.split(/\s+and\s+/i).every(term => matchesTerm(term.trim(), instance, attributes)),
    );
}

function matchesTerm(
  term: string,
  instance: ContainerInstanceRecord,
  attributes: Record<string, string>,
): boolean {
  const match = /^(attribute:[\w.\-]+|ec2InstanceId)\s*(==|!=|=~|\s+not_in\s+|\s+in\s+|\s+exists|\s+!exists)\s*(.*)$/i.exec(term);
  if (!match) {
    throw new Error(
      `Unsupported expression "${term}": use attribute:<name> followed by ==, !=, =~, in, not_in, exists or !exists`,
    );
  }
  const [, subject, rawOperator, rawValue] = match;
  const operator = rawOperator.trim();
  const actual = subject === 'ec2InstanceId' ? instance.ec2InstanceId : attributes[subject.slice('attribute:'.length)];
  const value = rawValue.trim();

  switch (operator) {
    case 'exists':
      return actual !== undefined;
    case '!exists':
      return actual === undefined;
    case '==':
      return actual === value;
    case '!=':
      return actual !== value;
    case '=~':
      return actual !== undefined && wildcardToRegExp(value).test(actual);
    case 'in':
      return actual !== undefined && parseList(value).includes(actual);
    case 'not_in':
      return actual === undefined || !parseList(value).includes(actual);
    default:
      throw new Error(`Unsupported operator "${operator}" in expression "${term}"`);
  }
}

function parseList(value: string): string[] {
  return value
    .replace(/^\[/, '')
    .replace(/\]$/, '')
    .split(',')
    .map(v => v.trim())
    .filter(Boolean);
}

function wildcardToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}
