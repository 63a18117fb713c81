import { AutoScalingClient } from '@aws-sdk/client-auto-scaling';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { ECSClient } from '@aws-sdk/client-ecs';
import { Config } from '@backstage/config';
import { NotAllowedError } from '@backstage/errors';
import {
  AwsCredentialsManager,
  DefaultAwsCredentialsManager,
} from '@backstage/integration-aws-node';
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

/** Reads the account ids listed under `aws.accounts` in app-config. */
export function readConfiguredAccountIds(config: Config): Set<string> {
  return new Set(
    (config.getOptionalConfigArray('aws.accounts') ?? []).map(account =>
      account.getString('accountId'),
    ),
  );
}

/**
 * Creates and keeps one set of clients per account and region, for the accounts
 * listed under `aws.accounts` only.
 *
 * `DefaultAwsCredentialsManager` (@backstage/integration-aws-node 0.2.2) also hands out
 * credentials for accounts that are not listed: it assumes `aws.accountDefaults.roleName`
 * in any account, or calls STS with the default credential chain to check whether the account is
 * the one of the backend's own identity. An entity author picks the account in an
 * annotation, so either path would let any catalog author read other accounts through
 * the portal's identity. `aws.mainAccount` has no account id field in that version,
 * so the main account is reachable only when it is also listed under `aws.accounts`.
 */
export class AwsClients {
  private readonly clients = new Map<
    string,
    Promise<AwsAccountRegionClients>
  >();

  constructor(
    private readonly credentialsManager: AwsCredentialsManager,
    private readonly settings: EcsEc2Settings,
    private readonly configuredAccountIds: ReadonlySet<string>,
  ) {}

  static fromConfig(config: Config, settings: EcsEc2Settings): AwsClients {
    return new AwsClients(
      DefaultAwsCredentialsManager.fromConfig(config),
      settings,
      readConfiguredAccountIds(config),
    );
  }

  isAccountConfigured(accountId: string): boolean {
    return this.configuredAccountIds.has(accountId);
  }

  /** Rejects with NotAllowedError for an account that is not under `aws.accounts`. */
  forAccountRegion(
    accountId: string,
    region: string,
  ): Promise<AwsAccountRegionClients> {
    if (!this.isAccountConfigured(accountId)) {
      return Promise.reject(
        new NotAllowedError(unconfiguredAccountMessage(accountId)),
      );
    }
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

/** Explains to the reader of a picture why a service of an unlisted account is missing. */
export function unconfiguredAccountMessage(accountId: string): string {
  return `Account ${accountId} is not configured under aws.accounts; add it there to read this service`;
}
