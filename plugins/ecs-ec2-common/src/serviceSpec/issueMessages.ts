import { z, type ZodIssue, type ZodTypeAny } from 'zod';

/*
 * Turns zod's type errors into messages that name the value and the fix. Zod's own
 * wording ("Expected integer, received float") names what is wrong but not what a
 * form or API caller should write instead.
 */

/** Renders a path such as `['pools', 0, 'maxSize']` as `pools[0].maxSize`. */
export function fieldPath(path: Array<string | number>): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') {
      text += `[${part}]`;
    } else {
      text += text ? `.${part}` : part;
    }
  }
  return text || '(root)';
}

function valueAt(input: unknown, path: Array<string | number>): unknown {
  let value: unknown = input;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[part];
  }
  return value;
}

const KINDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

function shown(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** Counts the edits between two short names, to suggest the field a typo meant. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(
        row[j] + 1,
        row[j - 1] + 1,
        diagonal + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1),
      );
      diagonal = above;
    }
  }
  return row[b.length];
}

/**
 * Returns the candidate a misspelled name most likely meant, or undefined when none
 * is close enough.
 *
 * @public
 */
export function closestName(name: string, candidates: string[]): string | undefined {
  const ranked = candidates
    .map(candidate => ({ candidate, cost: distance(name, candidate) }))
    .sort((a, b) => a.cost - b.cost);
  const best = ranked[0];
  return best && best.cost <= Math.max(2, Math.floor(name.length / 4))
    ? best.candidate
    : undefined;
}

function typeMessage(expected: string, value: unknown): string {
  const kind = KINDS[expected] ?? expected;
  if (value === undefined) {
    return `Missing: give ${kind}.`;
  }
  if (expected === 'integer' && typeof value === 'number') {
    return `${value} is not a whole number: give ${kind}, for example ${Math.round(value)}.`;
  }
  if ((expected === 'number' || expected === 'integer') && typeof value === 'string') {
    const number = Number(value);
    if (value.trim() !== '' && Number.isFinite(number)) {
      return `${shown(value)} is a string: give ${kind} without quotes, ${number}.`;
    }
  }
  if (expected === 'boolean' && (value === 'true' || value === 'false')) {
    return `${shown(value)} is a string: give ${value} without quotes.`;
  }
  return `Invalid value ${shown(value)}: give ${kind}.`;
}

/**
 * Turns one zod issue of a service spec into a field path and a message. The
 * message quotes the value at that path of `input` and what to write instead.
 */
export function messageOfIssue(
  issue: ZodIssue,
  input: unknown,
  knownFields: (path: Array<string | number>) => string[],
): { field: string; message: string } {
  const field = fieldPath(issue.path);
  const value = valueAt(input, issue.path);

  switch (issue.code) {
    case 'invalid_type':
      return { field, message: typeMessage(issue.expected, value) };
    case 'invalid_enum_value':
      return {
        field,
        message: `Invalid value ${shown(value)}: use one of ${issue.options
          .map(option => `"${String(option)}"`)
          .join(', ')}.`,
      };
    case 'too_small':
      if (issue.type === 'array') {
        return {
          field,
          message: `The list is empty: give at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}.`,
        };
      }
      return { field, message: issue.message };
    case 'unrecognized_keys': {
      const known = knownFields(issue.path);
      const suggestions = issue.keys.map(key => closestName(key, known));
      const hints = issue.keys.map((key, i) =>
        suggestions[i] ? `"${key}" (did you mean "${suggestions[i]}"?)` : `"${key}"`,
      );
      const one = issue.keys.length === 1;
      // The list of known fields helps only where no suggestion does.
      const list = suggestions.every(Boolean) ? '' : ` Known fields here: ${known.join(', ')}.`;
      return {
        field,
        message: `Unknown field${one ? '' : 's'} ${hints.join(', ')}: remove ${
          one ? 'it' : 'them'
        } or correct the spelling.${list}`,
      };
    }
    default:
      return { field, message: issue.message };
  }
}

function unwrap(schema: ZodTypeAny): ZodTypeAny {
  let current = schema;
  for (;;) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable) {
      current = current.unwrap();
    } else if (current instanceof z.ZodDefault) {
      current = current.removeDefault();
    } else if (current instanceof z.ZodEffects) {
      current = current.innerType();
    } else {
      return current;
    }
  }
}

/** Lists the field names the schema allows at a path, for unknown-field hints. */
export function fieldsOfSchema(root: ZodTypeAny) {
  return (path: Array<string | number>): string[] => {
    let schema = unwrap(root);
    for (const part of path) {
      if (schema instanceof z.ZodArray) {
        schema = unwrap(schema.element);
      } else if (schema instanceof z.ZodObject && typeof part === 'string') {
        const next = schema.shape[part];
        if (!next) return [];
        schema = unwrap(next);
      } else {
        return [];
      }
    }
    if (schema instanceof z.ZodArray) schema = unwrap(schema.element);
    return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
  };
}
