/**
 * The ARM contract as the vendored Swagger 2.0 files (test/fixtures/arm-specs) state it: find the operation a
 * request hits (method, path template, api-version) and validate a response body against its 200 schema.
 *
 * Swagger 2.0 is not JSON Schema, so each definition is converted once, for ajv's draft 2019-09:
 * - `$ref`s become absolute (`file:///…/types.json#/definitions/X`), so refs across files resolve by URI;
 * - `x-nullable: true` admits null;
 * - a `discriminator` base validates the subtype its discriminator value names (`x-ms-discriminator-value`, or the
 *   subtype's name), subtypes inherit from the base without looping back into that choice;
 * - `additionalProperties: false` becomes `unevaluatedProperties: false`, so properties inherited through `allOf`
 *   count as declared (a definition other definitions inherit from keeps its properties open for them);
 * - a bare `type: object` (no properties, allOf or map) is any JSON value, as autorest reads it;
 * - a property ARM never returns (`x-ms-secret`, or an `x-ms-mutability` without `read`) is not required in a
 *   response, as the specs' own list examples show (datastore credentials come back without their `secrets`);
 * - `readOnly`, `format`, `default`, descriptions and `x-ms-*` are annotations and are dropped.
 */
import Ajv2019, { type ValidateFunction } from 'ajv/dist/2019';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export const SPEC_ROOT = path.resolve(__dirname, '../fixtures/arm-specs');

/** Path parameters that span several segments (`x-ms-skip-url-encoding` scopes). */
const MULTI_SEGMENT = new Set(['scope', 'resourceUri', 'scopeId', 'resourceId']);
/** "Use empty string if there is none": the segment may be absent. */
const OPTIONAL_SEGMENT = new Set(['parentResourcePath']);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface ArmOperation {
  /** Spec file, relative to the spec root. */
  readonly file: string;
  readonly apiVersion: string;
  readonly method: string;
  readonly template: string;
  readonly operationId: string;
  /** Absolute URI of the converted 200 response schema. */
  readonly responseSchema: string;
  readonly pattern: RegExp;
  readonly literalLength: number;
}

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

function specFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'examples') walk(full);
      } else if (entry.name.endsWith('.json')) out.push(full);
    }
  };
  walk(path.join(root, 'specification'));
  return out.sort();
}

function templatePattern(template: string): { pattern: RegExp; literalLength: number } {
  let literalLength = 0;
  const source = template
    .split(/(\/\{[^}]+\})/)
    .map((part) => {
      const param = /^\/\{([^}]+)\}$/.exec(part)?.[1];
      if (param === undefined) {
        literalLength += part.length;
        return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      }
      if (OPTIONAL_SEGMENT.has(param)) return '(?:/[^/]+)*?';
      return MULTI_SEGMENT.has(param) ? '(?:/[^/]+)+?' : '/[^/]+';
    })
    .join('');
  return { pattern: new RegExp(`^${source}$`, 'i'), literalLength };
}

/** The vendored contract: every operation of every spec file, and one ajv instance holding all definitions. */
export class ArmContract {
  private readonly validators = new Map<string, ValidateFunction>();

  private constructor(
    readonly operations: readonly ArmOperation[],
    private readonly ajv: Ajv2019,
    private readonly documents: ReadonlyMap<string, JsonObject>,
  ) {}

  static load(root: string = SPEC_ROOT): ArmContract {
    const raw = new Map<string, JsonObject>();
    for (const file of specFiles(root)) {
      const doc: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (isObject(doc) && typeof doc.swagger === 'string') raw.set(pathToFileURL(file).href, doc);
    }
    const converter = new SwaggerConverter(raw);
    const ajv = new Ajv2019({ strict: false, allErrors: true, validateFormats: false, validateSchema: false });
    const operations: ArmOperation[] = [];
    const documents = new Map<string, JsonObject>();
    for (const [url, doc] of raw) {
      const definitions = converter.definitions(url);
      const info = isObject(doc.info) ? doc.info : {};
      const apiVersion = typeof info.version === 'string' ? info.version : '';
      const allPaths = { ...(isObject(doc.paths) ? doc.paths : {}), ...(isObject(doc['x-ms-paths']) ? doc['x-ms-paths'] : {}) };
      for (const [rawTemplate, item] of Object.entries(allPaths)) {
        if (!isObject(item)) continue;
        const template = rawTemplate.split('?')[0] ?? rawTemplate;
        for (const [method, op] of Object.entries(item)) {
          if (!isObject(op) || !isObject(op.responses)) continue;
          const ok = op.responses['200'];
          if (!isObject(ok) || !isObject(ok.schema)) continue;
          const key = `__response__${operations.length}`;
          definitions[key] = converter.schema(ok.schema, url);
          operations.push({
            file: path.relative(root, new URL(url).pathname),
            apiVersion,
            method: method.toUpperCase(),
            template,
            operationId: typeof op.operationId === 'string' ? op.operationId : '',
            responseSchema: `${url}#/definitions/${key}`,
            ...templatePattern(template),
          });
        }
      }
      const converted: JsonObject = { $id: url, definitions };
      documents.set(url, converted);
      ajv.addSchema(converted, url);
    }
    return new ArmContract(operations, ajv, documents);
  }

  /** The operation a request hits: same method and api-version, the most specific matching path template. */
  find(method: string, requestPath: string, apiVersion: string): ArmOperation | undefined {
    const candidates = this.operations.filter((o) => o.method === method.toUpperCase() && o.apiVersion === apiVersion && o.pattern.test(requestPath));
    return candidates.sort((a, b) => b.literalLength - a.literalLength)[0];
  }

  /** Schema violations of `body` as readable lines; [] when it conforms. */
  validate(operation: ArmOperation, body: unknown): string[] {
    let validator = this.validators.get(operation.responseSchema);
    if (validator === undefined) {
      validator = this.ajv.compile({ $ref: operation.responseSchema });
      this.validators.set(operation.responseSchema, validator);
    }
    if (validator(body)) return [];
    return (validator.errors ?? [])
      .filter((e) => e.keyword !== 'if' && e.keyword !== 'anyOf')
      .map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`);
  }

  /**
   * Does the 200 schema of `operation` define `path` (`*` = an array item, `{}` = a map value)? Properties
   * inherited through `allOf` and those of any discriminated subtype count; below a schema that allows any JSON
   * value, every path does. Names match case-insensitively, as the product's JSON reader looks them up.
   */
  defines(operation: ArmOperation, path: readonly string[]): boolean {
    const root = this.resolve(operation.responseSchema);
    return root !== undefined && this.walk(root, path, 0);
  }

  private walk(schema: JsonObject, path: readonly string[], depth: number): boolean {
    if (depth > 64) return false;
    if (typeof schema.$ref === 'string') {
      const target = this.resolve(schema.$ref);
      return target !== undefined && this.walk(target, path, depth + 1);
    }
    const [head, ...rest] = path;
    if (head === undefined) return true;
    const parts = [...(Array.isArray(schema.allOf) ? schema.allOf : []), ...(Array.isArray(schema.anyOf) ? schema.anyOf : [])]
      .flatMap((part) => (isObject(part) && isObject(part.then) ? [part.then] : isObject(part) && part.if === undefined ? [part] : []));
    if (parts.some((part) => this.walk(part, path, depth + 1))) return true;
    const open = schema.type === undefined && schema.properties === undefined && schema.items === undefined && schema.additionalProperties === undefined && parts.length === 0;
    if (open) return true;
    if (head === '*') return isObject(schema.items) && this.walk(schema.items, rest, depth + 1);
    if (head === '{}') return isObject(schema.additionalProperties) && this.walk(schema.additionalProperties, rest, depth + 1);
    const properties = isObject(schema.properties) ? schema.properties : {};
    const name = Object.keys(properties).find((key) => key === head) ?? Object.keys(properties).find((key) => key.toLowerCase() === head.toLowerCase());
    const property = name === undefined ? undefined : properties[name];
    return isObject(property) && this.walk(property, rest, depth + 1);
  }

  /** A converted schema by absolute URI (`file:///…#/definitions/X`). */
  resolve(uri: string): JsonObject | undefined {
    const [file, pointer = ''] = uri.split('#');
    let node: Json | undefined = this.documents.get(file ?? '');
    for (const token of pointer.split('/').filter((t) => t !== '')) {
      node = isObject(node) ? node[token.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    }
    return isObject(node) ? node : undefined;
  }
}

/** Converts Swagger 2.0 schemas to draft 2019-09, with the knowledge of every loaded definition. */
class SwaggerConverter {
  /** Absolute definition URI → its discriminated subtypes by discriminator value. */
  private readonly subtypes = new Map<string, Map<string, string>>();
  /** Definitions other definitions inherit from through `allOf`. */
  private readonly parents = new Set<string>();

  constructor(private readonly docs: ReadonlyMap<string, JsonObject>) {
    const childrenOf = new Map<string, string[]>();
    for (const [url, name, def] of this.allDefinitions()) {
      for (const parent of Array.isArray(def.allOf) ? def.allOf : []) {
        if (!isObject(parent) || typeof parent.$ref !== 'string') continue;
        const parentUri = absolute(parent.$ref, url);
        this.parents.add(parentUri);
        childrenOf.set(parentUri, [...(childrenOf.get(parentUri) ?? []), `${url}#/definitions/${name}`]);
      }
    }
    for (const [url, name, def] of this.allDefinitions()) {
      if (typeof def.discriminator !== 'string') continue;
      const base = `${url}#/definitions/${name}`;
      const byValue = new Map<string, string>();
      const visit = (uri: string): void => {
        for (const child of childrenOf.get(uri) ?? []) {
          const childDef = this.definition(child);
          const childName = child.slice(child.lastIndexOf('/') + 1);
          const value = typeof childDef?.['x-ms-discriminator-value'] === 'string' ? childDef['x-ms-discriminator-value'] : childName;
          byValue.set(value, child);
          visit(child);
        }
      };
      visit(base);
      this.subtypes.set(base, byValue);
    }
  }

  /** Converted definitions of one document (mutable: response schemas are added to it). */
  definitions(url: string): JsonObject {
    const doc = this.docs.get(url);
    const out: JsonObject = {};
    const defs = isObject(doc?.definitions) ? doc.definitions : {};
    for (const [name, def] of Object.entries(defs)) {
      if (!isObject(def)) continue;
      const uri = `${url}#/definitions/${name}`;
      const open = this.parents.has(uri);
      const discriminated = this.subtypes.get(uri);
      if (discriminated === undefined) {
        out[name] = this.schema(def, url, open);
        continue;
      }
      const property = typeof def.discriminator === 'string' ? def.discriminator : '';
      out[`${name}__base`] = this.schema(def, url, true);
      const choices: Json[] = [...discriminated].map(([value, subtype]) => ({
        if: { properties: { [property]: { const: value } }, required: [property] },
        then: { $ref: subtype },
      }));
      out[name] = { allOf: [{ $ref: `${uri}__base` }, ...choices], ...(def.additionalProperties === false && !open ? { unevaluatedProperties: false } : {}) };
    }
    return out;
  }

  schema(node: JsonObject, url: string, open = false): JsonObject {
    const nullable = node['x-nullable'] === true;
    if (typeof node.$ref === 'string') {
      const ref: JsonObject = { $ref: absolute(node.$ref, url) };
      return nullable ? { anyOf: [ref, { type: 'null' }] } : ref;
    }
    const out: JsonObject = {};
    // autorest reads a bare `type: object` (no properties, no allOf, no map) as "any JSON value".
    const anyValue = node.type === 'object' && node.properties === undefined && node.allOf === undefined && node.additionalProperties === undefined;
    for (const key of ['type', 'enum', 'required', 'minimum', 'maximum', 'minItems', 'maxItems', 'minLength', 'maxLength'] as const) {
      const value = node[key];
      if (value !== undefined && !(key === 'type' && anyValue)) out[key] = value;
    }
    if (Array.isArray(node.required) && isObject(node.properties)) {
      const declared = node.properties;
      out.required = node.required.filter((name) => typeof name !== 'string' || !neverReturned(declared[name]));
    }
    if (isObject(node.items)) out.items = this.schema(node.items, url);
    if (isObject(node.properties)) {
      const properties: JsonObject = {};
      for (const [name, property] of Object.entries(node.properties)) if (isObject(property)) properties[name] = this.schema(property, url);
      out.properties = properties;
    }
    if (Array.isArray(node.allOf)) {
      // A subtype inherits the base's own schema, not the base's choice among its subtypes.
      out.allOf = node.allOf.filter(isObject).map((part) => {
        const converted = this.schema(part, url);
        return typeof converted.$ref === 'string' && this.subtypes.has(converted.$ref) ? { $ref: `${converted.$ref}__base` } : converted;
      });
    }
    if (isObject(node.additionalProperties)) out.additionalProperties = this.schema(node.additionalProperties, url);
    else if (node.additionalProperties === false && !open) out.unevaluatedProperties = false;
    if (nullable) {
      if (typeof out.type === 'string') out.type = [out.type, 'null'];
      if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    }
    return out;
  }

  private definition(uri: string): JsonObject | undefined {
    const [file, pointer] = uri.split('#/definitions/');
    const defs = this.docs.get(file ?? '')?.definitions;
    const def = isObject(defs) ? defs[pointer ?? ''] : undefined;
    return isObject(def) ? def : undefined;
  }

  private *allDefinitions(): Generator<[string, string, JsonObject]> {
    for (const [url, doc] of this.docs) {
      if (!isObject(doc.definitions)) continue;
      for (const [name, def] of Object.entries(doc.definitions)) if (isObject(def)) yield [url, name, def];
    }
  }
}

/** Secrets and write-only properties are sent to ARM but never come back in a response body. */
function neverReturned(property: Json | undefined): boolean {
  if (!isObject(property)) return false;
  const mutability = property['x-ms-mutability'];
  return property['x-ms-secret'] === true || (Array.isArray(mutability) && !mutability.includes('read'));
}

function absolute(ref: string, base: string): string {
  return new URL(ref, base).href;
}
