import { DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs';
import { parseServiceSpec } from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';
import { startSimulator } from '@ecs-on-ec2/ecs-simulator';
import { generateTerraform } from './generateTerraform';
import { referenceInput } from './testing/serviceSpecs';

// The demo closes the loop by applying the generated Terraform to the
// simulator, so the generator's output must stay within what the simulated
// apply understands, for a new cluster and for one that exists already.
describe('generated Terraform in the simulated apply', () => {
  it.each([
    ['a new cluster', { mode: 'new' as const, name: 'orders' }],
    ['the existing demo cluster', { mode: 'existing' as const, name: 'demo' }],
  ])('creates the service on %s', async (_label, cluster) => {
    const sim = await startSimulator({ scenario: 'demo', clock: 'manual' });
    try {
      const input = referenceInput();
      input.cluster = cluster;
      input.aws = { accountId: '123456789012', region: 'us-east-1' };
      input.service.name = 'orders-api';
      const { spec, problems } = parseServiceSpec(input);
      expect(problems).toEqual([]);

      const files = await generateTerraform(spec!);
      const tfFiles = Object.fromEntries(
        Object.entries(files).filter(([name]) => name.endsWith('.tf')),
      );
      await sim.applyTerraformFiles(tfFiles);

      const ecs = new ECSClient({
        endpoint: sim.url,
        region: 'us-east-1',
        credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      });
      const described = await ecs.send(
        new DescribeServicesCommand({
          cluster: cluster.name,
          services: ['orders-api'],
        }),
      );
      expect(described.failures).toEqual([]);
      expect(described.services?.[0]?.desiredCount).toBe(2);
      ecs.destroy();
    } finally {
      await sim.stop();
    }
  });
});
