import type { ServiceModel } from './models';
import type { AwsError } from './errors';

const escapeXml = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Serializes a value as Query-protocol XML by walking its shape in the service model: lists as
 * `<member>` elements, timestamps in ISO 8601, members in model order, unknown members dropped.
 */
export function toXml(model: ServiceModel, shapeName: string, value: unknown): string {
  const shape = model.shapes[shapeName];
  if (value === undefined || value === null) {
    return '';
  }
  switch (shape.type) {
    case 'structure':
      return Object.entries(shape.members as Record<string, { shape: string; locationName?: string }>)
        .map(([name, member]) => {
          const memberValue = (value as Record<string, unknown>)[name];
          if (memberValue === undefined || memberValue === null) return '';
          const tag = member.locationName ?? name;
          return `<${tag}>${toXml(model, member.shape, memberValue)}</${tag}>`;
        })
        .join('');
    case 'list': {
      const tag = shape.member.locationName ?? 'member';
      return (value as unknown[]).map(item => `<${tag}>${toXml(model, shape.member.shape, item)}</${tag}>`).join('');
    }
    case 'timestamp':
      return new Date(value as number).toISOString();
    default:
      return escapeXml(String(value));
  }
}

/** Builds a Query-protocol response document. */
export function queryResponse(model: ServiceModel, operation: string, output: unknown, requestId: string): string {
  const spec = model.operations[operation].output;
  const namespace = model.metadata.xmlNamespace;
  const result = spec ? `<${spec.resultWrapper ?? `${operation}Result`}>${toXml(model, spec.shape, output)}</${spec.resultWrapper ?? `${operation}Result`}>` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${operation}Response xmlns="${namespace}">${result}<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${operation}Response>`;
}

/** Builds a Query-protocol error document. */
export function queryError(error: AwsError, requestId: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse><Error><Type>${error.fault}</Type><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
}

/** Reads `Prefix.member.N` parameters of a form body as a list. */
export function memberList(params: URLSearchParams, prefix: string): string[] {
  const values: string[] = [];
  for (let i = 1; params.has(`${prefix}.member.${i}`); i++) {
    values.push(params.get(`${prefix}.member.${i}`)!);
  }
  return values;
}
