import fs from 'node:fs';
import path from 'node:path';

/*
 * The AWS provider schema as `@cdktf/provider-aws` 21.22.1 (AWS provider
 * 6.25.0) encodes it. Each `lib/<resource>/index.js` lists every attribute and
 * nested block under its Terraform name in `...ToHclTerraform` functions (with
 * `isBlock`), and `index.d.ts` marks required ones as non-optional properties
 * whose docs link to `#<terraform_name>`.
 */

export interface SchemaNode {
  attributes: Map<
    string,
    { isBlock: boolean; required: boolean; nested?: SchemaNode }
  >;
}

const LIB = path.join(
  path.dirname(require.resolve('@cdktf/provider-aws/package.json')),
  'lib',
);

function libDirectory(
  kind: 'resource' | 'data' | 'provider',
  type: string,
): string {
  if (kind === 'provider') {
    return path.join(LIB, 'provider');
  }
  const base = type.replace(/^aws_/, '').replace(/_/g, '-');
  return path.join(LIB, kind === 'data' ? `data-aws-${base}` : base);
}

function lowerFirst(name: string): string {
  return name[0].toLowerCase() + name.slice(1);
}

/** Attribute entries of one `const attrs = { ... }` object. */
function attrEntries(
  body: string,
): Array<{ name: string; isBlock: boolean; nestedFunction?: string }> {
  const entries = [];
  const pattern =
    /^\s{8,12}(\w+): \{\s*value: ([^\n]*),\s*isBlock: (true|false)/gm;
  for (const match of body.matchAll(pattern)) {
    const nested = /(?<!cdktf\.)\b(\w+)ToHclTerraform\b/.exec(match[2]);
    entries.push({
      name: match[1],
      isBlock: match[3] === 'true',
      nestedFunction: nested?.[1],
    });
  }
  return entries;
}

/** Terraform names of the required properties of each interface in index.d.ts. */
function requiredByInterface(declarations: string): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>();
  const interfacePattern =
    /export interface (\w+)(?: extends [\w.]+)? \{([\s\S]*?)\n\}/g;
  for (const match of declarations.matchAll(interfacePattern)) {
    const required = new Set<string>();
    const propertyPattern = /#(\w+) [^}]*\}\s*\*\/\s*readonly \w+(\??):/g;
    for (const property of match[2].matchAll(propertyPattern)) {
      if (property[2] !== '?') {
        required.add(property[1]);
      }
    }
    result.set(match[1], required);
  }
  return result;
}

function loadNodes(directory: string) {
  const source = fs.readFileSync(path.join(directory, 'index.js'), 'utf8');
  const declarations = fs.readFileSync(
    path.join(directory, 'index.d.ts'),
    'utf8',
  );
  const required = requiredByInterface(declarations);

  const functions = new Map<string, string>();
  const functionPattern =
    /^function (\w+)ToHclTerraform\(struct\) \{([\s\S]*?)^\}/gm;
  for (const match of source.matchAll(functionPattern)) {
    functions.set(match[1], match[2]);
  }
  const top = /synthesizeHclAttributes\(\) \{([\s\S]*?)\n    \}/.exec(source);
  const className =
    /^class (\w+) extends cdktf\.(TerraformResource|TerraformDataSource|TerraformProvider)/m.exec(
      source,
    )?.[1];
  if (!top || !className) {
    throw new Error(`No schema found in ${directory}`);
  }

  const build = (
    body: string,
    interfaceName: string,
    seen: Set<string>,
  ): SchemaNode => {
    const requiredNames = required.get(interfaceName) ?? new Set<string>();
    const node: SchemaNode = { attributes: new Map() };
    for (const entry of attrEntries(body)) {
      let nested: SchemaNode | undefined;
      if (
        entry.nestedFunction &&
        functions.has(entry.nestedFunction) &&
        !seen.has(entry.nestedFunction)
      ) {
        const nestedInterface =
          entry.nestedFunction[0].toUpperCase() + entry.nestedFunction.slice(1);
        nested = build(
          functions.get(entry.nestedFunction)!,
          nestedInterface,
          new Set([...seen, entry.nestedFunction]),
        );
      }
      node.attributes.set(entry.name, {
        isBlock: entry.isBlock,
        required: requiredNames.has(entry.name),
        nested,
      });
    }
    return node;
  };

  const configInterface =
    className === 'AwsProvider' ? 'AwsProviderConfig' : `${className}Config`;
  return build(top[1], configInterface, new Set([lowerFirst(className)]));
}

const cache = new Map<string, SchemaNode>();

/** Schema of a resource, data source or the provider block. */
export function schemaOf(
  kind: 'resource' | 'data' | 'provider',
  type: string,
): SchemaNode {
  const key = `${kind}:${type}`;
  if (!cache.has(key)) {
    const directory = libDirectory(kind, type);
    if (!fs.existsSync(directory)) {
      throw new Error(`The AWS provider has no ${kind} ${type}`);
    }
    cache.set(key, loadNodes(directory));
  }
  return cache.get(key)!;
}

const META_ARGUMENTS = new Set([
  'depends_on',
  'lifecycle',
  'count',
  'for_each',
  'provider',
]);

/**
 * Lists attributes and blocks of a parsed body (hcl2json output) that the
 * schema does not have, blocks written as attributes or the other way round,
 * and missing required attributes. Paths are like `aws_ecs_service.this.network_configuration`.
 */
export function schemaViolations(
  node: SchemaNode,
  body: Record<string, unknown>,
  at: string,
): string[] {
  const violations: string[] = [];
  for (const [name, value] of Object.entries(body)) {
    if (META_ARGUMENTS.has(name)) {
      continue;
    }
    // A dynamic block generates blocks of its label's type from its content.
    if (name === 'dynamic') {
      for (const [label, generators] of Object.entries(value as Record<string, any[]>)) {
        const target = node.attributes.get(label);
        if (!target?.isBlock) {
          violations.push(`${at}.dynamic.${label} is not a block in the schema`);
          continue;
        }
        for (const generator of generators) {
          for (const content of generator.content ?? []) {
            if (target.nested) {
              violations.push(...schemaViolations(target.nested, content, `${at}.${label}`));
            }
          }
        }
      }
      continue;
    }
    const attribute = node.attributes.get(name);
    if (!attribute) {
      violations.push(`${at}.${name} is not in the schema`);
      continue;
    }
    const isBlockValue =
      Array.isArray(value) &&
      value.every(
        item =>
          typeof item === 'object' && item !== null && !Array.isArray(item),
      );
    if (attribute.isBlock) {
      if (!isBlockValue) {
        violations.push(`${at}.${name} must be a block`);
        continue;
      }
      for (const item of value as Array<Record<string, unknown>>) {
        if (attribute.nested) {
          violations.push(
            ...schemaViolations(attribute.nested, item, `${at}.${name}`),
          );
        }
      }
    }
  }
  for (const [name, attribute] of node.attributes) {
    if (attribute.required && !(name in body)) {
      violations.push(`${at}.${name} is required`);
    }
  }
  return violations;
}

/** Checks every resource, data source and provider block of a parsed file. */
export function fileSchemaViolations(parsed: Record<string, any>): string[] {
  const violations: string[] = [];
  for (const kind of ['resource', 'data'] as const) {
    for (const [type, byName] of Object.entries<Record<string, any[]>>(
      parsed[kind] ?? {},
    )) {
      for (const [name, bodies] of Object.entries(byName)) {
        for (const body of bodies) {
          violations.push(
            ...schemaViolations(
              schemaOf(kind, type),
              body,
              `${kind === 'data' ? 'data.' : ''}${type}.${name}`,
            ),
          );
        }
      }
    }
  }
  for (const bodies of Object.values<any[]>(parsed.provider ?? {})) {
    for (const body of bodies) {
      violations.push(
        ...schemaViolations(schemaOf('provider', 'aws'), body, 'provider.aws'),
      );
    }
  }
  return violations;
}

/** Whether a resource or data source exposes an attribute (argument or computed) for references. */
export function hasReadableAttribute(
  kind: 'resource' | 'data',
  type: string,
  attribute: string,
): boolean {
  const source = fs.readFileSync(
    path.join(libDirectory(kind, type), 'index.js'),
    'utf8',
  );
  const camel = attribute.replace(/_([a-z0-9])/g, (_, char: string) =>
    char.toUpperCase(),
  );
  return new RegExp(`\\n    get ${camel}\\(\\)`).test(source);
}

/** Lists references such as `aws_ecs_service.this.nme` whose attribute the provider does not have. */
export function referenceViolations(text: string): string[] {
  const violations: string[] = [];
  const pattern =
    /(?<![\w.])(data\.)?(aws_[a-z0-9_]+)\.([a-z0-9_]+)\.([a-z0-9_]+)/g;
  for (const match of text.matchAll(pattern)) {
    const kind = match[1] ? 'data' : 'resource';
    if (!hasReadableAttribute(kind, match[2], match[4])) {
      violations.push(`${match[0]} is not an attribute of ${kind} ${match[2]}`);
    }
  }
  return violations;
}
