/**
 * Validates cards against the official Adaptive Card 1.5 JSON schema (vendored in schemas/, draft-06).
 */
import Ajv, { type ValidateFunction } from 'ajv';
import * as fs from 'node:fs';
import * as path from 'node:path';

let validator: ValidateFunction | undefined;

function compile(): ValidateFunction {
  const root = path.resolve(__dirname, '../..');
  const { id, ...rest } = JSON.parse(fs.readFileSync(path.join(root, 'schemas/adaptive-card-1.5.json'), 'utf8')) as Record<string, unknown>;
  // Draft-06 names the schema id `$id`; the file (as published) uses the draft-04 `id`, which ajv 8 refuses.
  const schema = { ...rest, $id: String(id) };
  const draft06 = JSON.parse(fs.readFileSync(require.resolve('ajv/dist/refs/json-schema-draft-06.json'), 'utf8')) as Record<string, unknown>;
  // The schema uses draft-06 `id` and some non-standard keywords ("version", "features"): strict off.
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addMetaSchema(draft06);
  return ajv.compile(schema);
}

/** Schema errors as readable lines; [] when valid. */
export function cardSchemaErrors(card: unknown): string[] {
  validator ??= compile();
  if (validator(card)) return [];
  return (validator.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
