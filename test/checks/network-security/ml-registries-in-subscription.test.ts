/**
 * AML-NET-014 looks for the AML registries a workspace can use in its whole subscription, not only its resource
 * group: registries are read with Registries_ListBySubscription, served here from the official list example at its
 * real path. A registry that a deployment serves a model from but that the subscription does not hold is named
 * as not assessed instead of passing unseen.
 */
import { collectWorkspaceSnapshot } from '../../../src/azure/collect';
import { onlineDeploymentFromRow } from '../../../src/azure/fleet-parse';
import { JsonReader } from '../../../src/azure/parse/json-reader';
import type { WorkspaceSnapshot } from '../../../src/azure/snapshot';
import net014 from '../../../src/checks/network-security/aml-net-014-ml-registry-not-public';
import type { JsonObject } from '../../../src/sample';
import { EXAMPLES, exampleBody, items, text, withProperties } from '../../support/arm-example';
import { ML_EXAMPLES } from '../../support/arm-example-ml';
import { startTestArm, type TestArm } from '../../support/fake-arm';
import { hardenedSnapshot } from '../../support/snapshot-builder';

const workspace = exampleBody(EXAMPLES.workspace);
const workspaceId = text(workspace, 'id');
const subscription = /^\/subscriptions\/[^/]+/.exec(workspaceId)![0];
const REGISTRIES = '/providers/Microsoft.MachineLearningServices/registries';

/** The registry list example's item (its id and name are "string" placeholders) as registry `name` in `resourceGroup`. */
function registry(resourceGroup: string, name: string, publicNetworkAccess: string, inSubscription = subscription): JsonObject {
  const [example] = items(exampleBody(ML_EXAMPLES.registries));
  return withProperties({ ...example!, id: `${inSubscription}/resourceGroups/${resourceGroup}${REGISTRIES}/${name}`, name }, { publicNetworkAccess });
}

/** The deployment list example's item as deployment `blue` of endpoint `scoring`, serving `model`. */
function deployment(model: string) {
  const [example] = items(exampleBody(ML_EXAMPLES.onlineDeployments));
  const body = withProperties({ ...example!, id: `${workspaceId}/onlineEndpoints/scoring/deployments/blue`, name: 'blue' }, { model });
  return onlineDeploymentFromRow(JsonReader.of(body, 'the deployment example'));
}

describe('AML-NET-014 over the registries of the workspace subscription', () => {
  let t: TestArm;
  beforeEach(async () => {
    t = await startTestArm({ seed: () => undefined });
    t.arm.setResource(workspaceId, workspace);
    // ARM lists a provider collection only below a scope that exists.
    t.arm.setResource(subscription, { id: subscription, subscriptionId: subscription.split('/')[2] ?? '', displayName: 'example subscription', state: 'Enabled' });
  });
  afterEach(() => t.close());

  const collect = (): Promise<WorkspaceSnapshot> => collectWorkspaceSnapshot(t.clients, workspaceId, { timeoutMs: 10_000, concurrency: 4, only: new Set(['mlRegistries']) });

  test('assesses a registry in another resource group of the subscription, and not one in another subscription', async () => {
    const shared = registry('rg-shared-assets', 'mlr-shared', 'Enabled');
    t.arm.setResource(text(shared, 'id'), shared);
    const elsewhere = registry('rg-other', 'mlr-other-sub', 'Enabled', '/subscriptions/99999999-1111-2222-3333-444444444444');
    t.arm.setResource(text(elsewhere, 'id'), elsewhere);

    const snapshot = await collect();
    expect(t.arm.requests.some((r) => r.path === `${subscription}${REGISTRIES}`)).toBe(true);
    const results = net014.evaluate({ ...snapshot, onlineDeployments: { ok: true, value: [] } });
    expect(results.map((r) => [r.resourceId, r.status])).toEqual([[text(shared, 'id'), 'fail']]);
    expect(results[0]!.message).toContain('publicNetworkAccess is Enabled');
  });

  test('passes a registry with public network access Disabled', async () => {
    const shared = registry('rg-shared-assets', 'mlr-shared', 'Disabled');
    t.arm.setResource(text(shared, 'id'), shared);
    const results = net014.evaluate({ ...(await collect()), onlineDeployments: { ok: true, value: [] } });
    expect(results.map((r) => r.status)).toEqual(['pass']);
  });

  test('is an error naming the subscription-wide permission when the list is forbidden', async () => {
    t.arm.inject({ pathPattern: REGISTRIES, status: 403, code: 'AuthorizationFailed' });
    const results = net014.evaluate({ ...(await collect()), onlineDeployments: { ok: true, value: [] } });
    expect(results.map((r) => r.status)).toEqual(['error']);
    expect(results[0]!.message).toContain('Microsoft.MachineLearningServices/registries/read');
  });
});

describe('AML-NET-014 names the registries it cannot see', () => {
  const evaluate = (registries: readonly JsonObject[], model: string) =>
    net014.evaluate(
      hardenedSnapshot({
        mlRegistries: { ok: true, value: registries.map((r) => ({ id: text(r, 'id'), name: text(r, 'name'), publicNetworkAccess: 'Disabled' })) },
        onlineDeployments: { ok: true, value: [deployment(model)] },
      }),
    );

  test('a deployment serving a model from a registry outside the subscription gets a manual finding naming it', () => {
    const results = evaluate([], 'azureml://registries/mlr-central/models/churn/versions/3');
    expect(results.map((r) => r.status)).toEqual(['manual']);
    expect(results[0]!.message).toContain('AML registry mlr-central, which is not in');
    expect(results[0]!.message).toContain('not assessed');
  });

  test('a registry the subscription holds is assessed, not reported as unseen', () => {
    const results = evaluate([registry('rg-shared-assets', 'mlr-central', 'Disabled')], 'azureml://registries/mlr-central/models/churn/versions/3');
    expect(results.map((r) => r.status)).toEqual(['pass']);
  });

  test('a model registered in the workspace itself names no registry', () => {
    expect(evaluate([], `${workspaceId}/models/churn/versions/3`).map((r) => r.status)).toEqual(['not_applicable']);
  });
});
