import type { ServiceModel } from '../protocol/models';

/**
 * Checks a raw JSON response against an output shape: every member is declared, required
 * members are present, and values have the member's type and a valid enum value. Returns the
 * problems found, each with its path.
 */
export function validateShape(model: ServiceModel, shapeName: string, value: unknown, path = '$'): string[] {
  const shape = model.shapes[shapeName];
  const problems: string[] = [];
  if (value === null || value === undefined) {
    return problems;
  }
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object' || Array.isArray(value)) {
        return [`${path}: expected an object for ${shapeName}`];
      }
      const record = value as Record<string, unknown>;
      for (const required of shape.required ?? []) {
        if (record[required] === undefined) problems.push(`${path}.${required}: required member of ${shapeName} is missing`);
      }
      for (const [key, member] of Object.entries(record)) {
        const spec = shape.members[key];
        if (!spec) {
          problems.push(`${path}.${key}: not a member of ${shapeName}`);
          continue;
        }
        problems.push(...validateShape(model, spec.shape, member, `${path}.${key}`));
      }
      return problems;
    }
    case 'list':
      if (!Array.isArray(value)) return [`${path}: expected a list for ${shapeName}`];
      value.forEach((item, i) => problems.push(...validateShape(model, shape.member.shape, item, `${path}[${i}]`)));
      return problems;
    case 'map':
      if (typeof value !== 'object') return [`${path}: expected a map for ${shapeName}`];
      Object.entries(value as object).forEach(([k, v]) => problems.push(...validateShape(model, shape.value.shape, v, `${path}.${k}`)));
      return problems;
    case 'string':
      if (typeof value !== 'string') return [`${path}: expected a string for ${shapeName}, got ${typeof value}`];
      if (shape.enum && !shape.enum.includes(value)) return [`${path}: ${value} is not a valid ${shapeName} (${shape.enum.join(', ')})`];
      return problems;
    case 'integer':
    case 'long':
      return Number.isInteger(value) ? problems : [`${path}: expected an integer for ${shapeName}, got ${JSON.stringify(value)}`];
    case 'double':
    case 'float':
      return typeof value === 'number' ? problems : [`${path}: expected a number for ${shapeName}`];
    case 'boolean':
      return typeof value === 'boolean' ? problems : [`${path}: expected a boolean for ${shapeName}`];
    case 'timestamp':
      return typeof value === 'number' || value instanceof Date ? problems : [`${path}: expected a timestamp for ${shapeName}`];
    default:
      return problems;
  }
}
