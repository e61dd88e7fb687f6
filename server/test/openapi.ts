import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Turns an OpenAPI 3.0 document's component schemas into JSON Schema that ajv validates answers
 * against: `nullable` becomes a null type, `$ref`s point into one definitions document, and the
 * annotations JSON Schema does not know (discriminator, examples, x-*) are dropped.
 */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const DROPPED = new Set(['discriminator', 'example', 'readOnly', 'writeOnly', 'deprecated', 'xml', 'externalDocs', 'nullable']);
const SCHEMA_REF = '#/components/schemas/';
const DOCUMENT_ID = 'openapi';

export function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!isRecord(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED.has(key) || key.startsWith('x-')) continue;
    if (key === '$ref' && typeof value === 'string') {
      out.$ref = value.startsWith(SCHEMA_REF) ? `#/definitions/${value.slice(SCHEMA_REF.length)}` : value;
    } else if (key === 'properties' && isRecord(value)) {
      // Property names are data, not keywords: only their schemas are converted.
      out.properties = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, toJsonSchema(schema)]));
    } else {
      out[key] = toJsonSchema(value);
    }
  }
  if (node.nullable !== true) return out;
  if (typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum)) {
      const values: unknown[] = out.enum;
      out.enum = [...values, null];
    }
    return out;
  }
  // A nullable $ref, allOf or oneOf has no type to widen.
  return { anyOf: [out, { type: 'null' }] };
}

export interface ResponseSpec {
  /** The JSON schema the spec declares for the answer's body, or null when it declares no body. */
  schema: Record<string, unknown> | null;
}

export interface OperationSpec {
  operationId: string;
  responses: Map<number, ResponseSpec>;
}

/** Reads the OpenAPI document's operations and compiles validators for its schemas. */
export class OpenApiDocument {
  private readonly ajv: Ajv;
  private readonly validators = new Map<string, ValidateFunction>();
  readonly schemas: Record<string, unknown>;

  constructor(private readonly document: Record<string, unknown>) {
    const components = isRecord(document.components) ? document.components : {};
    this.schemas = isRecord(components.schemas) ? components.schemas : {};
    this.ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: DOCUMENT_ID, definitions: toJsonSchema(this.schemas) });
  }

  private resolve(node: unknown): unknown {
    if (!isRecord(node) || typeof node.$ref !== 'string') return node;
    const path = node.$ref.replace(/^#\//, '').split('/');
    let target: unknown = this.document;
    for (const segment of path) target = isRecord(target) ? target[segment] : undefined;
    if (target === undefined) throw new Error(`Unresolved $ref ${node.$ref}`);
    return this.resolve(target);
  }

  operation(method: string, path: string): OperationSpec {
    const paths = isRecord(this.document.paths) ? this.document.paths : {};
    const item = paths[path];
    const operation = isRecord(item) ? item[method.toLowerCase()] : undefined;
    if (!isRecord(operation) || typeof operation.operationId !== 'string') throw new Error(`The spec has no ${method} ${path}`);
    const responses = new Map<number, ResponseSpec>();
    for (const [status, response] of Object.entries(isRecord(operation.responses) ? operation.responses : {})) {
      const resolved = this.resolve(response);
      const content = isRecord(resolved) && isRecord(resolved.content) ? resolved.content : {};
      const json = content['application/json'];
      const schema = isRecord(json) && isRecord(json.schema) ? json.schema : null;
      responses.set(Number(status), { schema });
    }
    return { operationId: operation.operationId, responses };
  }

  /** All operations as "METHOD path" → operationId. */
  operationIds(): Map<string, string> {
    const ids = new Map<string, string>();
    for (const [path, item] of Object.entries(isRecord(this.document.paths) ? this.document.paths : {})) {
      if (!isRecord(item)) continue;
      for (const [method, operation] of Object.entries(item)) {
        if (isRecord(operation) && typeof operation.operationId === 'string') ids.set(`${method.toUpperCase()} ${path}`, operation.operationId);
      }
    }
    return ids;
  }

  /** Validation errors of `value` against an OpenAPI schema object (usually a $ref), as readable lines. */
  validate(schema: Record<string, unknown>, value: unknown): string[] {
    const key = JSON.stringify(schema);
    let validator = this.validators.get(key);
    if (!validator) {
      const converted = toJsonSchema(schema);
      const rooted = isRecord(converted) && typeof converted.$ref === 'string' ? { $ref: `${DOCUMENT_ID}${converted.$ref}` } : converted;
      if (!isRecord(rooted)) throw new Error('A response schema must be an object');
      validator = this.ajv.compile(rooted);
      this.validators.set(key, validator);
    }
    if (validator(value)) return [];
    return (validator.errors ?? []).map((error) => `${error.instancePath || '(body)'} ${error.message ?? 'is invalid'} ${JSON.stringify(error.params)}`);
  }

  /**
   * Fields of `value` the schema does not declare (the spec's objects are open, so ajv accepts
   * them): catches a misspelled or invented field that a client would never read.
   */
  undeclaredFields(schema: unknown, value: unknown, path = ''): string[] {
    const resolved = this.resolve(schema);
    if (!isRecord(resolved)) return [];
    if (Array.isArray(value)) return value.flatMap((item, index) => this.undeclaredFields(resolved.items, item, `${path}[${index}]`));
    if (!isRecord(value)) return [];
    const declared = this.declaredProperties(resolved);
    if (declared === null) return [];
    return Object.entries(value).flatMap(([name, field]) => {
      const property = declared.get(name);
      return property === undefined ? [`${path}.${name}`] : this.undeclaredFields(property, field, `${path}.${name}`);
    });
  }

  /** Properties of an object schema, allOf included; null when the schema is open-ended (oneOf, additionalProperties). */
  private declaredProperties(schema: Record<string, unknown>): Map<string, unknown> | null {
    if (schema.oneOf !== undefined || schema.anyOf !== undefined || schema.additionalProperties !== undefined) return null;
    const properties = new Map<string, unknown>(Object.entries(isRecord(schema.properties) ? schema.properties : {}));
    // A field the spec requires without describing it (CostRange's total_in_cents and total) is declared all the same.
    for (const name of Array.isArray(schema.required) ? schema.required : []) {
      if (typeof name === 'string' && !properties.has(name)) properties.set(name, {});
    }
    for (const part of Array.isArray(schema.allOf) ? schema.allOf : []) {
      const resolved = this.resolve(part);
      if (!isRecord(resolved)) continue;
      const inner = this.declaredProperties(resolved);
      if (inner === null) return null;
      for (const [name, property] of inner) properties.set(name, property);
    }
    return properties;
  }
}
