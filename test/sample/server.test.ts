/**
 * The sample ARM server on its own, over plain node:https (no SDK): routing, errors, paging, faults, mutation.
 */
import * as https from 'node:https';
import { HARDENED_NAMES, LAB_NAMES, sampleIds, startSampleArm, type SampleArm } from '../../src/sample';

let arm: SampleArm;
beforeAll(async () => {
  arm = await startSampleArm();
});
afterAll(() => arm.close());
beforeEach(() => {
  arm.clearFaults();
  arm.resetLog();
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
}

function call(method: string, pathAndQuery: string, body?: unknown): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const url = new URL(arm.endpoint);
    const req = https.request(
      { host: url.hostname, port: url.port, method, path: pathAndQuery, ca: arm.ca, headers: { 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: JSON.parse(text) as Record<string, unknown> }));
      },
    );
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

const lab = sampleIds(LAB_NAMES);

test('serves a resource at its ARM path, case-insensitively, collapsing repeated slashes', async () => {
  const direct = await call('GET', `${lab.workspace}?api-version=2025-09-01`);
  expect(direct.status).toBe(200);
  expect(direct.body.name).toBe(LAB_NAMES.workspace);
  const messy = await call('GET', `/${lab.workspace.toUpperCase()}?api-version=2022-10-01`);
  expect(messy.status).toBe(200);
  expect(arm.requests.map((r) => r.apiVersion)).toEqual(['2025-09-01', '2022-10-01']);
});

test('unknown paths are 404 with the ARM error shape', async () => {
  const reply = await call('GET', `${lab.resourceGroup}/providers/Microsoft.Storage/storageAccounts/nope?api-version=1`);
  expect(reply.status).toBe(404);
  expect(Object.keys(reply.body)).toEqual(['error']);
  expect(reply.body.error).toMatchObject({ code: 'ResourceNotFound' });
  expect(JSON.stringify(reply.body.error)).toContain('nope');
  expect((await call('DELETE', `${lab.workspace}?api-version=1`)).status).toBe(405);
});

test('lists page with an absolute nextLink carrying $skipToken', async () => {
  arm.setPageSize(2);
  try {
    const first = await call('GET', `${lab.workspace}/datastores?api-version=2022-10-01`);
    expect((first.body.value as unknown[]).length).toBe(2);
    const next = first.body.nextLink as string;
    expect(next.startsWith(`${arm.endpoint}/subscriptions/`)).toBe(true);
    expect(next).toContain('$skipToken=2');
    const second = await call('GET', next.slice(arm.endpoint.length));
    expect((second.body.value as unknown[]).length).toBe(2);
    expect(second.body.nextLink).toBeUndefined();
  } finally {
    arm.setPageSize(4);
  }
});

test('role assignments at a scope include the inherited ones', async () => {
  arm.setPageSize(100);
  try {
    const reply = await call('GET', `${lab.storageAccount}/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01&$filter=atScope()`);
    const scopes = (reply.body.value as { properties: { scope: string } }[]).map((a) => a.properties.scope);
    expect(new Set(scopes)).toEqual(new Set([lab.subscription, lab.resourceGroup, lab.storageAccount]));
  } finally {
    arm.setPageSize(4);
  }
});

test('an existing resource with no diagnostic settings lists none (200, not 404)', async () => {
  const reply = await call('GET', `${lab.workspace}/providers/Microsoft.Insights/diagnosticSettings?api-version=2021-05-01-preview`);
  expect(reply.status).toBe(200);
  expect(reply.body.value).toEqual([]);
});

test('injected faults: status, code, Retry-After, and only `times` times', async () => {
  arm.inject({ method: 'GET', pathPattern: /\/computes$/, status: 429, retryAfter: 7, times: 1 });
  const throttled = await call('GET', `${lab.workspace}/computes?api-version=1`);
  expect(throttled.status).toBe(429);
  expect(throttled.headers['retry-after']).toBe('7');
  expect(throttled.body.error).toMatchObject({ code: 'TooManyRequests' });
  expect(typeof (throttled.body.error as { message?: unknown }).message).toBe('string');
  expect((await call('GET', `${lab.workspace}/computes?api-version=1`)).status).toBe(200);
  arm.inject({ pathPattern: 'computes', status: 403 });
  expect((await call('GET', `${lab.workspace}/computes?api-version=1`)).body).toMatchObject({ error: { code: 'AuthorizationFailed' } });
});

test('mutation: patch, setResource and deleteResource change what is served', async () => {
  const path = lab.containerRegistry;
  const original = arm.getResource(path)!;
  arm.patch(path, { adminUserEnabled: false, policies: { exportPolicy: { status: 'disabled' } } });
  const patched = (await call('GET', `${path}?api-version=1`)).body.properties as Record<string, unknown>;
  expect(patched.adminUserEnabled).toBe(false);
  expect(patched.policies).toMatchObject({ exportPolicy: { status: 'disabled' }, quarantinePolicy: { status: 'disabled' } });
  arm.deleteResource(path);
  expect((await call('GET', `${path}?api-version=1`)).status).toBe(404);
  expect((await call('GET', `${path}/providers/Microsoft.Authorization/roleAssignments?api-version=1`)).status).toBe(404);
  arm.setResource(path, original);
  expect((await call('GET', `${path}?api-version=1`)).body.properties).toMatchObject({ adminUserEnabled: true });
});

test('Resource Graph answers workspace queries with $skipToken paging', async () => {
  arm.setPageSize(1);
  try {
    const query = "resources | where type =~ 'microsoft.machinelearningservices/workspaces' | project id, name";
    const first = await call('POST', '/providers/Microsoft.ResourceGraph/resources?api-version=2024-04-01', { query });
    expect(first.body.totalRecords).toBe(2);
    expect(first.body.$skipToken).toEqual(expect.any(String));
    const second = await call('POST', '/providers/Microsoft.ResourceGraph/resources?api-version=2024-04-01', { query, options: { $skipToken: first.body.$skipToken } });
    const names = [...(first.body.data as { name: string }[]), ...(second.body.data as { name: string }[])].map((r) => r.name);
    expect(names.sort()).toEqual([HARDENED_NAMES.workspace, LAB_NAMES.workspace].sort());
    const byName = await call('POST', '/providers/Microsoft.ResourceGraph/resources?api-version=2024-04-01', {
      query: `resources | where type =~ 'microsoft.machinelearningservices/workspaces' | where name =~ '${HARDENED_NAMES.workspace}'`,
      subscriptions: [HARDENED_NAMES.subscriptionId],
    });
    expect(byName.body.data).toEqual([expect.objectContaining({ resourceGroup: HARDENED_NAMES.resourceGroup, subscriptionId: HARDENED_NAMES.subscriptionId })]);
  } finally {
    arm.setPageSize(4);
  }
});

test('policy states are a POST query at resource-group scope', async () => {
  const hardened = sampleIds(HARDENED_NAMES);
  const reply = await call('POST', `${hardened.resourceGroup}/providers/Microsoft.PolicyInsights/policyStates/latest/queryResults?api-version=2019-10-01`);
  expect(reply.status).toBe(200);
  expect((reply.body.value as { complianceState: string }[]).every((s) => s.complianceState === 'Compliant')).toBe(true);
  expect(reply.body['@odata.count']).toBe((reply.body.value as unknown[]).length);
});

test('a delayed request is served after the delay, and close() does not hang on it', async () => {
  const other = await startSampleArm();
  other.inject({ pathPattern: 'workspaces', delayMs: 60_000 });
  const url = new URL(other.endpoint);
  const pending = new Promise<string>((resolve) => {
    const req = https.request({ host: url.hostname, port: url.port, path: lab.workspace, ca: other.ca }, () => resolve('answered'));
    req.on('error', () => resolve('closed'));
    req.end();
  });
  await new Promise((r) => setTimeout(r, 50));
  await other.close();
  expect(await pending).toBe('closed');
});
