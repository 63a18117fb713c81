import { createHash } from 'node:crypto';
import { AwsError } from './errors';

/**
 * Returns one page of items. Tokens are opaque to callers: they carry the offset and a digest
 * of the request's filters, so a token from another listing is rejected like AWS rejects it.
 */
export function paginate<T>(
  items: readonly T[],
  options: {
    nextToken?: string;
    maxResults?: number;
    defaultMaxResults: number;
    maxMaxResults: number;
    /** Request parameters that must stay the same across pages. */
    scope: string;
    /** Builds the error for a bad token or limit, per protocol. */
    error?: (message: string) => AwsError;
    limitName?: string;
  },
): { page: T[]; nextToken?: string } {
  const error = options.error ?? ((message: string) => new AwsError('InvalidParameterException', message));
  const limitName = options.limitName ?? 'maxResults';
  const limit = options.maxResults ?? options.defaultMaxResults;
  if (!Number.isInteger(limit) || limit < 1 || limit > options.maxMaxResults) {
    throw error(`${limitName} must be between 1 and ${options.maxMaxResults}, got ${limit}.`);
  }

  const offset = options.nextToken === undefined ? 0 : decodeToken(options.nextToken, options.scope);
  if (offset === undefined) {
    throw error('The nextToken is invalid or expired. Repeat the request without nextToken.');
  }

  const page = items.slice(offset, offset + limit);
  const next = offset + limit < items.length ? encodeToken(offset + limit, options.scope) : undefined;
  return { page, nextToken: next };
}

function digest(scope: string): string {
  return createHash('sha256').update(scope).digest('hex').slice(0, 16);
}

function encodeToken(offset: number, scope: string): string {
  return Buffer.from(JSON.stringify({ o: offset, s: digest(scope) })).toString('base64');
}

function decodeToken(token: string, scope: string): number | undefined {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
    if (typeof value?.o === 'number' && value.o >= 0 && value.s === digest(scope)) {
      return value.o;
    }
  } catch {
    // Anything that does not decode is an invalid token.
  }
  return undefined;
}
