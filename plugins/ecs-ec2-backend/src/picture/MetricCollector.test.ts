import {
  CloudWatchClient,
  GetMetricDataCommand,
  GetMetricDataCommandInput,
} from '@aws-sdk/client-cloudwatch';
import { mockServices } from '@backstage/backend-test-utils';
import { mockClient } from 'aws-sdk-client-mock';
import { AwsAccountRegionClients } from '../aws/AwsClients';
import { MetricCollector, MetricSubject } from './MetricCollector';

const now = new Date('2026-12-04T12:00:30Z');

const instance = (n: number): MetricSubject => ({
  kind: 'instance',
  clusterName: 'scale',
  containerInstanceId: `ci${n}`,
  ec2InstanceId: `i-${n}`,
});

describe('MetricCollector', () => {
  const cloudWatch = mockClient(CloudWatchClient);
  const sent: GetMetricDataCommandInput[] = [];

  beforeEach(() => {
    sent.length = 0;
    cloudWatch.reset();
    cloudWatch.on(GetMetricDataCommand).callsFake(async (input: GetMetricDataCommandInput) => {
      sent.push(input);
      return {
        MetricDataResults: (input.MetricDataQueries ?? []).map(query => ({
          Id: query.Id,
          // Newest first, the default order of CloudWatch.
          Timestamps: [new Date('2026-12-04T11:05:00Z'), new Date('2026-12-04T11:00:00Z')],
          Values: [2, 1],
        })),
      };
    });
  });

  const collector = () => {
    const clients = {
      cloudWatch: new CloudWatchClient({ region: 'us-east-1' }),
      run: call => call(),
    } as Partial<AwsAccountRegionClients> as AwsAccountRegionClients;
    return new MetricCollector(clients, 'scale', now, mockServices.logger.mock());
  };

  it('sends each full batch at once', async () => {
    const metrics = collector();
    // Two queries per instance: 260 instances make 520 queries.
    metrics.add(Array.from({ length: 260 }, (_, n) => instance(n)));
    await new Promise(resolve => setImmediate(resolve));

    expect(sent.map(input => input.MetricDataQueries?.length)).toEqual([500]);

    const result = await metrics.finish([]);

    expect(sent.map(input => input.MetricDataQueries?.length)).toEqual([500, 20]);
    expect(result.utilization.size).toBe(260);
    expect(result.utilization.get('instance/ci0')?.cpu.map(p => p.value)).toEqual([1, 2]);
  });

  it('queries a subject once however often it is added', async () => {
    const metrics = collector();
    metrics.add([instance(1), instance(2)]);
    metrics.flush();
    const result = await metrics.finish([instance(2), instance(1), instance(3)]);

    expect(sent.map(input => input.MetricDataQueries?.map(query => query.Id))).toEqual([
      ['m0_cpu', 'm0_memory', 'm1_cpu', 'm1_memory'],
      ['m2_cpu', 'm2_memory'],
    ]);
    expect([...result.utilization.keys()].sort()).toEqual([
      'instance/ci1',
      'instance/ci2',
      'instance/ci3',
    ]);
  });

  it('asks for instances every five minutes and for services every minute', async () => {
    const metrics = collector();
    await metrics.finish([
      { kind: 'service', clusterName: 'scale', serviceName: 'bulk' },
      instance(1),
    ]);
    const periods = sent[0].MetricDataQueries?.map(query => [query.Id, query.MetricStat?.Period]);

    expect(periods).toEqual([
      ['m0_cpu', 60],
      ['m0_memory', 60],
      ['m1_cpu', 300],
      ['m1_memory', 300],
    ]);
    expect(sent[0].EndTime).toEqual(new Date('2026-12-04T12:00:00Z'));
    expect(sent[0].StartTime).toEqual(new Date('2026-12-04T11:00:00Z'));
  });

  it('warns once for the cluster when calls fail', async () => {
    cloudWatch.on(GetMetricDataCommand).rejects(
      Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }),
    );
    const metrics = collector();
    const result = await metrics.finish(Array.from({ length: 300 }, (_, n) => instance(n)));

    expect(sent).toHaveLength(0);
    expect(result.warnings.map(warning => [warning.code, warning.part])).toEqual([
      ['THROTTLED', 'Utilization metrics of cluster scale'],
    ]);
    expect(result.utilization.size).toBe(0);
  });
});
