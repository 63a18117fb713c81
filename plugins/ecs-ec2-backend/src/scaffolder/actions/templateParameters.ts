import { JsonObject } from '@backstage/types';

type Schema = JsonObject | undefined;

function asObject(value: unknown): Schema {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as JsonObject)
    : undefined;
}

/**
 * Lists every parameter name a template's form declares: the properties of each
 * page, and those of the branches a page's `dependencies`, `oneOf`, `anyOf` or
 * `allOf` adds.
 */
export function declaredParameterNames(parameters: unknown): Set<string> {
  const names = new Set<string>();

  const visit = (schema: Schema) => {
    if (!schema) return;
    for (const name of Object.keys(asObject(schema.properties) ?? {})) {
      names.add(name);
    }
    for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
      const branches = schema[key];
      if (Array.isArray(branches)) branches.forEach(branch => visit(asObject(branch)));
    }
    for (const key of ['if', 'then', 'else'] as const) {
      visit(asObject(schema[key]));
    }
    for (const dependency of Object.values(asObject(schema.dependencies) ?? {})) {
      visit(asObject(dependency));
    }
  };

  const pages = Array.isArray(parameters) ? parameters : [parameters];
  pages.forEach(page => visit(asObject(page)));
  return names;
}
