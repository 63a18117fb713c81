/** Looks up a reference such as `var.region` or `aws_ecs_cluster.this.name`, split at dots. */
export type Resolve = (path: string[]) => unknown;

class Parser {
  private pos = 0;

  constructor(
    private readonly source: string,
    private readonly resolve: Resolve,
  ) {}

  parseAll(): unknown {
    const value = this.parseExpression();
    this.skipSpace();
    if (this.pos < this.source.length) {
      this.fail('unexpected text');
    }
    return value;
  }

  private fail(reason: string): never {
    throw new Error(`Unsupported Terraform expression (${reason} at ${this.pos}): ${this.source}`);
  }

  private skipSpace(): void {
    while (this.pos < this.source.length) {
      if (/\s/.test(this.source[this.pos])) this.pos++;
      else if (this.source.startsWith('#', this.pos) || this.source.startsWith('//', this.pos)) {
        while (this.pos < this.source.length && this.source[this.pos] !== '\n') this.pos++;
      } else break;
    }
  }

  private parseExpression(): unknown {
    this.skipSpace();
    const c = this.source[this.pos];
    if (c === '"') return this.parseString();
    if (c === '[') return this.parseList();
    if (c === '{') return this.parseObject();
    if (c === '-' || /\d/.test(c ?? '')) {
      const match = /^-?\d+(\.\d+)?/.exec(this.source.slice(this.pos))!;
      this.pos += match[0].length;
      return Number(match[0]);
    }
    const match = /^[A-Za-z_][\w-]*(\.[A-Za-z_*][\w-]*|\[\d+\])*/.exec(this.source.slice(this.pos));
    if (!match) this.fail('expected a value');
    this.pos += match[0].length;
    const name = match[0];
    if (name === 'true') return true;
    if (name === 'false') return false;
    if (name === 'null') return null;

    this.skipSpace();
    if (this.source[this.pos] === '(') {
      this.pos++;
      const args: unknown[] = [];
      this.skipSpace();
      while (this.source[this.pos] !== ')') {
        args.push(this.parseExpression());
        this.skipSpace();
        if (this.source[this.pos] === ',') this.pos++;
        this.skipSpace();
      }
      this.pos++;
      return callFunction(name, args, this.source);
    }
    return this.resolve(name.replace(/\[(\d+)\]/g, '.$1').split('.'));
  }

  private parseString(): string {
    let raw = '';
    this.pos++;
    while (this.source[this.pos] !== '"') {
      if (this.pos >= this.source.length) this.fail('unterminated string');
      if (this.source[this.pos] === '\\') {
        raw += JSON.parse(`"${this.source.slice(this.pos, this.pos + 2)}"`);
        this.pos += 2;
      } else {
        raw += this.source[this.pos++];
      }
    }
    this.pos++;
    return String(evaluateTemplate(raw, this.resolve));
  }

  private parseList(): unknown[] {
    const items: unknown[] = [];
    this.pos++;
    this.skipSpace();
    while (this.source[this.pos] !== ']') {
      items.push(this.parseExpression());
      this.skipSpace();
      if (this.source[this.pos] === ',') this.pos++;
      this.skipSpace();
    }
    this.pos++;
    return items;
  }

  private parseObject(): Record<string, unknown> {
    const object: Record<string, unknown> = {};
    this.pos++;
    this.skipSpace();
    while (this.source[this.pos] !== '}') {
      let key: string;
      if (this.source[this.pos] === '"') {
        key = this.parseString();
      } else {
        const match = /^[A-Za-z_][\w-]*/.exec(this.source.slice(this.pos));
        if (!match) this.fail('expected an object key');
        key = match[0];
        this.pos += key.length;
      }
      this.skipSpace();
      if (this.source[this.pos] !== '=' && this.source[this.pos] !== ':') this.fail('expected = or :');
      this.pos++;
      object[key] = this.parseExpression();
      this.skipSpace();
      if (this.source[this.pos] === ',') this.pos++;
      this.skipSpace();
    }
    this.pos++;
    return object;
  }
}


/**
 * Evaluates the subset of HCL expressions a scaffolded Terraform module uses, as
 * `@cdktf/hcl2json` leaves them in `${...}` strings: literals, lists, objects, references
 * (`var.x`, `local.x`, `<type>.<name>.<attribute>`) and the functions jsonencode, tostring,
 * tonumber, lower, join, base64encode, concat, merge, tolist, toset, length and coalesce. Anything else throws with the expression in the message.
 */
export function evaluateValue(value: unknown, resolve: Resolve): unknown {
  if (typeof value === 'string') {
    return evaluateTemplate(value, resolve);
  }
  if (Array.isArray(value)) {
    return value.map(v => evaluateValue(v, resolve));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluateValue(v, resolve)]));
  }
  return value;
}

function evaluateTemplate(text: string, resolve: Resolve): unknown {
  const whole = /^\$\{([\s\S]*)\}$/.exec(text);
  if (whole && findClosing(text, 1) === text.length - 1) {
    return new Parser(whole[1], resolve).parseAll();
  }
  let result = '';
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('${', i)) {
      const end = findClosing(text, i + 1);
      result += String(new Parser(text.slice(i + 2, end), resolve).parseAll());
      i = end + 1;
    } else {
      result += text[i++];
    }
  }
  return result;
}

/** Returns the index of the brace that closes the one at `open`, skipping quoted strings. */
function findClosing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    } else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  throw new Error(`Unbalanced braces in Terraform expression: ${text}`);
}

function callFunction(name: string, args: unknown[], source: string): unknown {
  switch (name) {
    case 'jsonencode':
      return JSON.stringify(args[0]);
    case 'tostring':
      return String(args[0]);
    case 'tonumber':
      return Number(args[0]);
    case 'lower':
      return String(args[0]).toLowerCase();
    case 'join':
      return (args[1] as unknown[]).join(String(args[0]));
    case 'base64encode':
      return Buffer.from(String(args[0])).toString('base64');
    case 'concat':
      return (args as unknown[][]).flat();
    case 'merge':
      return Object.assign({}, ...(args as object[]));
    case 'tolist':
    case 'toset':
      return [...(args[0] as unknown[])];
    case 'length':
      return Array.isArray(args[0]) ? args[0].length : Object.keys(args[0] as object).length;
    case 'coalesce':
      return args.find(a => a !== null && a !== undefined && a !== '');
    default:
      throw new Error(`Unsupported Terraform function ${name}() in: ${source}`);
  }
}
