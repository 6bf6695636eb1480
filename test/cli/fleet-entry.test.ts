/**
 * `guardian fleet` as a pipeline runs it (the built package, environment only), against an ARM whose Resource
 * Graph holds the official example workspace in one subscription and the same workspace moved to a second one.
 * The allowed scopes must bound what is asked of Resource Graph and what is read per workspace, not only what is
 * printed.
 */
import { EXAMPLE_SUBSCRIPTION, EXAMPLE_WORKSPACE, EXAMPLE_WORKSPACE_ID, graphRowOf, type RecordedRequest } from '../support/arm-stand-in';
import { runNode, STACK_TRACE, useBuiltPackage } from '../support/entry-point';

const OTHER_SUBSCRIPTION = '99999999-8888-7777-6666-555555555555';
const OTHER_WORKSPACE_ID = EXAMPLE_WORKSPACE_ID.replace(EXAMPLE_SUBSCRIPTION, OTHER_SUBSCRIPTION);

const world = useBuiltPackage();
beforeEach(() => {
  world.arm.reset();
  world.arm.addGraphRows('resources', [graphRowOf({ ...EXAMPLE_WORKSPACE, id: OTHER_WORKSPACE_ID })]);
});

function fleet(args: readonly string[], env: Readonly<Record<string, string>> = {}) {
  return runNode('bin/guardian.js', ['fleet', ...args], world.around.env(world.arm, env));
}

interface FleetJson {
  readonly workspaces: readonly { readonly id: string }[];
  readonly notAssessedChecks: readonly string[];
}

const graphQueries = (): RecordedRequest[] => world.arm.requests.filter((r) => r.path.toLowerCase() === '/providers/microsoft.resourcegraph/resources');
const bodyOf = (r: RecordedRequest): { query?: string; subscriptions?: string[] } => r.body as { query?: string; subscriptions?: string[] };

describe('guardian fleet, built, against ARM', () => {
  it('without scopes, covers every subscription the identity can see', async () => {
    const run = await fleet(['--format', 'json']);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as FleetJson;
    expect(result.workspaces.map((w) => w.id).sort()).toEqual([EXAMPLE_WORKSPACE_ID, OTHER_WORKSPACE_ID].sort());
    expect(graphQueries().length).toBeGreaterThan(0);
    expect(graphQueries().every((r) => bodyOf(r).subscriptions === undefined)).toBe(true);
  });

  it('with a subscription scope, asks Resource Graph about that subscription only and reads nothing in another', async () => {
    const run = await fleet(['--format', 'json'], { GUARDIAN_ALLOWED_SCOPES: `/subscriptions/${EXAMPLE_SUBSCRIPTION}` });
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as FleetJson).workspaces.map((w) => w.id)).toEqual([EXAMPLE_WORKSPACE_ID]);
    const queries = graphQueries();
    expect(queries).toHaveLength(4);
    for (const query of queries) expect(bodyOf(query).subscriptions).toEqual([EXAMPLE_SUBSCRIPTION]);
    expect(world.arm.requests.filter((r) => r.path.toLowerCase().includes(OTHER_SUBSCRIPTION))).toEqual([]);
    // The per-workspace reads of a full scan were made, for the workspace in scope.
    expect(world.arm.requests.some((r) => r.path.endsWith('/testworkspace/datastores'))).toBe(true);
  });

  it('with a resource-group scope, filters the resources query by it', async () => {
    const group = `/subscriptions/${EXAMPLE_SUBSCRIPTION}/resourceGroups/workspace-1234`;
    const run = await fleet(['--format', 'json', '--depth', 'graph'], { GUARDIAN_ALLOWED_SCOPES: group });
    expect(run.code).toBe(0);
    const resources = graphQueries().find((r) => /^\s*resources\b/.test(bodyOf(r).query ?? ''));
    expect(bodyOf(resources!).query).toContain(`id startswith '${group}/'`);
    expect(bodyOf(resources!).subscriptions).toEqual([EXAMPLE_SUBSCRIPTION]);
  });

  it('refuses --subscriptions outside the allowed scopes (exit 2) before reading anything', async () => {
    const run = await fleet(['--subscriptions', OTHER_SUBSCRIPTION], { GUARDIAN_ALLOWED_SCOPES: `/subscriptions/${EXAMPLE_SUBSCRIPTION}` });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`The subscription ${OTHER_SUBSCRIPTION} is outside the scopes this identity may scan`);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(world.arm.requests).toEqual([]);
  });

  it('a graph-only scan makes no per-workspace ARM read and lists what it left out', async () => {
    const run = await fleet(['--format', 'json', '--depth', 'graph']);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as FleetJson).notAssessedChecks.length).toBeGreaterThan(0);
    expect(world.arm.requests.some((r) => r.path.includes('/workspaces/testworkspace/'))).toBe(false);
  });

  it('says which RBAC action is missing when Resource Graph refuses (403, exit 2)', async () => {
    world.arm.fault(/^\/providers\/Microsoft\.ResourceGraph\/resources$/, { status: 403 });
    const run = await fleet([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Microsoft.ResourceGraph/resources/read');
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });
});
