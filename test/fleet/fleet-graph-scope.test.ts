/**
 * The fleet collector over Resource Graph rows shaped on the official examples (arm-stand-in): role definitions
 * at the tenant (built-in roles) are kept next to the subscription's custom ones, and a workspace-level scope
 * keeps the rest of its resource group out of the query while the registries of its subscription still come from ARM.
 */
import { createArmClients, type ArmClients } from '../../src/azure/clients';
import { collectFleetSnapshots } from '../../src/azure/fleet-collect';
import { graphScope } from '../../src/azure/graph-scope';
import { exampleBody, items } from '../support/arm-example';
import { EXAMPLE_FILES, EXAMPLE_SUBSCRIPTION, EXAMPLE_WORKSPACE_ID, startArmStandIn, type ArmStandIn } from '../support/arm-stand-in';
import { fakeCredential, FAST_RETRY } from '../support/fake-arm';

let arm: ArmStandIn;
let clients: ArmClients;

beforeAll(async () => {
  arm = await startArmStandIn();
  clients = createArmClients({ credential: fakeCredential, endpoint: arm.endpoint, ca: arm.caPem, retry: FAST_RETRY });
});
afterAll(() => arm.close());
beforeEach(() => arm.reset());

/** The role definition of the official example, at the given id (ARG lists built-in roles at the tenant). */
function roleDefinitionAt(id: string): Record<string, unknown> {
  const [role] = items(exampleBody(EXAMPLE_FILES.roleDefinitions));
  return { ...role, id, type: 'microsoft.authorization/roledefinitions', subscriptionId: id.startsWith('/subscriptions/') ? EXAMPLE_SUBSCRIPTION : '' };
}

test('keeps built-in role definitions (tenant-level ids) and the subscription custom ones', async () => {
  const builtIn = '/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7';
  const custom = `/subscriptions/${EXAMPLE_SUBSCRIPTION}/providers/Microsoft.Authorization/roleDefinitions/7c3a1b2d-0000-4000-8000-000000000001`;
  const elsewhere = '/subscriptions/99999999-8888-7777-6666-555555555555/providers/Microsoft.Authorization/roleDefinitions/7c3a1b2d-0000-4000-8000-000000000002';
  arm.addGraphRows('authorizationresources', [roleDefinitionAt(builtIn), roleDefinitionAt(custom), roleDefinitionAt(elsewhere)]);
  const { snapshots } = await collectFleetSnapshots(clients, { depth: 'graph', concurrency: 4, timeoutMs: 30_000 });
  const definitions = snapshots[0]?.roleDefinitions;
  expect(definitions?.ok).toBe(true);
  if (definitions?.ok) expect(definitions.value.map((d) => d.id).sort()).toEqual([builtIn, custom].sort());
});

test('a workspace-level scope bounds the resources query to the workspace and reads its subscription registries from ARM', async () => {
  const scope = graphScope([EXAMPLE_WORKSPACE_ID]);
  const { snapshots } = await collectFleetSnapshots(clients, { depth: 'graph', concurrency: 4, timeoutMs: 30_000, ...(scope !== undefined ? { scope } : {}) });
  expect(snapshots.map((s) => s.workspaceId)).toEqual([EXAMPLE_WORKSPACE_ID]);
  expect(snapshots[0]?.mlRegistries.ok).toBe(true);
  const resourcesQuery = arm.requests.map((r) => r.body as { query?: string }).find((b) => b?.query?.startsWith('resources'));
  expect(resourcesQuery?.query).toContain(`id startswith '${EXAMPLE_WORKSPACE_ID}/'`);
  expect(arm.requests.some((r) => r.path === `/subscriptions/${EXAMPLE_SUBSCRIPTION}/providers/Microsoft.MachineLearningServices/registries`)).toBe(true);
});
