import { DescribeServicesCommand, DescribeCapacityProvidersCommand, ListTasksCommand } from '@aws-sdk/client-ecs';
import { DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import { startSimulator, type Simulator } from '../startSimulator';
import { sdkClients } from '../__testUtils__/clients';

// A hand-written module shaped like the scaffolder's output: variables with defaults, a launch
// template, an Auto Scaling group, a capacity provider and a service using jsonencode.
const MAIN_TF = `
provider "aws" {
  region = var.region
}

variable "region" {
  default = "eu-west-1"
}

variable "service_name" {
  default = "orders"
}

variable "desired_count" {
  default = 4
}

resource "aws_ecs_cluster" "this" {
  name = "\${var.service_name}-cluster"
  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_launch_template" "this" {
  name          = "\${var.service_name}-lt"
  instance_type = "m6i.large"
}

resource "aws_autoscaling_group" "this" {
  name                  = "\${var.service_name}-asg"
  min_size              = 1
  max_size              = 4
  protect_from_scale_in = true
  launch_template {
    id      = aws_launch_template.this.id
    version = "$Latest"
  }
}

resource "aws_ecs_capacity_provider" "this" {
  name = "\${var.service_name}-cp"
  auto_scaling_group_provider {
    auto_scaling_group_arn         = aws_autoscaling_group.this.arn
    managed_termination_protection = "ENABLED"
    managed_scaling {
      status          = "ENABLED"
      target_capacity = 90
    }
  }
}

resource "aws_ecs_cluster_capacity_providers" "this" {
  cluster_name       = aws_ecs_cluster.this.name
  capacity_providers = [aws_ecs_capacity_provider.this.name]
  default_capacity_provider_strategy {
    capacity_provider = aws_ecs_capacity_provider.this.name
    weight            = 1
  }
}

resource "aws_ecs_task_definition" "this" {
  family       = var.service_name
  network_mode = "bridge"
  container_definitions = jsonencode([
    {
      name         = var.service_name
      image        = "public.ecr.aws/demo/\${var.service_name}:1"
      cpu          = 512
      memory       = 3072
      essential    = true
      portMappings = [{ containerPort = 8080, hostPort = 0 }]
    }
  ])
}

resource "aws_ecs_service" "this" {
  name            = var.service_name
  cluster         = aws_ecs_cluster.this.id
  task_definition = aws_ecs_task_definition.this.arn
  desired_count   = var.desired_count
  capacity_provider_strategy {
    capacity_provider = aws_ecs_capacity_provider.this.name
    weight            = 1
  }
  ordered_placement_strategy {
    type  = "binpack"
    field = "memory"
  }
  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }
}
`;

describe('simulated Terraform apply', () => {
  let sim: Simulator;

  beforeAll(async () => {
    sim = await startSimulator({ scenario: 'empty', clock: 'manual' });
  });
  afterAll(() => sim.stop());

  it('creates the declared resources and places the service', async () => {
    const result = await sim.applyTerraformFiles({ 'main.tf': MAIN_TF });
    expect(result.region).toBe('eu-west-1');
    expect(result.resources.map(r => r.type)).toEqual([
      'aws_ecs_cluster',
      'aws_launch_template',
      'aws_autoscaling_group',
      'aws_ecs_capacity_provider',
      'aws_ecs_cluster_capacity_providers',
      'aws_ecs_task_definition',
      'aws_ecs_service',
    ]);

    const { ecs, autoScaling } = sdkClients(sim.url, 'eu-west-1');
    sim.advance(90_000);
    const service = (await ecs.send(new DescribeServicesCommand({ cluster: 'orders-cluster', services: ['orders'] }))).services![0];
    expect(service.runningCount).toBe(4);
    expect(service.deployments![0].rolloutState).toBe('COMPLETED');
    expect(service.taskDefinition).toBe('arn:aws:ecs:eu-west-1:123456789012:task-definition/orders:1');

    // Two tasks of 3,072 MiB fit on an m6i.large, so the group grows from 1 to 2 instances.
    const groups = await autoScaling.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: ['orders-asg'] }));
    expect(groups.AutoScalingGroups![0].Instances).toHaveLength(2);
    const providers = await ecs.send(new DescribeCapacityProvidersCommand({ capacityProviders: ['orders-cp'] }));
    expect(providers.capacityProviders![0].autoScalingGroupProvider?.managedScaling?.targetCapacity).toBe(90);
  });

  it('applies files posted to the admin API', async () => {
    const response = await fetch(`${sim.url}/_admin/apply`, {
      method: 'POST',
      body: JSON.stringify({ files: { 'main.tf': MAIN_TF.replace(/orders/g, 'billing') } }),
    });
    expect(response.status).toBe(200);
    const { ecs } = sdkClients(sim.url, 'eu-west-1');
    const tasks = await ecs.send(new ListTasksCommand({ cluster: 'billing-cluster', serviceName: 'billing' }));
    expect(tasks.taskArns).toHaveLength(4);
  });

  it('rejects a second capacity provider or service', async () => {
    // The first test created the orders module; a second apply must not replace it.
    await expect(sim.applyTerraformFiles({ 'main.tf': MAIN_TF })).rejects.toThrow(
      /Capacity provider orders-cp: the specified capacity provider already exists/,
    );
    const renamedProvider = MAIN_TF.replace('"${var.service_name}-cp"', '"orders-cp-2"');
    await expect(sim.applyTerraformFiles({ 'main.tf': renamedProvider })).rejects.toThrow(
      /Service orders in cluster orders-cluster: creation of service was not idempotent/,
    );

    const { ecs } = sdkClients(sim.url, 'eu-west-1');
    const service = (await ecs.send(new DescribeServicesCommand({ cluster: 'orders-cluster', services: ['orders'] }))).services![0];
    expect(service.desiredCount).toBe(4);
    expect(service.deployments).toHaveLength(1);
  });

  it('rejects a reference to an undeclared resource', async () => {
    await expect(
      sim.applyTerraformFiles({ 'main.tf': 'resource "aws_ecs_cluster" "this" {\n  name = aws_ecs_cluster.other.name\n}\n' }),
    ).rejects.toThrow(/aws_ecs_cluster.other.name points at a resource that is not declared/);
  });
});
