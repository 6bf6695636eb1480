/**
 * Defender for AI services (AML-LT-005) and Defender for Servers (AML-LT-012) protect only some of what a workspace
 * may use: Azure OpenAI / AI services it connects to, and virtual machines it attaches as compute. Over the official
 * connection, compute and pricing list examples, each plan is asked for exactly when the workspace uses what it
 * protects, and is not applicable — with the reason — otherwise.
 */
import lt005 from '../../../src/checks/logging-threat-detection/aml-lt-005-defender-for-ai';
import lt012 from '../../../src/checks/logging-threat-detection/aml-lt-012-defender-for-servers';
import type { WorkspaceSnapshot } from '../../../src/azure/snapshot';
import { parseDefenderPlan } from '../../../src/azure/parse/governance';
import { JsonReader } from '../../../src/azure/parse/json-reader';
import { parseCompute, parseConnection } from '../../../src/azure/parse/ml';
import type { CheckDefinition, CheckResult } from '../../../src/checks/types';
import type { JsonObject } from '../../../src/sample';
import { EXAMPLES, exampleBody, items, member, withProperties } from '../../support/arm-example';
import { ML_EXAMPLES } from '../../support/arm-example-ml';
import { hardenedSnapshot, SUBSCRIPTION_SCOPE } from '../../support/snapshot-builder';

const reader = (body: JsonObject): JsonReader => JsonReader.of(body, 'an example body');
const ok = <T>(value: T): { readonly ok: true; readonly value: T } => ({ ok: true, value });
const evaluate = (check: CheckDefinition, overrides: Partial<WorkspaceSnapshot>): readonly CheckResult[] => check.evaluate(hardenedSnapshot(overrides));

/** The pricing list example (2024-01-01): VirtualMachines Standard P2, and no AI plan at all. */
const examplePlans = ok(items(exampleBody(EXAMPLES.pricings)).map((p) => parseDefenderPlan(reader(p))));

describe('AML-LT-005 applies when the workspace connects to Azure OpenAI or AI services', () => {
  /** The connection list example, its connections given `category`. */
  const connections = (category: string) => ok(items(exampleBody(ML_EXAMPLES.connections)).map((c) => parseConnection(reader(withProperties(c, { category })))));

  test('is not applicable to the example as published (ContainerRegistry connections), and says why', () => {
    const results = evaluate(lt005, { connections: connections('ContainerRegistry'), defenderPlans: examplePlans });
    expect(results.map((r) => r.status)).toEqual(['not_applicable']);
    expect(results[0]!.resourceId).toBe(`${SUBSCRIPTION_SCOPE}/providers/Microsoft.Security/pricings/AI`);
    expect(results[0]!.message).toMatch(/no connection to Azure OpenAI or Azure AI services.*protects those services, not the workspace/);
  });

  test.each(['AzureOpenAI', 'AIServices', 'CognitiveService'])('fails a %s connection when the AI plan is missing from the pricings, naming the connections', (category) => {
    const results = evaluate(lt005, { connections: connections(category), defenderPlans: examplePlans });
    expect(results.map((r) => r.status)).toEqual(['fail']);
    expect(results[0]!.message).toContain('not enabled');
    expect(results[0]!.message).toContain(`connection-1 (${category}), connection-2 (${category})`);
  });

  test('passes a connected workspace once the AI plan is on the Standard tier', () => {
    const ai = parseDefenderPlan(reader({ id: `${SUBSCRIPTION_SCOPE}/providers/Microsoft.Security/pricings/AI`, name: 'AI', type: 'Microsoft.Security/pricings', properties: { pricingTier: 'Standard' } }));
    expect(evaluate(lt005, { connections: connections('AzureOpenAI'), defenderPlans: ok([...examplePlans.value, ai]) }).map((r) => r.status)).toEqual(['pass']);
  });

  test('is an error, not a verdict, when the connections cannot be read', () => {
    const error = { kind: 'forbidden' as const, message: 'needs Microsoft.MachineLearningServices/workspaces/connections/read', resourceId: 'x' };
    expect(evaluate(lt005, { connections: { ok: false, error }, defenderPlans: examplePlans }).map((r) => r.status)).toEqual(['error']);
  });
});

describe('AML-LT-012 applies when a virtual machine is attached as compute', () => {
  /** The compute list example (two AKS computes), the first one's computeType replaced by `computeType`. */
  const computes = (computeType: string) => {
    const [first, ...rest] = items(exampleBody(ML_EXAMPLES.computes));
    const changed = { ...first!, properties: { ...member(first!, 'properties'), computeType } };
    return ok([changed, ...rest].map((c) => parseCompute(reader(c))));
  };
  const instance = parseCompute(reader(exampleBody(EXAMPLES.computeInstance)));

  test('is not applicable to managed compute and attached Kubernetes, and says Defender for Servers does not cover managed compute', () => {
    for (const snapshot of [{ computes: computes('AKS') }, { computes: computes('AmlCompute') }, { computes: ok([instance]) }, { computes: ok([]) }]) {
      const results = evaluate(lt012, { ...snapshot, defenderPlans: examplePlans });
      expect(results.map((r) => r.status)).toEqual(['not_applicable']);
      expect(results[0]!.message).toMatch(/managed compute, not virtual machines in your subscription, so Defender for Servers does not cover them/);
    }
  });

  test('passes an attached VM under the example pricing (VirtualMachines Standard, P2) and names it', () => {
    const results = evaluate(lt012, { computes: computes('VirtualMachine'), defenderPlans: examplePlans });
    expect(results.map((r) => r.status)).toEqual(['pass']);
    expect(results[0]!.message).toContain('sub-plan P2');
    expect(results[0]!.message).toContain('virtual machines attached as compute: compute123');
  });

  test('fails an attached VM when the VirtualMachines plan is Free', () => {
    const plans = ok(items(exampleBody(EXAMPLES.pricings)).map((p) => parseDefenderPlan(reader(p.name === 'VirtualMachines' ? withProperties(p, { pricingTier: 'Free', subPlan: null }) : p))));
    const results = evaluate(lt012, { computes: computes('VirtualMachine'), defenderPlans: plans });
    expect(results.map((r) => r.status)).toEqual(['fail']);
    expect(results[0]!.message).toContain('tier Free');
  });
});
