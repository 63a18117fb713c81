import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { Simulator, startSimulator } from '@ecs-on-ec2/ecs-simulator';
import { ECSClient, DescribeClustersCommand } from '@aws-sdk/client-ecs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDemoApplyAction } from './demoApply';

const CLUSTER_TF = `
provider "aws" {
  region = "eu-west-1"
}

resource "aws_ecs_cluster" "this" {
  name = "orders"
}
`;

describe('ecs-ec2:demo:apply', () => {
  let simulator: Simulator;
  let workspacePath: string;

  beforeAll(async () => {
    simulator = await startSimulator({ scenario: 'empty', clock: 'manual' });
  });

  afterAll(async () => {
    await simulator.stop();
  });

  beforeEach(async () => {
    workspacePath = await fs.promises.mkdtemp(
      path.join(os.tmpdir(), 'demo-apply-'),
    );
    await fs.promises.mkdir(
      path.join(workspacePath, 'terraform', '.terraform'),
      { recursive: true },
    );
    await fs.promises.writeFile(
      path.join(workspacePath, 'terraform', 'main.tf'),
      CLUSTER_TF,
    );
    // Provider downloads under .terraform must never be sent.
    await fs.promises.writeFile(
      path.join(workspacePath, 'terraform', '.terraform', 'broken.tf'),
      'this is { not HCL',
    );
  });

  afterEach(async () => {
    await fs.promises.rm(workspacePath, { recursive: true, force: true });
  });

  it('applies the Terraform files to the simulator', async () => {
    const ctx = createMockActionContext({
      workspacePath,
      input: { path: 'terraform' },
    });

    await createDemoApplyAction({ simulatorUrl: simulator.url }).handler(ctx);

    expect(ctx.output).toHaveBeenCalledWith('applied', true);
    const ecs = new ECSClient({
      endpoint: simulator.url,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'SIMULATED', secretAccessKey: 'simulated' },
    });
    const { clusters } = await ecs.send(
      new DescribeClustersCommand({ clusters: ['orders'] }),
    );
    expect(clusters?.map(cluster => cluster.status)).toEqual(['ACTIVE']);
  });

  it('fails the step with the simulator message when the apply is rejected', async () => {
    await fs.promises.writeFile(
      path.join(workspacePath, 'terraform', 'main.tf'),
      'resource "aws_ecs_cluster" "this" {\n  name = var.missing\n}\n',
    );
    const ctx = createMockActionContext({
      workspacePath,
      input: { path: 'terraform' },
    });

    await expect(
      createDemoApplyAction({ simulatorUrl: simulator.url }).handler(ctx),
    ).rejects.toThrow(
      /Simulated apply failed: the ECS simulator at .*\/_admin\/apply rejected the Terraform with HTTP 400: .*missing/,
    );
  });

  it('fails the step when the simulator is unreachable', async () => {
    const stopped = await startSimulator({
      scenario: 'empty',
      clock: 'manual',
    });
    await stopped.stop();
    const ctx = createMockActionContext({
      workspacePath,
      input: { path: 'terraform' },
    });

    await expect(
      createDemoApplyAction({ simulatorUrl: stopped.url }).handler(ctx),
    ).rejects.toThrow(/could not reach the ECS simulator/);
  });

  it('skips the apply when no simulator is configured', async () => {
    const ctx = createMockActionContext({
      workspacePath,
      input: { path: 'terraform' },
    });

    await createDemoApplyAction({}).handler(ctx);

    expect(ctx.output).toHaveBeenCalledWith('applied', false);
  });

  it('sends nothing in a dry run', async () => {
    const before = simulator.calls();
    const ctx = {
      ...createMockActionContext({
        workspacePath,
        input: { path: 'terraform' },
      }),
      isDryRun: true,
    };

    await createDemoApplyAction({ simulatorUrl: simulator.url }).handler(ctx);

    expect(ctx.output).toHaveBeenCalledWith('applied', false);
    expect(simulator.calls()).toEqual(before);
  });

  it('rejects a path without Terraform files', async () => {
    await fs.promises.mkdir(path.join(workspacePath, 'docs'));
    const ctx = createMockActionContext({
      workspacePath,
      input: { path: 'docs' },
    });

    await expect(
      createDemoApplyAction({ simulatorUrl: simulator.url }).handler(ctx),
    ).rejects.toThrow("No Terraform files (*.tf) found under 'docs'");
  });
});
