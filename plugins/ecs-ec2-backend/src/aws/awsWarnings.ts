import { LoggerService } from '@backstage/backend-plugin-api';
import { EcsWarning, EcsWarningCode } from '@ecs-on-ec2/backstage-plugin-ecs-ec2-common';

const THROTTLING_ERRORS = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'LimitExceededException',
]);

const ACCESS_DENIED_ERRORS = new Set([
  'AccessDeniedException',
  'AccessDenied',
  'UnauthorizedOperation',
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'ExpiredTokenException',
]);

const NOT_FOUND_ERRORS = new Set([
  'ClusterNotFoundException',
  'ServiceNotFoundException',
  'ResourceNotFoundException',
  'ServiceNotActiveException',
]);

/** Sorts an AWS SDK error into a warning code; anything unknown is UNAVAILABLE. */
export function warningCodeOf(error: unknown): EcsWarningCode {
  const name = (error as { name?: string })?.name ?? '';
  if (THROTTLING_ERRORS.has(name)) return 'THROTTLED';
  if (ACCESS_DENIED_ERRORS.has(name)) return 'ACCESS_DENIED';
  if (NOT_FOUND_ERRORS.has(name)) return 'NOT_FOUND';
  return 'UNAVAILABLE';
}

const PLAIN_MESSAGES: Record<EcsWarningCode, string> = {
  THROTTLED:
    'AWS throttled the requests and the retries ran out. Reload the page in a few seconds.',
  ACCESS_DENIED:
    'The AWS credentials of the Backstage backend are not allowed to read this. Check the IAM policy of the role configured for the account (see the plugin README).',
  NOT_FOUND: 'AWS reports that it does not exist. Check the entity annotations.',
  MISSING: 'AWS reports it as missing.',
  UNAVAILABLE:
    'The AWS call failed. The backend log has the details; reload the page to try again.',
  INVALID_ANNOTATION: 'The annotation is invalid.',
};

/**
 * Turns a failed AWS call into a warning for the browser. The AWS message can name
 * role ARNs, other account ids and request ids, so it goes to the log only and the
 * warning says what is missing in plain words.
 */
export function warningFromError(
  error: unknown,
  part: string,
  logger: LoggerService,
  serviceArn?: string,
): EcsWarning {
  const code = warningCodeOf(error);
  const name = (error as { name?: string })?.name ?? 'Error';
  const message = (error as { message?: string })?.message ?? String(error);
  logger.warn(`Could not fetch ${part}: ${name}: ${message}`, {
    serviceArn,
    code,
  });
  return {
    code,
    part,
    message: `${part} could not be fetched. ${PLAIN_MESSAGES[code]}`,
    ...(serviceArn ? { serviceArn } : {}),
  };
}
