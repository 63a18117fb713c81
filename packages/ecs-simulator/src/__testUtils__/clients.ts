import { ECSClient } from '@aws-sdk/client-ecs';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { AutoScalingClient } from '@aws-sdk/client-auto-scaling';

/** Real SDK clients pointed at a simulator, with throwaway credentials and no retries. */
export function sdkClients(url: string, region = 'us-east-1', accessKeyId = 'SIMULATED') {
  const config = {
    endpoint: url,
    region,
    credentials: { accessKeyId, secretAccessKey: 'simulated' },
    maxAttempts: 1,
  };
  return {
    ecs: new ECSClient(config),
    cloudWatch: new CloudWatchClient(config),
    autoScaling: new AutoScalingClient(config),
  };
}
