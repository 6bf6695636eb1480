/**
 * `guardian scan` as a pipeline runs it: the built package in a child process, configured only by environment
 * variables, signing in through DefaultAzureCredential (the Azure CLI stand-in) and reading an ARM that serves
 * the official example bodies. What it reads, and what it refuses to read, is checked on the stand-in's record.
 */
import type { ScanReport } from '../../src/checks/types';
import { failsAt } from '../../src/report/order';
import { EXAMPLE_SUBSCRIPTION, EXAMPLE_WORKSPACE, EXAMPLE_WORKSPACE_ID, graphRowOf } from '../support/arm-stand-in';
import { runNode, STACK_TRACE, TEST_TOKEN, useBuiltPackage } from '../support/entry-point';
import { sarifSchemaErrors } from '../support/sarif-schema';

const OTHER_SUBSCRIPTION = '99999999-8888-7777-6666-555555555555';
const WORKSPACE_PATH = new RegExp(`^${EXAMPLE_WORKSPACE_ID.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

const world = useBuiltPackage();
beforeEach(() => world.arm.reset());

function scan(args: readonly string[], env: Readonly<Record<string, string>> = {}) {
  return runNode('bin/guardian.js', ['scan', ...args], world.around.env(world.arm, env));
}

function reportOf(stdout: string): ScanReport {
  return JSON.parse(stdout) as ScanReport;
}

/** The same workspace in another subscription (the official example, moved): a second match for its name. */
function twinInOtherSubscription(): Record<string, unknown> {
  return { ...EXAMPLE_WORKSPACE, id: EXAMPLE_WORKSPACE_ID.replace(EXAMPLE_SUBSCRIPTION, OTHER_SUBSCRIPTION) };
}

describe('guardian scan, built, against ARM', () => {
  it('signs in through the Azure CLI, reads the workspace at the configured endpoint and prints the JSON report', async () => {
    const run = await scan([EXAMPLE_WORKSPACE_ID, '--format', 'json']);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.code).toBe(0);
    const report = reportOf(run.stdout);
    expect(report.workspace.id).toBe(EXAMPLE_WORKSPACE_ID);
    expect(report.findings.length).toBeGreaterThan(0);
    const counted = Object.values(report.summary).reduce((a, b) => a + b, 0);
    expect(counted).toBe(report.findings.length);
    // Read as the workspace's own REST path at the pinned api-version, with the CLI's token.
    const read = world.arm.requests.find((r) => r.method === 'GET' && WORKSPACE_PATH.test(r.path));
    expect(read).toMatchObject({ served: true, query: { 'api-version': '2025-09-01' }, authorization: `Bearer ${TEST_TOKEN}` });
    // One sign-in for the whole scan, however many SDK clients asked for a token at once.
    expect(world.around.azCalls()).toEqual([`account get-access-token --output json --resource ${world.arm.endpoint}`]);
    // The managed-identity attempt went to the loopback stand-in; nothing went through the proxy.
    expect(world.around.proxy.requests).toEqual([]);
  });

  it.each([
    ['sarif', (out: string) => expect(sarifSchemaErrors(JSON.parse(out))).toEqual([])],
    ['markdown', (out: string) => expect(out).toMatch(/^#+ .*testworkspace/m)],
    ['table', (out: string) => expect(out).toContain('Baseline Guardian: testworkspace')],
  ])('--format %s writes that report on stdout', async (format, check) => {
    const run = await scan([EXAMPLE_WORKSPACE_ID, '--format', format]);
    expect(run.code).toBe(0);
    check(run.stdout);
  });

  it('--fail-on exits 1 exactly when a failed finding reaches the level', async () => {
    const report = reportOf((await scan([EXAMPLE_WORKSPACE_ID, '--format', 'json'])).stdout);
    for (const level of ['low', 'critical'] as const) {
      const run = await scan([EXAMPLE_WORKSPACE_ID, '--format', 'json', '--fail-on', level]);
      expect(run.code).toBe(failsAt(report, level) ? 1 : 0);
    }
  });

  it('finds a workspace by name through Resource Graph', async () => {
    const run = await scan(['testworkspace', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(reportOf(run.stdout).workspace.id).toBe(EXAMPLE_WORKSPACE_ID);
    const query = world.arm.requests.find((r) => r.path.toLowerCase() === '/providers/microsoft.resourcegraph/resources');
    expect(query?.query['api-version']).toBe('2024-04-01');
  });

  it.each([
    ['a malformed id', '/subscriptions/not-a-guid/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w', 'not a subscription id'],
    ['another resource type', `/subscriptions/${EXAMPLE_SUBSCRIPTION}/resourceGroups/workspace-1234/providers/Microsoft.Storage/storageAccounts/st`, 'not an Azure Machine Learning workspace id'],
    ['an impossible name', "ws' | project secrets", '3 to 33 letters'],
  ])('refuses %s with exit 2 and reads nothing', async (_what, target, reason) => {
    const run = await scan([target]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(reason);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(world.arm.requests).toEqual([]);
  });

  it('says an unknown name was not found (exit 2)', async () => {
    const run = await scan(['mlw-nowhere']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('a workspace named "mlw-nowhere"');
  });

  it('says a missing workspace does not exist (404, exit 2)', async () => {
    const missing = EXAMPLE_WORKSPACE_ID.replace(/testworkspace$/, 'gone');
    const run = await scan([missing]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`The workspace ${missing} does not exist`);
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });

  it('says the credential was rejected (401, exit 2)', async () => {
    world.arm.fault(WORKSPACE_PATH, { status: 401 });
    const run = await scan([EXAMPLE_WORKSPACE_ID]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Azure rejected the credential');
    expect(run.stderr).not.toContain(TEST_TOKEN);
  });

  it('says the sign-in server could not be reached, not that the secret was refused, when the authority is unreachable (exit 2)', async () => {
    const servicePrincipal = { AZURE_TENANT_ID: '00000000-1111-2222-3333-444444444444', AZURE_CLIENT_ID: '11111111-2222-3333-4444-555555555555', AZURE_CLIENT_SECRET: 'not-a-secret', AZURE_AUTHORITY_HOST: 'https://127.0.0.1:9/' };
    const run = await scan([EXAMPLE_WORKSPACE_ID], servicePrincipal);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Could not reach the Microsoft Entra ID sign-in server');
    expect(run.stderr).not.toMatch(/refused the credential|check the identity's secret/);
    expect(run.stderr).not.toContain('not-a-secret');
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });

  it('names the RBAC action a 403 lacks: for the workspace (exit 2) and for a linked read (an error finding)', async () => {
    world.arm.fault(WORKSPACE_PATH, { status: 403 });
    const denied = await scan([EXAMPLE_WORKSPACE_ID]);
    expect(denied.code).toBe(2);
    expect(denied.stderr).toContain('Microsoft.MachineLearningServices/workspaces/read');
    // The least-privilege built-in role that grants it, not only the action.
    expect(denied.stderr).toContain('the Reader role');

    world.arm.reset();
    world.arm.fault(/\/providers\/Microsoft\.Authorization\/roleAssignments$/, { status: 403 });
    const partial = await scan([EXAMPLE_WORKSPACE_ID, '--format', 'json']);
    expect(partial.code).toBe(0);
    const errors = reportOf(partial.stdout).findings.filter((f) => f.status === 'error');
    expect(errors.some((f) => f.message.includes('Microsoft.Authorization/roleAssignments/read'))).toBe(true);
  });

  it('waits out a 429 with Retry-After and reads again', async () => {
    world.arm.fault(WORKSPACE_PATH, { status: 429, headers: { 'retry-after': '1' }, times: 1, apiVersion: '2025-09-01' });
    const run = await scan([EXAMPLE_WORKSPACE_ID, '--format', 'json']);
    expect(run.code).toBe(0);
    const stableReads = world.arm.requests.filter((r) => WORKSPACE_PATH.test(r.path) && r.query['api-version'] === '2025-09-01');
    expect(stableReads).toHaveLength(2);
  });

  it('turns a read that keeps failing with 5xx into error findings that say so', async () => {
    world.arm.fault(/\/datastores$/, { status: 500 });
    const run = await scan([EXAMPLE_WORKSPACE_ID, '--format', 'json']);
    expect(run.code).toBe(0);
    const errors = reportOf(run.stdout).findings.filter((f) => f.status === 'error');
    expect(errors.some((f) => f.message.includes('Azure returned HTTP 500'))).toBe(true);
    // An outage is not a permission: no not-assessed line sends the user to grant one.
    expect(errors.filter((f) => f.message.includes('HTTP 500')).every((f) => !f.message.includes('needs '))).toBe(true);
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });

  it.each([
    ['an outage (HTTP 503)', { status: 503 }, {}, /HTTP 503.*not a missing permission/],
    ['throttling, with the wait ARM asked for', { status: 429, headers: { 'retry-after': '600' } }, {}, /throttled.*wait 10 minutes/],
  ])('exits 2 when the workspace cannot be read because of %s, naming the cause and no permission', async (_what, fault, env, cause) => {
    world.arm.fault(WORKSPACE_PATH, fault);
    const run = await scan([EXAMPLE_WORKSPACE_ID, '--fail-on', 'low', '--format', 'sarif'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(cause);
    expect(run.stderr).toContain('Nothing was assessed');
    expect(run.stderr).not.toMatch(/needs Microsoft|permissions and scan again|try again in a minute/);
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });

  it('exits 2 when Azure Resource Manager cannot be reached, calling it a network failure', async () => {
    const run = await scan([EXAMPLE_WORKSPACE_ID, '--fail-on', 'low'], { AZURE_ARM_ENDPOINT: 'https://127.0.0.1:1' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Could not reach Azure Resource Manager.*network failure, not a missing permission/);
    expect(run.stderr).not.toMatch(/needs Microsoft|permissions and scan again/);
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });

  it('stops at the scan deadline when ARM does not answer (exit 2)', async () => {
    world.arm.fault(WORKSPACE_PATH, { status: 200, delayMs: 5_000 });
    const run = await scan([EXAMPLE_WORKSPACE_ID], { GUARDIAN_SCAN_TIMEOUT_MS: '1000' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('deadline');
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });
});

describe('guardian scan and its files', () => {
  it('says why a report cannot be written (exit 2) without the usage text: the command line was right', async () => {
    const run = await scan(['--sample', '--format', 'sarif', '--output', '/nonexistent/dir/x.sarif']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cannot write the report to /nonexistent/dir/x.sarif');
    expect(run.stderr).not.toContain('Usage: guardian scan');
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });
});

describe('guardian scan with GUARDIAN_ALLOWED_SCOPES', () => {
  it('refuses a workspace outside the scopes before any read, without repeating its id', async () => {
    const run = await scan([EXAMPLE_WORKSPACE_ID], { GUARDIAN_ALLOWED_SCOPES: `/subscriptions/${OTHER_SUBSCRIPTION}` });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('outside the scopes');
    // Only the user's own words ("Scanning <id>…") repeat the id; the refusal does not.
    expect(run.stderr.replace(/Scanning .*…\n/, '')).not.toContain('testworkspace');
    expect(world.arm.requests).toEqual([]);
  });

  it('looks a name up only in the allowed subscriptions: never a candidate from another one', async () => {
    world.arm.addGraphRows('resources', [graphRowOf(twinInOtherSubscription())]);
    const unscoped = await scan(['testworkspace']);
    expect(unscoped.code).toBe(2);
    expect(unscoped.stderr).toContain('Several workspaces are named "testworkspace"');

    world.arm.reset();
    world.arm.addGraphRows('resources', [graphRowOf(twinInOtherSubscription())]);
    const scoped = await scan(['testworkspace', '--format', 'json'], { GUARDIAN_ALLOWED_SCOPES: `/subscriptions/${EXAMPLE_SUBSCRIPTION}` });
    expect(scoped.code).toBe(0);
    expect(reportOf(scoped.stdout).workspace.id).toBe(EXAMPLE_WORKSPACE_ID);
    const graph = world.arm.requests.filter((r) => r.path.toLowerCase() === '/providers/microsoft.resourcegraph/resources');
    expect(graph.map((r) => (r.body as { subscriptions?: unknown }).subscriptions)).toEqual([[EXAMPLE_SUBSCRIPTION]]);
    expect(world.arm.requests.some((r) => r.path.includes(OTHER_SUBSCRIPTION))).toBe(false);
  });

  it('says "not found" for a name that exists only outside the scopes, and names nothing there', async () => {
    const run = await scan(['testworkspace'], { GUARDIAN_ALLOWED_SCOPES: `/subscriptions/${OTHER_SUBSCRIPTION}` });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('None of the scopes this identity may scan has a workspace named "testworkspace"');
    expect(run.stderr).not.toContain('workspace-1234');
    expect(run.stderr).not.toContain(EXAMPLE_SUBSCRIPTION);
  });
});
