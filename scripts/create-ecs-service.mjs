#!/usr/bin/env node
// Creates an ECS-on-EC2 service through the Backstage REST API alone, the way a
// platform engineer would script it. It runs the "Create ECS/EC2 service"
// template with POST /api/scaffolder/v2/tasks and prints the task log from its
// event stream. Then it waits for the new entity in the catalog and for its
// tasks to run, and prints where they run. Node.js 22 built-ins only.

import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

const USAGE = `Usage: node scripts/create-ecs-service.mjs --name <service> [options]

Options:
  --name <service>     ECS service name, also the component and repository name (required)
  --portal <url>       Backstage base URL (default: $BACKSTAGE_URL or http://localhost:7007)
  --template <ref>     Template entity reference (default: template:default/ecs-ec2-service)
  --values <file>      JSON object whose keys replace the default form values
  --timeout <seconds>  Bound for the task, the catalog entity and the running tasks (default: 180)
  --help               Show this help

Authentication: the token in $BACKSTAGE_TOKEN, else a guest sign-in (demo portals only).`;

const TERMINAL_STATUSES = new Set(['completed', 'failed', 'cancelled']);

class ScriptError extends Error {}

/**
 * Returns the form values of the reference service: two tasks on the demo
 * cluster, a general pool of m6i.large and a GPU pool that mixes On-Demand and Spot.
 */
function defaultValues(name) {
  return {
    name,
    owner: 'group:default/platform-team',
    system: 'system:default/storefront',
    description: `${name} on the demo cluster, created through the REST API.`,
    clusterMode: 'existing',
    existingCluster: 'resource:default/demo',
    accountId: '123456789012',
    region: 'us-east-1',
    pools: [
      {
        name: 'general',
        instanceTypes: ['m6i.large'],
        purchaseOption: 'on-demand',
        minSize: 1,
        maxSize: 10,
        targetCapacity: 80,
        minimumScalingStepSize: 1,
        maximumScalingStepSize: 5,
        managedTerminationProtection: true,
        scaleInProtection: true,
        managedDraining: true,
      },
      {
        name: 'gpu',
        instanceTypes: ['g4dn.xlarge', 'g5.xlarge'],
        purchaseOption: 'mixed',
        onDemandBaseCapacity: 1,
        onDemandPercentageAboveBaseCapacity: 50,
        minSize: 1,
        maxSize: 4,
        targetCapacity: 80,
        minimumScalingStepSize: 1,
        maximumScalingStepSize: 5,
        managedTerminationProtection: true,
        scaleInProtection: true,
        managedDraining: true,
      },
    ],
    image: 'public.ecr.aws/nginx/nginx:1.27',
    cpu: 256,
    memoryMiB: 512,
    gpus: 0,
    containerPort: 80,
    networkMode: 'bridge',
    logRetentionDays: 30,
    desiredCount: 2,
    minimumHealthyPercent: 100,
    maximumPercent: 200,
    circuitBreaker: true,
    publishTarget: 'portal',
  };
}

function parseOptions(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        name: { type: 'string' },
        portal: { type: 'string' },
        template: { type: 'string' },
        values: { type: 'string' },
        timeout: { type: 'string' },
        help: { type: 'boolean' },
      },
    }).values;
  } catch (error) {
    throw new ScriptError(`${error.message}\n\n${USAGE}`);
  }
  if (parsed.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (!parsed.name) {
    throw new ScriptError(`Missing --name: give the ECS service name.\n\n${USAGE}`);
  }
  const timeoutSeconds = Number(parsed.timeout ?? 180);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) {
    throw new ScriptError(`Invalid --timeout '${parsed.timeout}': give a positive number of seconds.`);
  }
  return {
    name: parsed.name,
    portal: (parsed.portal ?? process.env.BACKSTAGE_URL ?? 'http://localhost:7007').replace(/\/+$/, ''),
    templateRef: parsed.template ?? 'template:default/ecs-ec2-service',
    valuesFile: parsed.values,
    deadline: Date.now() + timeoutSeconds * 1000,
  };
}

/** Reads the message of a Backstage error response, `{ error: { name, message } }`. */
async function describeResponse(response) {
  const text = await response.text();
  try {
    const body = JSON.parse(text);
    if (body?.error?.message) {
      return `HTTP ${response.status} ${body.error.name ?? ''}: ${body.error.message}`.replace(' :', ':');
    }
    if (Array.isArray(body?.errors)) {
      // The scaffolder's 400 for form values that fail the template's JSON schema.
      return `HTTP ${response.status}: ${body.errors.map(error => error.stack ?? error.message).join('; ')}`;
    }
  } catch {
    // Not JSON: show the start of the text.
  }
  return `HTTP ${response.status}: ${text.slice(0, 300)}`;
}

function createApi(portal, token) {
  return async function api(path, init = {}) {
    let response;
    try {
      response = await fetch(`${portal}${path}`, {
        ...init,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(init.body ? { 'Content-Type': 'application/json' } : {}),
          ...init.headers,
        },
      });
    } catch (error) {
      throw new ScriptError(`Could not reach ${portal}${path}: ${error.cause?.message ?? error.message}. Is the portal running?`);
    }
    return response;
  };
}

async function getToken(portal) {
  if (process.env.BACKSTAGE_TOKEN) {
    return process.env.BACKSTAGE_TOKEN;
  }
  let response;
  try {
    response = await fetch(`${portal}/api/auth/guest/refresh`, {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    });
  } catch (error) {
    throw new ScriptError(`Could not reach ${portal}: ${error.cause?.message ?? error.message}. Start the portal or pass --portal.`);
  }
  if (!response.ok) {
    throw new ScriptError(
      `Guest sign-in failed (${await describeResponse(response)}). Set BACKSTAGE_TOKEN to a Backstage token of a user who may run templates.`,
    );
  }
  const body = await response.json();
  return body.backstageIdentity.token;
}

async function readValues(options) {
  const values = defaultValues(options.name);
  if (!options.valuesFile) {
    return values;
  }
  let overrides;
  try {
    overrides = JSON.parse(await readFile(options.valuesFile, 'utf8'));
  } catch (error) {
    throw new ScriptError(`Could not read --values ${options.valuesFile}: ${error.message}`);
  }
  if (!overrides || typeof overrides !== 'object' || Array.isArray(overrides)) {
    throw new ScriptError(`Invalid --values ${options.valuesFile}: expected a JSON object of form values.`);
  }
  return { ...values, ...overrides, name: options.name };
}

/**
 * Prints one log event. Step loggers color their lines and failed steps append
 * the server's stack trace, so the colors and the `at ...` lines are dropped.
 */
function printEvent(event) {
  const { body } = event;
  if (event.type !== 'log' || !body.message) {
    return;
  }
  const step = body.stepId ? `[${body.stepId}] ` : '';
  const lines = body.message
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .filter(line => !/^\s+at /.test(line));
  console.log(`  ${step}${lines.join('\n  ')}`);
}

/** Parses one server-sent event block into its fields. */
function parseSseBlock(block) {
  const fields = { event: 'message', data: '' };
  for (const line of block.split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const field = line.slice(0, colon);
    const value = line.slice(colon + 1).replace(/^ /, '');
    fields[field] = field === 'data' && fields.data ? `${fields.data}\n${value}` : value;
  }
  return fields;
}

/**
 * Follows `GET /v2/tasks/:id/eventstream` (server-sent events) until the
 * completion event, printing the log lines. A dropped stream reconnects with
 * `after` set to the last event id, so no line repeats.
 */
async function followTask(api, taskId, deadline) {
  let lastEventId;
  while (Date.now() < deadline) {
    const query = lastEventId !== undefined ? `?after=${lastEventId}` : '';
    const response = await api(`/api/scaffolder/v2/tasks/${taskId}/eventstream${query}`, {
      headers: { Accept: 'text/event-stream' },
      signal: AbortSignal.timeout(Math.max(1, deadline - Date.now())),
    });
    if (!response.ok) {
      throw new ScriptError(`Could not follow task ${taskId}: ${await describeResponse(response)}`);
    }

    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk, { stream: true }).replace(/\r\n/g, '\n');
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = parseSseBlock(block);
          if (!fields.data) continue;
          const event = JSON.parse(fields.data);
          lastEventId = event.id ?? lastEventId;
          printEvent(event);
          if (event.type === 'completion' || event.type === 'cancelled') {
            return event;
          }
        }
      }
    } catch (error) {
      if (error.name === 'TimeoutError' || error.name === 'AbortError') break;
      throw new ScriptError(`The event stream of task ${taskId} failed: ${error.message}`);
    }

    // The stream ended without a completion event: check whether the task ended anyway.
    const status = await api(`/api/scaffolder/v2/tasks/${taskId}`);
    if (status.ok && TERMINAL_STATUSES.has((await status.json()).status)) {
      const events = await (await api(`/api/scaffolder/v2/tasks/${taskId}/events${query}`)).json();
      events.forEach(printEvent);
      return events.find(event => event.type === 'completion') ?? { type: 'completion', body: {} };
    }
  }
  throw new ScriptError(`Task ${taskId} did not finish within the timeout; see ${taskId} in the portal's task list.`);
}

/** Calls `read` until it returns a value, at most until the deadline. */
async function poll(description, deadline, read) {
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    const result = await read();
    if (result.value !== undefined) {
      return result.value;
    }
    lastProblem = result.problem ?? lastProblem;
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
  throw new ScriptError(`Timed out waiting for ${description}: ${lastProblem}`);
}

function lifecycleText(lifecycle) {
  if (lifecycle === 'SPOT') return 'Spot';
  if (lifecycle === 'ON_DEMAND') return 'On-Demand';
  return 'lifecycle unknown';
}

function printSummary(entityRef, picture) {
  console.log(`\nECS picture of ${entityRef}:`);
  for (const warning of picture.warnings) {
    console.log(`  warning: ${warning.part}: ${warning.message} (${warning.code})`);
  }
  for (const service of picture.services) {
    console.log(
      `  Service ${service.serviceName} in cluster ${service.clusterName} (${service.region}): ` +
        `${service.runningCount} running / ${service.desiredCount} desired, task definition ` +
        `${service.taskDefinitionFamily}:${service.taskDefinitionRevision}`,
    );

    const running = service.tasks.filter(task => task.lastStatus !== 'STOPPED');
    console.log(`  Tasks (${running.length}):`);
    for (const task of running) {
      console.log(
        `    ${task.taskId}  ${task.lastStatus}  on ${task.ec2InstanceId ?? '–'} (${task.instanceType ?? '?'}, ${lifecycleText(task.lifecycle)})` +
          `  capacity provider ${task.capacityProviderName ?? '–'}  ${task.availabilityZone ?? ''}`,
      );
    }

    const providerNames = new Set(service.capacityProviders.map(provider => provider.name));
    const instances = service.containerInstances.filter(instance => providerNames.has(instance.capacityProviderName));
    console.log(`  Instances of its capacity providers (${instances.length}):`);
    for (const instance of instances) {
      const ownTasks = running.filter(task => task.containerInstanceArn === instance.containerInstanceArn).length;
      console.log(
        `    ${instance.ec2InstanceId}  ${instance.instanceType ?? '?'}  ${lifecycleText(instance.lifecycle)}  ` +
          `${instance.capacityProviderName}  ${instance.availabilityZone ?? ''}  ${instance.status}, ${ownTasks} of its tasks`,
      );
    }

    console.log(`  Capacity providers (${service.capacityProviders.length}):`);
    for (const provider of service.capacityProviders) {
      const group = provider.autoScalingGroup;
      const groupText = group
        ? `Auto Scaling group ${group.name}: desired ${group.desiredCapacity}, in service ${group.inServiceCount}, ` +
          `min ${group.minSize}, max ${group.maxSize}, ${group.spotCount} Spot / ${group.onDemandCount} On-Demand`
        : 'Auto Scaling group unknown';
      console.log(
        `    ${provider.name}${provider.hasGpu ? ' (GPU)' : ''}: managed scaling ${provider.managedScalingStatus ?? '?'}, ` +
          `target ${provider.targetCapacity ?? '?'}%; ${groupText}`,
      );
    }
  }
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const token = await getToken(options.portal);
  const api = createApi(options.portal, token);
  const values = await readValues(options);

  // 1. Start the template.
  const created = await api('/api/scaffolder/v2/tasks', {
    method: 'POST',
    body: JSON.stringify({ templateRef: options.templateRef, values }),
  });
  if (created.status !== 201) {
    throw new ScriptError(`Could not start ${options.templateRef}: ${await describeResponse(created)}`);
  }
  const { id: taskId } = await created.json();
  console.log(`Task ${taskId} started: ${options.portal}/create/tasks/${taskId}`);

  // 2. Print its log until it ends.
  const completion = await followTask(api, taskId, options.deadline);
  const task = await (await api(`/api/scaffolder/v2/tasks/${taskId}`)).json();
  if (task.status !== 'completed') {
    const reason = completion.body?.error?.message ?? completion.body?.message ?? task.status;
    throw new ScriptError(`Task ${taskId} ${task.status}: ${reason}`);
  }
  const links = completion.body?.output?.links ?? [];
  for (const link of links) {
    console.log(`${link.title}: ${link.url ?? link.entityRef}`);
  }

  // 3. The catalog processes the new location on its own schedule.
  const entityRef = links.find(link => link.entityRef)?.entityRef ?? `component:default/${options.name}`;
  const [kind, rest] = entityRef.split(':');
  const [namespace, name] = rest.split('/');
  await poll(`${entityRef} in the catalog`, options.deadline, async () => {
    const response = await api(`/api/catalog/entities/by-name/${kind}/${namespace}/${name}`);
    if (response.ok) return { value: await response.json() };
    return { problem: await describeResponse(response) };
  });
  console.log(`Catalog entity ${entityRef} is registered.`);

  // 4. The simulated apply created the service; wait until its tasks run.
  const picture = await poll(`the tasks of ${entityRef} to run`, options.deadline, async () => {
    const response = await api(`/api/ecs-ec2/entities/${namespace}/${kind}/${name}`);
    if (!response.ok) return { problem: await describeResponse(response) };
    const body = await response.json();
    const settled = body.services.length > 0 && body.services.every(
      service => service.runningCount === service.desiredCount && service.pendingCount === 0,
    );
    if (settled) return { value: body };
    const counts = body.services.map(service => `${service.runningCount} running / ${service.desiredCount} desired`);
    return { problem: counts.join(', ') || 'no ECS service yet' };
  });
  printSummary(entityRef, picture);
}

main().catch(error => {
  if (error instanceof ScriptError) {
    console.error(`Error: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
