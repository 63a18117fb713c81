import { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { ECSClient } from '@aws-sdk/client-ecs';
import { AwsCredentialsManager } from '@backstage/integration-aws-node';
import pLimit from 'p-limit';
import { EcsEc2Settings } from '../config';

/**
 * The AWS clients for one account and region. Every call goes through `run`, which
 * bounds the calls in flight for that account and region: AWS throttles per account
 * and region, so a page with many services must not fire hundreds of calls at once.
 */
export interface AwsAccountRegionClients {
  accountId: string;
  region: string;
  ecs: ECSClient;
  cloudWatch: CloudWatchClient;
  autoScaling: AutoScalingClient;
  run<T>(call: () => Promise<T>): Promise<T>;
}

/** Creates and keeps one set of clients per account and region. */
export class AwsClients {
  private readonly clients = new Map<
    string,
    Promise<AwsAccountRegionClients>
  >();

  constructor(
    private readonly credentialsManager: AwsCredentialsManager,
    private readonly settings: EcsEc2Settings,
  ) {}

  forAccountRegion(
    accountId: string,
    region: string,
  ): Promise<AwsAccountRegionClients> {
    const key = `${accountId}/${region}`;
    let clients = this.clients.get(key);
    if (!clients) {
      clients = this.create(accountId, region);
      // A failed credential lookup must not stay cached for the life of the process.
      clients.catch(() => this.clients.delete(key));
      this.clients.set(key, clients);
    }
    return clients;
  }

  private async create(
    accountId: string,
    region: string,
  ): Promise<AwsAccountRegionClients> {
    const { sdkCredentialProvider } =
      await this.credentialsManager.getCredentialProvider({ accountId });

    const options = {
      region,
      credentials: sdkCredentialProvider,
      endpoint: this.settings.endpoint,
      // Adaptive retry backs off and rate-limits the client itself when AWS throttles.
      retryMode: 'adaptive',
      maxAttempts: this.settings.maxAttempts,
    };
    const limit = pLimit(this.settings.maxConcurrency);

    return {
      accountId,
      region,
      ecs: new ECSClient(options),
      cloudWatch: new CloudWatchClient(options),
      autoScaling: new AutoScalingClient(options),
      run: call => limit(call),
    };
  }
}
