/**
 * The contract validator itself, on the specs' own example bodies: they pass, and a body that breaks the schema
 * (a wrong type, a null where none is allowed, a wrong subtype property, a bad enum) fails.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseJsonBody, recordReads } from '../../src/azure/parse/json-reader';
import { parseWorkspace } from '../../src/azure/parse/workspace';
import { ArmContract, SPEC_ROOT } from './arm-contract';

const contract = ArmContract.load();
const ML_EXAMPLES = 'specification/machinelearningservices/resource-manager/Microsoft.MachineLearningServices/stable/2025-09-01/examples';
const ML_SDK_EXAMPLES = 'specification/machinelearningservices/resource-manager/Microsoft.MachineLearningServices/stable/2022-10-01/examples';
const STORAGE_EXAMPLE = 'specification/storage/resource-manager/Microsoft.Storage/stable/2026-06-01/examples/StorageAccountGetProperties.json';
const WS = '/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws';
const ACCOUNT = '/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/sto';

function exampleBody(file: string): Record<string, unknown> {
  const example = JSON.parse(fs.readFileSync(path.join(SPEC_ROOT, file), 'utf8')) as { responses: { '200': { body: Record<string, unknown> } } };
  return example.responses['200'].body;
}
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
function operation(method: string, requestPath: string, apiVersion: string): NonNullable<ReturnType<ArmContract['find']>> {
  const found = contract.find(method, requestPath, apiVersion);
  if (found === undefined) throw new Error(`no operation for ${method} ${requestPath} at ${apiVersion}`);
  return found;
}

describe('finding the operation a request hits', () => {
  it('matches a resource GET by its path template and api-version', () => {
    expect(operation('GET', WS, '2025-09-01').operationId).toBe('Workspaces_Get');
    expect(contract.find('GET', WS, '2022-10-01')).toBeUndefined();
  });

  it('matches multi-segment scopes and an empty parentResourcePath', () => {
    expect(operation('GET', `${WS}/providers/Microsoft.Insights/diagnosticSettings`, '2021-05-01-preview').operationId).toBe('DiagnosticSettings_List');
    expect(operation('GET', `${WS}/providers/Microsoft.Authorization/policyAssignments`, '2023-04-01').operationId).toBe('PolicyAssignments_ListForResource');
  });
});

describe('validating a response body', () => {
  it('accepts the spec examples of the workspace and the compute list', () => {
    expect(contract.validate(operation('GET', WS, '2025-09-01'), exampleBody(`${ML_EXAMPLES}/Workspace/get.json`))).toEqual([]);
    expect(contract.validate(operation('GET', `${WS}/computes`, '2025-09-01'), exampleBody(`${ML_EXAMPLES}/Compute/list.json`))).toEqual([]);
  });

  it('accepts the spec examples of the reads the SDK clients send (deployments, datastores, storage account)', () => {
    const deployments = operation('GET', `${WS}/onlineEndpoints/ep/deployments`, '2022-10-01');
    expect(deployments.operationId).toBe('OnlineDeployments_List');
    expect(contract.validate(deployments, exampleBody(`${ML_SDK_EXAMPLES}/OnlineDeployment/list.json`))).toEqual([]);
    expect(contract.validate(operation('GET', `${WS}/datastores`, '2022-10-01'), exampleBody(`${ML_SDK_EXAMPLES}/Datastore/list.json`))).toEqual([]);
    expect(contract.validate(operation('GET', ACCOUNT, '2026-06-01'), exampleBody(STORAGE_EXAMPLE))).toEqual([]);
    expect(operation('GET', `${ACCOUNT}/blobServices/default`, '2026-06-01').operationId).toBe('BlobServices_GetServiceProperties');
  });

  it('rejects certificate credentials without their client and tenant, and a lower-case network default action', () => {
    const datastores = clone(exampleBody(`${ML_SDK_EXAMPLES}/Datastore/list.json`));
    const first = (datastores.value as Record<string, Record<string, unknown>>[])[0];
    if (first?.properties === undefined) throw new Error('the example has no datastore');
    first.properties.credentials = { credentialsType: 'Certificate' };
    const datastoreErrors = contract.validate(operation('GET', `${WS}/datastores`, '2022-10-01'), datastores);
    expect(datastoreErrors.some((e) => e.startsWith("/value/0/properties/credentials must have required property 'clientId'"))).toBe(true);
    expect(datastoreErrors.some((e) => e.startsWith("/value/0/properties/credentials must have required property 'tenantId'"))).toBe(true);
    expect(datastoreErrors.some((e) => e.includes("'secrets'"))).toBe(false);

    const account = clone(exampleBody(STORAGE_EXAMPLE));
    (account.properties as Record<string, unknown>).networkAcls = { defaultAction: 'allow' };
    const accountErrors = contract.validate(operation('GET', ACCOUNT, '2026-06-01'), account);
    expect(accountErrors.some((e) => e.startsWith('/properties/networkAcls/defaultAction must be equal to one of the allowed values'))).toBe(true);
  });

  it('rejects a property of the wrong type and an undocumented enum value', () => {
    const body = clone(exampleBody(`${ML_EXAMPLES}/Workspace/get.json`));
    const properties = body.properties as Record<string, unknown>;
    properties.hbiWorkspace = 'yes';
    properties.systemDatastoresAuthMode = 'accessKey';
    const errors = contract.validate(operation('GET', WS, '2025-09-01'), body);
    expect(errors.some((e) => e.startsWith('/properties/hbiWorkspace must be boolean'))).toBe(true);
    expect(errors.some((e) => e.startsWith('/properties/systemDatastoresAuthMode must be equal to one of the allowed values'))).toBe(true);
  });

  it('rejects preview network rules written as bare addresses instead of { value } objects', () => {
    const body = { id: WS, name: 'ws', properties: { networkAcls: { defaultAction: 'Deny', ipRules: ['203.0.113.7'] } } };
    expect(contract.validate(operation('GET', WS, '2025-07-01-preview'), body)).toEqual([expect.stringMatching(/^\/properties\/networkAcls\/ipRules\/0 must be object/)]);
    body.properties.networkAcls.ipRules = [];
    expect(contract.validate(operation('GET', WS, '2025-07-01-preview'), body)).toEqual([]);
  });

  it('rejects null where the spec does not mark the property x-nullable', () => {
    const registry = '/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/cr';
    const body = { id: registry, name: 'cr', location: 'eastus', sku: { name: 'Basic' }, properties: { status: null } };
    expect(contract.validate(operation('GET', registry, '2023-11-01-preview'), body)).toEqual([expect.stringMatching(/^\/properties\/status must be object/)]);
  });

  it('validates a discriminated subtype against its own schema', () => {
    const body = clone(exampleBody(`${ML_EXAMPLES}/Compute/list.json`));
    const first = (body.value as Record<string, Record<string, unknown>>[])[0];
    if (first?.properties === undefined) throw new Error('the example has no compute');
    first.properties.computeType = 'ComputeInstance';
    first.properties.properties = { sshSettings: { sshPublicAccess: 'Open' } };
    const errors = contract.validate(operation('GET', `${WS}/computes`, '2025-09-01'), body);
    expect(errors.some((e) => e.startsWith('/value/0/properties/properties/sshSettings/sshPublicAccess must be equal to one of the allowed values'))).toBe(true);
  });

  it('rejects a Resource Graph answer whose resultTruncated is a boolean, not the documented string', () => {
    const graph = operation('POST', '/providers/Microsoft.ResourceGraph/resources', '2024-04-01');
    expect(contract.validate(graph, { totalRecords: 0, count: 0, resultTruncated: 'false', data: [] })).toEqual([]);
    expect(contract.validate(graph, { totalRecords: 0, count: 0, resultTruncated: false, data: [] })).not.toEqual([]);
  });
});

describe('property paths in a response schema', () => {
  it('finds properties through refs, allOf inheritance and common types', () => {
    const workspace = operation('GET', WS, '2025-09-01');
    expect(contract.defines(workspace, ['properties', 'managedNetwork', 'isolationMode'])).toBe(true);
    expect(contract.defines(workspace, ['identity', 'userAssignedIdentities', '{}', 'principalId'])).toBe(true);
    expect(contract.defines(workspace, ['PROPERTIES', 'publicnetworkaccess'])).toBe(true);
  });

  it('defines the workspace network rules and soft-delete retention at the preview api-version only', () => {
    const preview = operation('GET', WS, '2025-07-01-preview');
    expect(preview.operationId).toBe('Workspaces_Get');
    expect(preview.file).toMatch(/\/preview\/2025-07-01-preview\/workspaceRP\.json$/);
    expect(contract.defines(preview, ['properties', 'networkAcls', 'defaultAction'])).toBe(true);
    expect(contract.defines(preview, ['properties', 'networkAcls', 'ipRules', '*', 'value'])).toBe(true);
    expect(contract.defines(preview, ['properties', 'softDeleteRetentionInDays'])).toBe(true);
    const stable = operation('GET', WS, '2025-09-01');
    expect(contract.defines(stable, ['properties', 'networkAcls'])).toBe(false);
    expect(contract.defines(stable, ['properties', 'softDeleteRetentionInDays'])).toBe(false);
  });

  it('finds a property of a discriminated subtype, and not one no definition has', () => {
    const computes = operation('GET', `${WS}/computes`, '2025-09-01');
    expect(contract.defines(computes, ['value', '*', 'properties', 'properties', 'sshSettings', 'sshPublicAccess'])).toBe(true);
    expect(contract.defines(computes, ['value', '*', 'properties', 'properties', 'idleTimeBeforeShutdown'])).toBe(false);
    expect(contract.defines(operation('GET', WS, '2025-09-01'), ['properties', 'ipAllowlist'])).toBe(false);
  });
});

describe('recording what a parser reads', () => {
  afterEach(() => recordReads(undefined));

  it('records every key the parser asks for, present in the body or not, with its path from the root', () => {
    const paths: string[] = [];
    recordReads((what, path) => paths.push(`${what}: ${path.join('/')}`));
    parseWorkspace(parseJsonBody(JSON.stringify({ id: WS, properties: {} }), 'GET /ws'));
    expect(paths).toEqual(expect.arrayContaining(['GET /ws: id', 'GET /ws: properties/publicNetworkAccess', 'GET /ws: properties/managedNetwork/isolationMode']));
  });

  it('records nothing once the recorder is removed', () => {
    const paths: string[] = [];
    recordReads((_what, path) => paths.push(path.join('/')));
    recordReads(undefined);
    parseWorkspace(parseJsonBody(JSON.stringify({ id: WS }), 'GET /ws'));
    expect(paths).toEqual([]);
  });
});
