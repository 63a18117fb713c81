import type { World } from '../world/World';
import type { RegionRecord } from '../world/types';

/** The caller's account and region, resolved from the SigV4 Authorization header. */
export interface RequestContext {
  world: World;
  account: string;
  region: RegionRecord;
}

/** An operation handler: request members in, response members out. */
export type OperationHandler = (context: RequestContext, input: Record<string, any>) => unknown;
