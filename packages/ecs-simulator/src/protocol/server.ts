import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { AwsError } from './errors';
import { loadServiceModel } from './models';
import { queryError, queryResponse } from './query';
import type { OperationHandler, RequestContext } from './context';
import { ecsHandlers } from '../ecs/handlers';
import { cloudWatchHandlers } from '../cloudwatch/handlers';
import { autoScalingHandlers } from '../autoscaling/handlers';
import type { FaultInjector } from '../faults';
import type { World } from '../world/World';

const ECS_TARGET_PREFIX = 'AmazonEC2ContainerServiceV20141113.';
const CLOUDWATCH_TARGET_PREFIX = 'GraniteServiceVersion20100801.';

/** Hooks the HTTP layer calls on the simulator around each request. */
export interface ServerHooks {
  world: World;
  faults: () => FaultInjector;
  /** Moves the world to the clock's current time before a call reads it. */
  sync: () => void;
  countCall: (operation: string) => void;
  admin: (method: string, path: string, body: string) => Promise<{ status: number; body: unknown }>;
}

/** Reads the access key id and region from a SigV4 Authorization header. */
export function parseAuthorization(header: string | undefined): { accessKeyId?: string; region?: string } {
  const match = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(header ?? '');
  return match ? { accessKeyId: match[1], region: match[2] } : {};
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** Creates the HTTP server that handles ECS (JSON 1.1), CloudWatch (JSON 1.0) and Auto Scaling (Query). */
export function createSimulatorServer(hooks: ServerHooks): http.Server {
  return http.createServer((req, res) => {
    handle(hooks, req, res).catch(error => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`Internal simulator error: ${(error as Error).message}`);
    });
  });
}

async function handle(hooks: ServerHooks, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const body = await readBody(req);
  const url = new URL(req.url ?? '/', 'http://localhost');

  if (url.pathname.startsWith('/_admin/')) {
    const result = await hooks.admin(req.method ?? 'GET', url.pathname.slice('/_admin/'.length), body);
    res.writeHead(result.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(result.body));
    return;
  }

  const requestId = randomUUID();
  const target = String(req.headers['x-amz-target'] ?? '');
  const { accessKeyId, region: regionName } = parseAuthorization(req.headers.authorization);
  const account = hooks.world.accountForAccessKey(accessKeyId);
  const region = regionName ?? 'us-east-1';

  if (target.startsWith(ECS_TARGET_PREFIX) || target.startsWith(CLOUDWATCH_TARGET_PREFIX)) {
    const ecs = target.startsWith(ECS_TARGET_PREFIX);
    const operation = target.slice((ecs ? ECS_TARGET_PREFIX : CLOUDWATCH_TARGET_PREFIX).length);
    const contentType = ecs ? 'application/x-amz-json-1.1' : 'application/x-amz-json-1.0';
    const handlers: Record<string, OperationHandler> = ecs ? ecsHandlers : cloudWatchHandlers;
    try {
      const output = await invoke(hooks, `${ecs ? 'ECS' : 'CloudWatch'}.${operation}`, account, region, async context => {
        const handler = handlers[operation];
        if (!handler) {
          throw new AwsError('UnknownOperationException', `Operation ${operation} is not supported by the simulator.`);
        }
        let input: Record<string, any>;
        try {
          input = body ? JSON.parse(body) : {};
        } catch {
          throw new AwsError(ecs ? 'InvalidParameterException' : 'InvalidParameterValue', 'The request body is not valid JSON.');
        }
        return applyMissingFaults(hooks, operation, await handler(context, input));
      });
      res.writeHead(200, { 'content-type': contentType, 'x-amzn-requestid': requestId });
      res.end(JSON.stringify(output));
    } catch (error) {
      const awsError = toAwsError(error);
      const headers: Record<string, string> = {
        'content-type': contentType,
        'x-amzn-requestid': requestId,
        'x-amzn-errortype': awsError.code,
      };
      if (!ecs) {
        // CloudWatch is Query-compatible: the SDK reads the Query error code from this header.
        headers['x-amzn-query-error'] = `${awsError.code};${awsError.fault}`;
      }
      res.writeHead(awsError.status, headers);
      res.end(JSON.stringify({ __type: awsError.code, message: awsError.message }));
    }
    return;
  }

  // Everything else must be a Query-protocol call: a form body naming its Action.
  const params = new URLSearchParams(body || url.search);
  const action = params.get('Action') ?? '';
  const model = loadServiceModel('autoscaling');
  try {
    const output = await invoke(hooks, `AutoScaling.${action}`, account, region, context => {
      const handler = autoScalingHandlers[action];
      if (!handler) {
        throw new AwsError('InvalidAction', `Action ${action || '(none)'} is not supported by the simulator.`);
      }
      return handler(context, params);
    });
    res.writeHead(200, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId });
    res.end(queryResponse(model, action, output, requestId));
  } catch (error) {
    const awsError = toAwsError(error);
    res.writeHead(awsError.status, { 'content-type': 'text/xml', 'x-amzn-requestid': requestId });
    res.end(queryError(awsError, requestId));
  }
}

async function invoke(
  hooks: ServerHooks,
  operation: string,
  account: string,
  region: string,
  run: (context: RequestContext) => unknown,
): Promise<unknown> {
  hooks.countCall(operation);
  const faults = hooks.faults();
  const latency = faults.latencyMs();
  if (latency > 0) {
    await sleep(latency);
  }
  faults.check(account, region, operation);
  hooks.sync();
  return run({ world: hooks.world, account, region: hooks.world.region(account, region) });
}

/** Reports a fraction of the described ids as MISSING when the missingRate fault is set. */
function applyMissingFaults(hooks: ServerHooks, operation: string, output: any): unknown {
  const members: Record<string, string> = { DescribeTasks: 'tasks', DescribeContainerInstances: 'containerInstances' };
  const member = members[operation];
  const faults = hooks.faults();
  if (!member || !faults.config.missingRate) {
    return output;
  }
  const kept = [];
  for (const item of output[member]) {
    if (faults.drawMissing()) {
      output.failures.push({ arn: item.taskArn ?? item.containerInstanceArn, reason: 'MISSING' });
    } else {
      kept.push(item);
    }
  }
  output[member] = kept;
  return output;
}

function toAwsError(error: unknown): AwsError {
  if (error instanceof AwsError) {
    return error;
  }
  return new AwsError('ServerException', `The simulator failed: ${(error as Error)?.message ?? String(error)}`, 500);
}
