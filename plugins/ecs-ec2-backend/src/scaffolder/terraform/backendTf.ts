import { block, renderFile } from './hcl';
import type { GenerationModel } from './model';

export function backendTf(model: GenerationModel): string | undefined {
  const backend = model.spec.stateBackend;
  if (!backend) {
    return undefined;
  }
  return renderFile([
    block(
      'terraform',
      [],
      [
        block(
          'backend',
          ['s3'],
          [
            ['bucket', backend.bucket],
            ['key', backend.key],
            ['region', backend.region],
            ['encrypt', true],
            // Without a DynamoDB table, S3 native locking (Terraform 1.10+) locks the state.
            ['dynamodb_table', backend.dynamodbTable],
            [
              'use_lockfile',
              backend.dynamodbTable === undefined ? true : undefined,
            ],
          ],
        ),
      ],
    ),
  ]);
}
