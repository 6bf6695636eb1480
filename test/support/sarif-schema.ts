/**
 * Validates SARIF against the SARIF 2.1.0 JSON schema (vendored in schemas/, from @microsoft/jest-sarif),
 * with formats checked: GitHub rejects an artifactLocation.uri that is not a "uri-reference".
 */
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import * as fs from 'node:fs';
import * as path from 'node:path';

let validator: ValidateFunction | undefined;

function compile(): ValidateFunction {
  const file = path.resolve(__dirname, '../../schemas/sarif-2.1.0.json');
  // The schema is draft-04; it uses none of draft-04's incompatible keywords, so ajv (draft-07) can run it
  // once the draft-04 `id` is read as `$id` and the draft-04 meta-schema reference is dropped.
  const { id, $schema: _meta, ...rest } = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  // unicodeRegExp off: the schema's `language` pattern is not valid as a /u regular expression.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile({ ...rest, $id: String(id) });
}

export function sarifSchemaErrors(log: unknown): string[] {
  validator ??= compile();
  if (validator(log)) return [];
  return (validator.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}
