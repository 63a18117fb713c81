import fs from 'node:fs';
import path from 'node:path';

/** A service model in the botocore JSON form (models/<service>/service-2.json). */
export interface ServiceModel {
  metadata: Record<string, any>;
  operations: Record<string, { input?: { shape: string }; output?: { shape: string; resultWrapper?: string } }>;
  shapes: Record<string, any>;
}

const cache = new Map<string, ServiceModel>();

/** Loads a bundled AWS service model: ecs, cloudwatch or autoscaling. */
export function loadServiceModel(service: 'ecs' | 'cloudwatch' | 'autoscaling'): ServiceModel {
  let model = cache.get(service);
  if (!model) {
    // The models and scenarios folders ship beside src/ and dist/, so walk up from either.
    // eslint-disable-next-line no-restricted-syntax
    let dir = __dirname;
    while (!fs.existsSync(path.join(dir, 'models', service, 'service-2.json'))) {
      const parent = path.dirname(dir);
      if (parent === dir) {
        throw new Error(`The bundled ${service} model of @ecs-on-ec2/ecs-simulator was not found`);
      }
      dir = parent;
    }
    model = JSON.parse(fs.readFileSync(path.join(dir, 'models', service, 'service-2.json'), 'utf8')) as ServiceModel;
    cache.set(service, model);
  }
  return model;
}
