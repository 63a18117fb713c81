/*
 * A small HCL writer. Generated files are built from values, never by pasting
 * user text into Terraform code: every string value goes through
 * `escapeHclString`, and only the generator writes expressions (`expr`).
 */

/** A Terraform expression written by the generator, such as a reference. */
export class HclExpression {
  constructor(readonly text: string) {}
}

/** Marks generator-written text as a Terraform expression. */
export function expr(text: string): HclExpression {
  return new HclExpression(text);
}

export type HclValue =
  | string
  | number
  | boolean
  | HclExpression
  | HclValue[]
  | { [key: string]: HclValue | undefined };

export interface HclBlock {
  type: string;
  labels: string[];
  body: HclBody;
  /** Comment lines written above the block; generator text only, never user text. */
  comment?: string[];
}

/** Attributes (name and value; undefined values are left out) and nested blocks, in order. */
export type HclBody = Array<[string, HclValue | undefined] | HclBlock>;

export function block(
  type: string,
  labels: string[],
  body: HclBody,
  comment?: string[],
): HclBlock {
  return { type, labels, body, comment };
}

/**
 * Escapes text for a quoted HCL string literal so it stays literal text:
 * backslash, quote and control characters become escape sequences, and the
 * template sequences `${` and `%{` become `$${` and `%%{`.
 */
export function escapeHclString(value: string): string {
  let escaped = '';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (char === '\\') {
      escaped += '\\\\';
    } else if (char === '"') {
      escaped += '\\"';
    } else if (char === '\n') {
      escaped += '\\n';
    } else if (char === '\r') {
      escaped += '\\r';
    } else if (char === '\t') {
      escaped += '\\t';
    } else if (
      code < 0x20 ||
      (code >= 0x7f && code < 0xa0) ||
      code === 0x2028 ||
      code === 0x2029
    ) {
      escaped += `\\u${code.toString(16).padStart(4, '0')}`;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      // A lone surrogate cannot be written as UTF-8; HCL would reject the file.
      escaped += '\\ufffd';
    } else {
      escaped += char;
    }
  }
  // Replacement functions, because `$$` in a replacement string means one `$`.
  return escaped.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/** A quoted HCL string literal holding `value` as literal text. */
export function hclString(value: string): string {
  return `"${escapeHclString(value)}"`;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

function renderKey(key: string): string {
  return IDENTIFIER.test(key) ? key : hclString(key);
}

function indent(level: number): string {
  return '  '.repeat(level);
}

/** Renders a value as an HCL expression. */
export function renderValue(value: HclValue, level = 0): string {
  if (value instanceof HclExpression) {
    return value.text;
  }
  if (typeof value === 'string') {
    return hclString(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new Error(`Cannot write the number ${value} to Terraform`);
    }
    return String(value);
  }
  if (typeof value === 'boolean') {
    return value ? 'true' : 'false';
  }
  if (Array.isArray(value)) {
    if (value.length === 0) {
      return '[]';
    }
    const simple = value.every(
      item => typeof item !== 'object' || item instanceof HclExpression,
    );
    if (simple) {
      return `[${value.map(item => renderValue(item, level)).join(', ')}]`;
    }
    const items = value.map(
      item => `${indent(level + 1)}${renderValue(item, level + 1)},`,
    );
    return `[\n${items.join('\n')}\n${indent(level)}]`;
  }
  const entries = Object.entries(value).filter(
    (entry): entry is [string, HclValue] => entry[1] !== undefined,
  );
  if (entries.length === 0) {
    return '{}';
  }
  const lines = entries.map(
    ([key, item]) =>
      `${indent(level + 1)}${renderKey(key)} = ${renderValue(item, level + 1)}`,
  );
  return `{\n${lines.join('\n')}\n${indent(level)}}`;
}

const BLOCK_TYPE = /^[a-z_][a-z0-9_]*$/;

/** Renders blocks and attributes; block types and attribute names come from the generator only. */
export function renderBody(body: HclBody, level = 0): string {
  const parts: string[] = [];
  for (const item of body) {
    if (Array.isArray(item)) {
      const [name, value] = item;
      if (value === undefined) {
        continue;
      }
      if (!BLOCK_TYPE.test(name)) {
        throw new Error(`Invalid Terraform attribute name "${name}"`);
      }
      parts.push(`${indent(level)}${name} = ${renderValue(value, level)}`);
    } else {
      if (!BLOCK_TYPE.test(item.type)) {
        throw new Error(`Invalid Terraform block type "${item.type}"`);
      }
      const labels = item.labels.map(label => ` ${hclString(label)}`).join('');
      const comment = (item.comment ?? [])
        .map(line => `${indent(level)}# ${line.replace(/[\r\n]/g, ' ')}\n`)
        .join('');
      const inner = renderBody(item.body, level + 1);
      const head = `${comment}${indent(level)}${item.type}${labels}`;
      parts.push(
        inner ? `${head} {\n${inner}\n${indent(level)}}` : `${head} {}`,
      );
    }
  }
  return parts.join('\n');
}

/** Renders top-level blocks separated by blank lines. */
export function renderFile(blocks: HclBlock[]): string {
  return `${blocks.map(item => renderBody([item])).join('\n\n')}\n`;
}
