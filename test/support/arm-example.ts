/**
 * Official example bodies from Azure/azure-rest-api-specs (MIT, see test/fixtures/arm-examples/LICENSE), stored
 * under test/fixtures/arm-examples at their repository path. Tests build their ARM data from these, the contract,
 * and change only what the case is about.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isJsonObject, type JsonObject } from '../../src/sample/json';

const ROOT = join(__dirname, '..', 'fixtures', 'arm-examples');

/** The `responses["200"].body` of the `x-ms-examples` file at `repositoryPath`, as a fresh copy. */
export function exampleBody(repositoryPath: string): JsonObject {
  const parsed: unknown = JSON.parse(readFileSync(join(ROOT, repositoryPath), 'utf8'));
  const responses = isJsonObject(parsed) ? parsed.responses : undefined;
  const ok = isJsonObject(responses) ? responses['200'] : undefined;
  const body = isJsonObject(ok) ? ok.body : undefined;
  if (!isJsonObject(body)) throw new Error(`${repositoryPath} has no responses["200"].body object`);
  return body;
}

/** A string member of an example body (ids, names); throws when the example has none. */
export function text(body: JsonObject, key: string): string {
  const value = body[key];
  if (typeof value !== 'string') throw new Error(`The example body has no string "${key}"`);
  return value;
}

/** An object member of an example body (`properties`); throws when the example has none. */
export function member(body: JsonObject, key: string): JsonObject {
  const value = body[key];
  if (!isJsonObject(value)) throw new Error(`The example body has no object "${key}"`);
  return value;
}

/** The items of a list body's `value`. */
export function items(body: JsonObject): JsonObject[] {
  const value = body.value;
  if (!Array.isArray(value)) throw new Error('The example body has no "value" list');
  return value.filter(isJsonObject);
}

/** `body` with `properties` shallow-merged with `changes` (the example's own properties otherwise kept). */
export function withProperties(body: JsonObject, changes: JsonObject): JsonObject {
  return { ...body, properties: { ...member(body, 'properties'), ...changes } };
}

export const EXAMPLES = {
  workspace: 'specification/machinelearningservices/resource-manager/Microsoft.MachineLearningServices/stable/2025-09-01/examples/Workspace/get.json',
  onlineEndpoints: 'specification/machinelearningservices/resource-manager/Microsoft.MachineLearningServices/stable/2025-09-01/examples/Workspace/OnlineEndpoint/list.json',
  onlineDeployments: 'specification/machinelearningservices/resource-manager/Microsoft.MachineLearningServices/stable/2022-10-01/examples/OnlineDeployment/list.json',
  computeInstance: 'specification/machinelearningservices/resource-manager/Microsoft.MachineLearningServices/stable/2025-09-01/examples/Compute/get/ComputeInstance.json',
  assessment: 'specification/security/resource-manager/Microsoft.Security/Security/stable/2021-06-01/examples/Assessments/GetAssessmentWithExpand_example.json',
  pricings: 'specification/security/resource-manager/Microsoft.Security/stable/2024-01-01/examples/Pricings/ListPricings_example.json',
  vault: 'specification/keyvault/resource-manager/Microsoft.KeyVault/KeyVault/stable/2026-02-01/examples/getVault.json',
  storageAccount: 'specification/storage/resource-manager/Microsoft.Storage/stable/2026-06-01/examples/StorageAccountGetProperties.json',
  policyAssignments: 'specification/resources/resource-manager/Microsoft.Authorization/policy/stable/2023-04-01/examples/listPolicyAssignmentsForResource.json',
  containerRegistry: 'specification/containerregistry/resource-manager/Microsoft.ContainerRegistry/Registry/preview/2023-11-01-preview/examples/RegistryGet.json',
} as const;
