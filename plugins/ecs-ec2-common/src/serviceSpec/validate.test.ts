import { parseServiceSpec, validateServiceSpec } from './validate';
import { serviceSpecSchema, type ServiceSpecInput } from './schema';

/** The reference values: cluster demo, m6i.large, 2 tasks, pool 1-10 at 80 %. */
function referenceInput(): ServiceSpecInput {
  return {
    service: { name: 'web-api', owner: 'group:default/platform' },
    cluster: { mode: 'new', name: 'demo' },
    aws: { accountId: '123456789012', region: 'eu-west-1' },
    pools: [
      {
        name: 'general',
        instanceTypes: ['m6i.large'],
        minSize: 1,
        maxSize: 10,
        targetCapacity: 80,
        minimumScalingStepSize: 1,
        maximumScalingStepSize: 5,
      },
    ],
    task: {
      image: 'public.ecr.aws/nginx/nginx:1.27',
      cpu: 256,
      memoryMiB: 512,
    },
    deployment: { desiredCount: 2 },
  };
}

function problemsOf(edit: (input: ServiceSpecInput) => void) {
  const input = referenceInput();
  edit(input);
  return validateServiceSpec(serviceSpecSchema.parse(input));
}

function fieldsOf(edit: (input: ServiceSpecInput) => void) {
  return problemsOf(edit).map(problem => problem.field);
}

describe('validateServiceSpec', () => {
  it('accepts the reference values', () => {
    expect(problemsOf(() => {})).toEqual([]);
  });

  it.each(['ecs-gpu-pool', 'AWSpool', 'Fargate-x', 'fArGaTe', 'aws'])(
    'rejects the reserved capacity provider name %s',
    name => {
      const problems = problemsOf(input => {
        input.pools[0].capacityProviderName = name;
      });
      expect(problems).toHaveLength(1);
      expect(problems[0].field).toBe('pools[0].capacityProviderName');
      expect(problems[0].message).toContain('"aws", "ecs" or "fargate"');
    },
  );

  it('reports a reserved prefix of a derived name on the service name', () => {
    const problems = problemsOf(input => {
      input.service.name = 'Fargate-batch';
    });
    expect(problems.map(problem => problem.field)).toEqual(['service.name']);
    expect(problems[0].message).toContain('Fargate-batch-general');
  });

  it('rejects capacity provider names with other characters or over 255', () => {
    expect(
      fieldsOf(input => {
        input.pools[0].capacityProviderName = 'my pool!';
      }),
    ).toEqual(['pools[0].capacityProviderName']);
    expect(
      fieldsOf(input => {
        input.pools[0].capacityProviderName = 'p'.repeat(256);
      }),
    ).toEqual(['pools[0].capacityProviderName']);
    expect(
      fieldsOf(input => {
        input.pools[0].capacityProviderName = 'p'.repeat(255);
      }),
    ).toEqual([]);
  });

  it('lists every problem of the API case, not the first', () => {
    const problems = problemsOf(input => {
      input.pools[0].capacityProviderName = 'AWSpool';
      input.pools[0].managedTerminationProtection = true;
      input.pools[0].scaleInProtection = false;
    });
    expect(problems.map(problem => problem.field)).toEqual([
      'pools[0].capacityProviderName',
      'pools[0].managedTerminationProtection',
    ]);
  });

  it('names the GPU count when the task asks for more GPUs', () => {
    const problems = problemsOf(input => {
      input.pools[0].instanceTypes = ['g4dn.xlarge'];
      input.task.gpus = 2;
      input.task.memoryMiB = 4096;
    });
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'task.gpus',
        message: expect.stringContaining('2 > 1 available'),
      }),
    ]);
  });

  it('names the instance type without a GPU', () => {
    const problems = problemsOf(input => {
      input.pools[0].instanceTypes = ['t3.large'];
      input.task.gpus = 1;
    });
    expect(problems).toHaveLength(1);
    expect(problems[0].field).toBe('pools[0].instanceTypes[0]');
    expect(problems[0].message).toContain('t3.large has no GPU');
  });

  it('checks the fit on every instance type, with registered memory', () => {
    // 8 GiB installed registers about 7700 MiB, so a 7800 MiB task does not fit.
    const problems = problemsOf(input => {
      input.pools[0].instanceTypes = ['m6i.large', 'm6i.xlarge'];
      input.pools[0].purchaseOption = 'spot';
      input.task.memoryMiB = 7800;
    });
    expect(problems.map(problem => problem.field)).toEqual([
      'pools[0].instanceTypes[0]',
    ]);
    expect(problems[0].message).toContain('m6i.large registers about');
  });

  it('counts the daemon task on every instance', () => {
    expect(
      fieldsOf(input => {
        input.task.cpu = 2048;
        input.daemon = {
          name: 'agent',
          image: 'amazon/cloudwatch-agent:latest',
          cpu: 128,
        };
      }),
    ).toContain('pools[0].instanceTypes[0]');
  });

  it('ignores pools the strategy does not use', () => {
    expect(
      fieldsOf(input => {
        input.pools.push({ name: 'small', instanceTypes: ['t3.micro'] });
        input.task.memoryMiB = 2048;
        input.capacityProviderStrategy = [
          { pool: 'general', weight: 1 },
          { pool: 'small', weight: 0 },
        ];
      }),
    ).toEqual([]);
  });

  it('requires several instance types for Spot', () => {
    expect(
      fieldsOf(input => {
        input.pools[0].purchaseOption = 'spot';
      }),
    ).toEqual(['pools[0].instanceTypes']);
    expect(
      fieldsOf(input => {
        input.pools[0].purchaseOption = 'mixed';
        input.pools[0].onDemandBaseCapacity = 0;
        input.pools[0].onDemandPercentageAboveBaseCapacity = 0;
      }),
    ).toEqual(['pools[0].instanceTypes']);
  });

  it('limits awsvpc tasks to the network interfaces', () => {
    // m6i.large: 3 interfaces, 2 tasks each, so 10 instances hold 20 tasks.
    expect(
      fieldsOf(input => {
        input.task.networkMode = 'awsvpc';
        input.deployment!.desiredCount = 20;
      }),
    ).toEqual([]);
    const problems = problemsOf(input => {
      input.task.networkMode = 'awsvpc';
      input.deployment!.desiredCount = 21;
    });
    expect(problems.map(problem => problem.field)).toEqual([
      'deployment.desiredCount',
    ]);
    expect(problems[0].message).toContain('at most 20');
  });

  it('checks sizes, steps and target capacity', () => {
    expect(
      fieldsOf(input => {
        const pool = input.pools[0];
        pool.minSize = 5;
        pool.maxSize = 2;
        pool.targetCapacity = 0;
        pool.minimumScalingStepSize = 20;
        pool.maximumScalingStepSize = 10;
      }),
    ).toEqual([
      'pools[0].minSize',
      'pools[0].targetCapacity',
      'pools[0].minimumScalingStepSize',
    ]);
    expect(
      fieldsOf(input => {
        input.pools[0].maximumScalingStepSize = 10001;
      }),
    ).toEqual(['pools[0].maximumScalingStepSize']);
    expect(
      fieldsOf(input => {
        input.pools[0].targetCapacity = 101;
      }),
    ).toEqual(['pools[0].targetCapacity']);
  });

  it('checks the health check against the ECS limits', () => {
    expect(
      fieldsOf(input => {
        input.task.healthCheck = {
          command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'],
          intervalSeconds: 4,
          timeoutSeconds: 61,
          retries: 11,
          startPeriodSeconds: 301,
        };
      }),
    ).toEqual([
      'task.healthCheck.intervalSeconds',
      'task.healthCheck.timeoutSeconds',
      'task.healthCheck.retries',
      'task.healthCheck.startPeriodSeconds',
    ]);
    expect(
      fieldsOf(input => {
        input.task.healthCheck = {
          command: ['CMD', 'true'],
          intervalSeconds: 5,
          timeoutSeconds: 2,
          retries: 1,
          startPeriodSeconds: 300,
        };
      }),
    ).toEqual([]);
  });

  it('checks environment names, log retention and AMI formats', () => {
    expect(
      fieldsOf(input => {
        input.task.environment = [
          { name: '1BAD', value: 'x' },
          { name: 'GOOD', value: '${var.x}' },
        ];
        input.task.logRetentionDays = 31;
        input.pools[0].ami = { id: 'ami-123' };
      }),
    ).toEqual([
      'pools[0].ami.id',
      'task.environment[0].name',
      'task.logRetentionDays',
    ]);
    expect(
      fieldsOf(input => {
        input.pools[0].ami = { ssmParameter: 'not/a/path' };
      }),
    ).toEqual(['pools[0].ami.ssmParameter']);
    expect(
      fieldsOf(input => {
        input.pools[0].ami = { id: 'ami-0123456789abcdef0' };
      }),
    ).toEqual([]);
    expect(
      fieldsOf(input => {
        input.pools[0].ami = { ssmParameter: '/my-org/ecs/ami_id' };
      }),
    ).toEqual([]);
  });

  it.each(['AWS_SECRET_ACCESS_KEY', 'DB_PASSWORD', 'github_token', 'STRIPE_API_KEY'])(
    'rejects the secret-looking variable %s',
    name => {
      const problems = problemsOf(input => {
        input.task.environment = [{ name, value: 'hunter2' }];
      });

      expect(problems.map(problem => problem.field)).toEqual(['task.environment[0].name']);
      expect(problems[0].message).toContain('Secrets Manager or SSM Parameter Store');
      // The message names the variable, never its value.
      expect(problems[0].message).not.toContain('hunter2');
    },
  );

  it('keeps the pools within the container instance quota', () => {
    const one = problemsOf(input => {
      input.pools[0].maxSize = 1e9;
    });
    const together = problemsOf(input => {
      input.pools[0].maxSize = 3000;
      input.pools.push({ ...input.pools[0], name: 'second' });
    });

    expect(one.map(problem => problem.field)).toContain('pools[0].maxSize');
    expect(one[0].message).toContain('use 5000 or less');
    expect(together).toEqual([
      expect.objectContaining({ field: 'pools', message: expect.stringContaining('6000 instances') }),
    ]);
  });

  it('allows at most 20 pools, one capacity provider each', () => {
    const problems = problemsOf(input => {
      input.pools = Array.from({ length: 21 }, (_, i) => ({ ...input.pools[0], name: `pool${i}`, maxSize: 2 }));
    });

    // The default strategy names every pool, so it is over its own limit of 20 too.
    expect(problems.map(problem => problem.field)).toEqual(['pools', 'capacityProviderStrategy']);
    expect(problems[0].message).toContain('21 capacity providers');
  });

  it('checks the desired count against the pool maximum', () => {
    expect(
      fieldsOf(input => {
        input.deployment!.desiredCount = 2;
        input.deployment!.placementConstraints = [{ type: 'distinctInstance' }];
        input.pools[0].maxSize = 1;
      }),
    ).toEqual(['deployment.desiredCount']);
  });
});

describe('parseServiceSpec', () => {
  it('turns type errors into problems with field paths', () => {
    const input = referenceInput() as any;
    input.pools[0].maxSize = 'ten';
    input.cluster.mode = 'maybe';
    const result = parseServiceSpec(input);
    expect(result.spec).toBeUndefined();
    expect(result.problems.map(problem => problem.field).sort()).toEqual([
      'cluster.mode',
      'pools[0].maxSize',
    ]);
  });

  it('states the value and the fix for type errors', () => {
    const input = referenceInput() as any;
    input.pools[0].maxSize = 2.5;
    input.pools[0].minSize = '3';
    input.cluster.mode = 'old';
    input.aws.region = 5;
    input.task.environment = [{ name: 'A' }];
    const messages = Object.fromEntries(
      parseServiceSpec(input).problems.map(problem => [problem.field, problem.message]),
    );

    expect(messages).toEqual({
      'cluster.mode': 'Invalid value "old": use one of "new", "existing".',
      'aws.region': 'Invalid value 5: give a string.',
      'pools[0].minSize': '"3" is a string: give a number without quotes, 3.',
      'pools[0].maxSize': '2.5 is not a whole number: give a whole number, for example 3.',
      'task.environment[0].value': 'Missing: give a string.',
    });
  });

  it('rejects unknown fields and suggests the one meant', () => {
    const input = referenceInput() as any;
    input.pools[0].instanceTyps = ['m6i.large'];
    input.task.zzz = 1;
    const problems = parseServiceSpec(input).problems;

    expect(problems.map(problem => problem.field)).toEqual(['pools[0]', 'task']);
    expect(problems[0].message).toBe(
      'Unknown field "instanceTyps" (did you mean "instanceTypes"?): remove it or correct the spelling.',
    );
    expect(problems[1].message).toMatch(/^Unknown field "zzz": remove it or correct the spelling\. Known fields here: image, cpu, /);
  });

  it('returns the spec with defaults when valid', () => {
    const result = parseServiceSpec(referenceInput());
    expect(result.problems).toEqual([]);
    expect(result.spec?.cluster.containerInsights).toBe(true);
    expect(result.spec?.pools[0].managedDraining).toBe(true);
  });
});
