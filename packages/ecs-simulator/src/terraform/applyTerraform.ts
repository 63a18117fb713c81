import fs from 'node:fs';
import path from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { evaluateValue } from './expressions';
import { DEFAULT_REGION } from '../scenario/buildWorld';
import { reconcileService } from '../world/scheduler';
import type { World } from '../world/World';
import type { AutoScalingGroupRecord, ClusterRecord, RegionRecord, ServiceRecord } from '../world/types';

/** A resource a simulated apply created. @public */
export interface AppliedResource {
  type: string;
  name: string;
  /** The id Terraform would record: an ARN for ECS resources, the name for an Auto Scaling group. */
  id: string;
}

/** The resources a simulated apply created, with the account and region it used. @public */
export interface ApplyResult {
  account: string;
  region: string;
  resources: AppliedResource[];
}

// Resources are created in this order so references always point at something created earlier.
const RESOURCE_ORDER = [
  'aws_ecs_cluster',
  'aws_launch_template',
  'aws_autoscaling_group',
  'aws_ecs_capacity_provider',
  'aws_ecs_cluster_capacity_providers',
  'aws_ecs_task_definition',
  'aws_ecs_service',
];

type Block = Record<string, any>;

const first = (value: unknown): Block => (Array.isArray(value) ? value[0] ?? {} : (value as Block) ?? {});

/** Variable files Terraform loads by itself: `terraform.tfvars` and `*.auto.tfvars`. */
export function isAutoVariablesFile(name: string): boolean {
  const base = name.split('/').pop() ?? name;
  return base === 'terraform.tfvars' || base.endsWith('.auto.tfvars');
}

/** Reads every `.tf` file and automatic variables file of a folder and applies them. */
export async function applyTerraformDir(world: World, dir: string): Promise<ApplyResult> {
  const files: Record<string, string> = {};
  for (const name of fs.readdirSync(dir)) {
    if (name.endsWith('.tf') || isAutoVariablesFile(name)) {
      files[name] = fs.readFileSync(path.join(dir, name), 'utf8');
    }
  }
  if (Object.keys(files).length === 0) {
    throw new Error(`No .tf files found in ${dir}`);
  }
  return applyTerraformFiles(world, files);
}

/**
 * Simulates `terraform apply` of the ECS resources in a module: parses the HCL, resolves
 * variables (from `terraform.tfvars` and `*.auto.tfvars`, else their defaults), locals,
 * references between resources and `dynamic` blocks, and creates the
 * cluster, launch templates, Auto Scaling groups with instances, capacity providers, task
 * definitions and services. Resource types outside that list are ignored.
 */
export async function applyTerraformFiles(world: World, files: Record<string, string>): Promise<ApplyResult> {
  const merged: {
    resource: Record<string, Record<string, Block>>;
    data: Record<string, Record<string, Block>>;
    variable: Record<string, Block>;
    locals: Block;
    provider: Block;
  } = {
    resource: {},
    data: {},
    variable: {},
    locals: {},
    provider: {},
  };
  const assigned: Record<string, unknown> = {};
  for (const [name, content] of Object.entries(files)) {
    const json = (await parse(name, content)) as Record<string, any>;
    if (isAutoVariablesFile(name)) {
      Object.assign(assigned, json);
      continue;
    }
    for (const [type, byName] of Object.entries(json.resource ?? {})) {
      merged.resource[type] = { ...merged.resource[type], ...(byName as Record<string, Block>) };
    }
    for (const [type, byName] of Object.entries(json.data ?? {})) {
      merged.data[type] = { ...merged.data[type], ...(byName as Record<string, Block>) };
    }
    for (const [variable, blocks] of Object.entries(json.variable ?? {})) {
      merged.variable[variable] = first(blocks);
    }
    for (const locals of json.locals ?? []) {
      Object.assign(merged.locals, locals);
    }
    if (json.provider?.aws) {
      merged.provider = first(json.provider.aws);
    }
  }

  const state = new Map<string, Block>();
  const resolve = (parts: string[]): unknown => {
    const [head, ...rest] = parts;
    let value: unknown;
    if (head === 'var') {
      const variable = merged.variable[rest[0]];
      if (!variable) {
        throw new Error(`Variable ${rest[0]} is not declared`);
      }
      if (rest[0] in assigned) {
        return pick(evaluateValue(assigned[rest[0]], resolve), rest.slice(1));
      }
      if (!('default' in variable)) {
        // NOTE: there is no tfvars input, so a variable without a default (subnets, security
        // groups) is null. The ECS resources the simulator models do not read those values.
        return null;
      }
      value = evaluateValue(variable.default, resolve);
      return pick(value, rest.slice(1));
    }
    if (head === 'local') {
      return pick(evaluateValue(merged.locals[rest[0]], resolve), rest.slice(1));
    }
    if (head === 'data' && rest[0] === 'aws_ecs_cluster') {
      // An existing cluster: its name is the data source's own argument, and
      // its ARN ends in that name, which is all the ECS resources read of it.
      const arguments_ = evaluateValue(first(merged.data.aws_ecs_cluster?.[rest[1]] ?? []), resolve) as Block;
      const clusterName = String(arguments_?.cluster_name ?? '');
      const attributes: Record<string, string> = {
        cluster_name: clusterName,
        name: clusterName,
        id: clusterName,
        arn: `arn:aws:ecs:::cluster/${clusterName}`,
      };
      return attributes[rest[2] ?? 'id'] ?? clusterName;
    }
    if (head === 'data' || (!RESOURCE_ORDER.includes(head) && merged.resource[head]?.[rest[0]])) {
      // Data sources and resource types the simulator does not model (IAM roles, log groups)
      // resolve to stand-in values, so the ECS resources that refer to them still apply.
      const [type, name] = head === 'data' ? rest : [head, rest[0]];
      const standIn = `${type}-${name}`;
      return { id: standIn, arn: `arn:aws:simulated:::${type}/${name}`, name: standIn, names: [] }[
        (head === 'data' ? rest[2] : rest[1]) ?? 'id'
      ] ?? standIn;
    }
    const created = state.get(`${head}.${rest[0]}`);
    if (!created) {
      throw new Error(`Reference ${parts.join('.')} points at a resource that is not declared or not supported`);
    }
    return pick(created, rest.slice(1));
  };

  const provider = evaluateValue(merged.provider, resolve) as Block;
  const account = String(
    (merged.variable.account_id && resolve(['var', 'account_id'])) ?? provider.allowed_account_ids?.[0] ?? world.defaultAccount,
  );
  const regionName = String(provider.region ?? (merged.variable.region ? resolve(['var', 'region']) : DEFAULT_REGION));
  const region = world.region(account, regionName);
  const resources: AppliedResource[] = [];

  for (const type of RESOURCE_ORDER) {
    for (const [name, blocks] of Object.entries(merged.resource[type] ?? {})) {
      // Meta-arguments hold bare attribute names and references the apply does not need.
      const { lifecycle, depends_on, dynamic, ...declared } = first(blocks);
      const attributes = evaluateValue(declared, resolve) as Block;
      expandDynamicBlocks(dynamic, attributes, resolve);
      const created = createResource(world, region, type, attributes, state);
      state.set(`${type}.${name}`, created);
      resources.push({ type, name, id: String(created.id) });
    }
  }
  return { account, region: regionName, resources };
}

/**
 * Adds the blocks that `dynamic "<label>"` generates to the evaluated attributes: one
 * `content` per item of `for_each`, where `<label>.value` and `<label>.key` name the item.
 */
function expandDynamicBlocks(dynamic: unknown, attributes: Block, resolve: (parts: string[]) => unknown) {
  for (const [label, generators] of Object.entries((dynamic ?? {}) as Record<string, Block[]>)) {
    for (const generator of generators) {
      const forEach = evaluateValue(generator.for_each, resolve);
      const entries = Array.isArray(forEach)
        ? forEach.map((item, index) => [index, item] as const)
        : Object.entries((forEach ?? {}) as Record<string, unknown>);
      for (const [key, item] of entries) {
        const itemResolve = (parts: string[]) => {
          if (parts[0] !== label) return resolve(parts);
          return parts[1] === 'key' ? key : pick(item, parts.slice(2));
        };
        const content = evaluateValue(first(generator.content), itemResolve);
        attributes[label] = [...(attributes[label] ?? []), content];
      }
    }
  }
}

function pick(value: unknown, parts: string[]): unknown {
  let current = value as any;
  for (const part of parts) {
    current = Array.isArray(current) && !/^\d+$/.test(part) ? current[0]?.[part] : current?.[part];
  }
  return current;
}

function createResource(world: World, region: RegionRecord, type: string, a: Block, state: Map<string, Block>): Block {
  switch (type) {
    case 'aws_launch_template': {
      const id = `lt-${world.random.hex(17)}`;
      return { id, name: a.name ?? a.name_prefix ?? id, instance_type: a.instance_type ?? 'm6i.large', latest_version: 1 };
    }
    case 'aws_autoscaling_group': {
      const templateRef = first(a.launch_template).id ?? first(first(first(a.mixed_instances_policy).launch_template).launch_template_specification).launch_template_id;
      const template = [...state.values()].find(s => s.id === templateRef);
      const overrides = first(first(a.mixed_instances_policy).launch_template).override;
      const overrideTypes = (Array.isArray(overrides) ? overrides : []).map((o: Block) => o.instance_type).filter(Boolean);
      const distribution = first(first(a.mixed_instances_policy).instances_distribution);
      // Without a mixed instances policy the group is On-Demand; inside one, AWS's defaults
      // are a base of 0 and 100 % On-Demand above it.
      const onDemandBase = Number(distribution.on_demand_base_capacity ?? 0);
      const onDemandAbove = Number(distribution.on_demand_percentage_above_base_capacity ?? 100);
      const spot = onDemandAbove < 100;
      const zones = Array.isArray(a.availability_zones) ? a.availability_zones : ['a', 'b', 'c'].map(z => `${region.region}${z}`);
      const tags = Object.fromEntries((Array.isArray(a.tag) ? a.tag : []).map((t: Block) => [t.key, String(t.value)]));
      const group = world.createAutoScalingGroup(region, {
        name: a.name ?? `${a.name_prefix ?? 'asg'}${world.random.hex(8)}`,
        minSize: Number(a.min_size ?? 0),
        maxSize: Number(a.max_size ?? 1),
        availabilityZones: zones,
        instanceTypes: overrideTypes.length ? overrideTypes : [template?.instance_type ?? 'm6i.large'],
        spot,
        onDemandBaseCapacity: onDemandBase,
        onDemandPercentageAboveBaseCapacity: onDemandAbove,
        protectedFromScaleIn: Boolean(a.protect_from_scale_in),
        tags,
      });
      if (template) {
        group.launchTemplateId = template.id;
        group.launchTemplateName = template.name;
      }
      (group as AutoScalingGroupRecord & { initialCapacity?: number }).initialCapacity = Number(a.desired_capacity ?? a.min_size ?? 0);
      return { id: group.name, name: group.name, arn: group.arn };
    }
    case 'aws_ecs_cluster': {
      const insights = (Array.isArray(a.setting) ? a.setting : []).find((s: Block) => s.name === 'containerInsights');
      const cluster = world.createCluster(region, {
        name: a.name,
        containerInsights: insights ? insights.value !== 'disabled' : false,
        tags: a.tags ?? {},
      });
      return { id: cluster.arn, arn: cluster.arn, name: cluster.name };
    }
    case 'aws_ecs_capacity_provider': {
      const groupProvider = first(a.auto_scaling_group_provider);
      const scaling = first(groupProvider.managed_scaling);
      const groupRef = String(groupProvider.auto_scaling_group_arn ?? '');
      const group = [...region.autoScalingGroups.values()].find(g => g.arn === groupRef || g.name === groupRef);
      if (!group) {
        throw new Error(`Capacity provider ${a.name} refers to Auto Scaling group ${groupRef}, which the module does not create`);
      }
      // CreateCapacityProvider fails on a name the account and Region already use.
      if (region.capacityProviders.has(a.name)) {
        throw new Error(`Capacity provider ${a.name}: the specified capacity provider already exists`);
      }
      const provider = world.createCapacityProvider(region, {
        name: a.name,
        autoScalingGroupName: group.name,
        managedScaling: (scaling.status ?? 'ENABLED') === 'ENABLED',
        targetCapacity: Number(scaling.target_capacity ?? 100),
        managedTerminationProtection: groupProvider.managed_termination_protection === 'ENABLED',
        managedDraining: groupProvider.managed_draining !== 'DISABLED',
        spotInterruptionMinutes: undefined,
        tags: a.tags ?? {},
      });
      return { id: provider.arn, arn: provider.arn, name: provider.name };
    }
    case 'aws_ecs_cluster_capacity_providers': {
      const cluster = region.clusters.get(String(a.cluster_name).split('/').pop()!);
      if (!cluster) {
        throw new Error(`aws_ecs_cluster_capacity_providers names cluster ${a.cluster_name}, which does not exist`);
      }
      const strategy = (Array.isArray(a.default_capacity_provider_strategy) ? a.default_capacity_provider_strategy : []).map((s: Block) => ({
        capacityProvider: s.capacity_provider,
        weight: Number(s.weight ?? 0),
        base: Number(s.base ?? 0),
      }));
      world.putClusterCapacityProviders(region, cluster, a.capacity_providers ?? [], strategy);
      for (const name of cluster.capacityProviders) {
        const group = region.autoScalingGroups.get(region.capacityProviders.get(name)?.autoScalingGroupName ?? '');
        if (group) {
          const initial = (group as AutoScalingGroupRecord & { initialCapacity?: number }).initialCapacity ?? group.minSize;
          while (group.desiredCapacity < initial) {
            addInstance(world, cluster, group);
          }
        }
      }
      return { id: cluster.arn };
    }
    case 'aws_ecs_task_definition': {
      const containers = typeof a.container_definitions === 'string' ? JSON.parse(a.container_definitions) : a.container_definitions;
      const td = world.registerTaskDefinition(region, {
        family: a.family,
        networkMode: a.network_mode,
        cpu: a.cpu !== undefined ? String(a.cpu) : undefined,
        memory: a.memory !== undefined ? String(a.memory) : undefined,
        containers,
        requiresCompatibilities: a.requires_compatibilities,
        tags: a.tags ?? {},
      });
      return { id: td.family, arn: td.arn, family: td.family, revision: td.revision, arn_without_revision: td.arn.replace(/:\d+$/, '') };
    }
    case 'aws_ecs_service': {
      const cluster = region.clusters.get(String(a.cluster ?? 'default').split('/').pop()!);
      if (!cluster) {
        throw new Error(`Service ${a.name} names cluster ${a.cluster}, which does not exist`);
      }
      const td = world.findTaskDefinition(region, String(a.task_definition));
      if (!td) {
        throw new Error(`Service ${a.name} names task definition ${a.task_definition}, which does not exist`);
      }
      // CreateService rejects the name of a service the cluster already contains.
      if (cluster.services.has(a.name)) {
        throw new Error(`Service ${a.name} in cluster ${cluster.name}: creation of service was not idempotent`);
      }
      const list = (value: unknown): Block[] => {
        if (Array.isArray(value)) return value;
        return value ? [value as Block] : [];
      };
      const breaker = first(a.deployment_circuit_breaker);
      const service = world.createService(cluster, {
        name: a.name,
        taskDefinition: td,
        desiredCount: Number(a.desired_count ?? 0),
        capacityProviderStrategy: list(a.capacity_provider_strategy).length
          ? list(a.capacity_provider_strategy).map(s => ({ capacityProvider: s.capacity_provider, weight: Number(s.weight ?? 0), base: Number(s.base ?? 0) }))
          : undefined,
        placementStrategy: list(a.ordered_placement_strategy).map(s => ({ type: s.type, field: s.field })),
        placementConstraints: list(a.placement_constraints).map(c => ({ type: c.type, expression: c.expression })),
        maximumPercent: a.deployment_maximum_percent !== undefined ? Number(a.deployment_maximum_percent) : undefined,
        minimumHealthyPercent: a.deployment_minimum_healthy_percent !== undefined ? Number(a.deployment_minimum_healthy_percent) : undefined,
        circuitBreaker: breaker.enable !== undefined ? { enable: Boolean(breaker.enable), rollback: Boolean(breaker.rollback) } : undefined,
        tags: a.tags ?? {},
      });
      placeWithCapacity(world, region, cluster, service);
      return { id: service.arn, name: service.name, cluster: cluster.arn };
    }
    default:
      return {};
  }
}

function addInstance(world: World, cluster: ClusterRecord, group: AutoScalingGroupRecord): void {
  const index = group.desiredCapacity;
  world.registerInstance(cluster, group, {
    instanceType: group.instanceTypes[index % group.instanceTypes.length],
    availabilityZone: group.availabilityZones[index % group.availabilityZones.length],
  });
}

/**
 * Places the new service's tasks, adding instances to its capacity providers' groups (up to
 * their max size) until every desired task has a place, as managed scaling would.
 */
function placeWithCapacity(world: World, region: RegionRecord, cluster: ClusterRecord, service: ServiceRecord): void {
  const strategy = service.capacityProviderStrategy.length ? service.capacityProviderStrategy : cluster.defaultCapacityProviderStrategy;
  const groups = strategy
    .map(s => region.autoScalingGroups.get(region.capacityProviders.get(s.capacityProvider)?.autoScalingGroupName ?? ''))
    .filter((g): g is AutoScalingGroupRecord => !!g && g.clusterName === cluster.name);
  reconcileService(world, region, cluster, service);
  while (service.tasks.size < service.desiredCount) {
    const group = groups.find(g => g.desiredCapacity < g.maxSize);
    if (!group) {
      break;
    }
    addInstance(world, cluster, group);
    reconcileService(world, region, cluster, service);
  }
  // The instances added above already satisfy the scale-out requests the scheduler made.
  groups.forEach(group => {
    group.launching = [];
  });
}
