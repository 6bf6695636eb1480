/**
 * The fix a finding prints over the official example bodies: a command for the resource the finding is about,
 * never one that cannot work (a storage command for a registry, a create for an instance that exists), with every
 * placeholder filled whose value the scan read. The snapshot is collected by the real collector from the ARM
 * stand-in, which serves the specs' own examples.
 */
import am001 from '../../src/checks/asset-management/aml-am-001-compute-idle-shutdown';
import lt014 from '../../src/checks/logging-threat-detection/aml-lt-014-open-defender-recommendations';
import pv002 from '../../src/checks/posture-vulnerability/aml-pv-002-registry-image-vulnerabilities';
import { createArmClients } from '../../src/azure/clients';
import { collectWorkspaceSnapshot } from '../../src/azure/collect';
import { parseAssessment } from '../../src/azure/parse/governance';
import { parseCompute } from '../../src/azure/parse/ml';
import { JsonReader } from '../../src/azure/parse/json-reader';
import type { SecurityAssessment, WorkspaceSnapshot } from '../../src/azure/snapshot';
import { fixCommand } from '../../src/checks/fix-command';
import { allChecks } from '../../src/checks/registry';
import { runChecks } from '../../src/checks/runner';
import type { Finding } from '../../src/checks/types';
import type { JsonObject } from '../../src/sample';
import { EXAMPLES, exampleBody, withProperties } from '../support/arm-example';
import { azCommandProblem, azCommands, azSpansInSentence } from '../support/az-commands';
import { EXAMPLE_WORKSPACE_ID, startArmStandIn, type ArmStandIn } from '../support/arm-stand-in';
import { fakeCredential, FAST_RETRY } from '../support/fake-arm';
import { hardenedSnapshot, ok, REGISTRY_ID } from '../support/snapshot-builder';

const reader = (body: JsonObject): JsonReader => JsonReader.of(body, 'an example body');

let arm: ArmStandIn;
let snapshot: WorkspaceSnapshot;
let findings: Finding[];
beforeAll(async () => {
  arm = await startArmStandIn();
  const clients = createArmClients({ credential: fakeCredential, endpoint: arm.endpoint, ca: arm.caPem, retry: FAST_RETRY });
  snapshot = await collectWorkspaceSnapshot(clients, EXAMPLE_WORKSPACE_ID, { timeoutMs: 30_000, concurrency: 4 });
  findings = runChecks(snapshot, allChecks);
});
afterAll(() => arm.close());

const lastSegment = (id: string): string => id.split('/').filter((s) => s !== '').at(-1) ?? id;

/**
 * Placeholders whose value is in the snapshot, and where: written here from the snapshot's shape, not taken from
 * the filler, so that a command keeping one of them fails.
 */
const KNOWN: Readonly<Record<string, (snapshot: WorkspaceSnapshot, finding: Finding) => string | undefined>> = {
  '<workspace-identity-principal-id>': (s) => (s.workspace.ok ? s.workspace.value.identity?.principalId : undefined),
  '<identity-resource-id>': (s) => {
    const identities = s.workspace.ok ? (s.workspace.value.identity?.userAssigned ?? []) : [];
    return identities.length === 1 ? identities[0]?.resourceId : undefined;
  },
  '<key>': (s, f) => (s.cmkKey.ok && s.cmkKey.value !== null && f.resourceId === s.cmkKey.value.id ? lastSegment(s.cmkKey.value.id) : undefined),
  '<ws>': (s, f) => (f.resourceId.toLowerCase().startsWith(s.workspaceId.toLowerCase()) && s.workspace.ok ? s.workspace.value.name : undefined),
  '<rg>': (_s, f) => /\/resourceGroups\/([^/]+)/i.exec(f.resourceId)?.[1],
  '<vault>': (s, f) => (s.keyVault.ok && s.keyVault.value !== null && f.resourceId === s.keyVault.value.id ? s.keyVault.value.name : undefined),
  '<sa>': (s, f) => (s.storageAccount.ok && s.storageAccount.value !== null && f.resourceId === s.storageAccount.value.id ? s.storageAccount.value.name : undefined),
};

describe('fix commands over the official-example snapshot', () => {
  test('keep no placeholder whose value the snapshot holds', () => {
    const kept = findings.flatMap((f) => {
      const command = fixCommand(f);
      if (command === undefined) return [];
      return Object.entries(KNOWN).flatMap(([placeholder, valueOf]) => (command.includes(placeholder) && valueOf(snapshot, f) !== undefined ? [`${f.checkId} ${placeholder}: ${command}`] : []));
    });
    expect(kept).toEqual([]);
  });

  test('are real az commands with real flags, and so are the az commands in each finding\'s own portal steps', () => {
    const printed = findings.flatMap((f) => [fixCommand(f) ?? '', ...f.remediation.portal.flatMap(azSpansInSentence)]).filter((c) => c !== '');
    expect(printed.length).toBeGreaterThan(20);
    expect(printed.flatMap((c) => azCommands(c).map(azCommandProblem)).filter((p) => p !== undefined)).toEqual([]);
  });

  test('name the workspace identity, its one user-assigned identity and the key the findings are about', () => {
    const ws = snapshot.workspace.ok ? snapshot.workspace.value : undefined;
    const principal = ws?.identity?.principalId;
    const uami = ws?.identity?.userAssigned[0]?.resourceId;
    expect(principal).toBeDefined();
    expect(uami).toBeDefined();
    const command = (checkId: string): string => findings.filter((f) => f.checkId === checkId && f.status === 'fail').map((f) => fixCommand(f) ?? '').join('\n');
    expect(command('AML-IDM-010')).toContain(`--assignee-object-id ${principal ?? '?'} `);
    expect(command('AML-IDM-002')).toContain(`--primary-user-assigned-identity ${uami ?? '?'}`);
    expect(command('AML-DP-009')).toMatch(/--name sample-key-name-1 /);
  });

  test('give the registry of AML-DP-007 its own guidance and no storage command, and keep the storage fix for the storage account', () => {
    const dp007 = findings.filter((f) => f.checkId === 'AML-DP-007' && f.status === 'fail');
    const registry = dp007.find((f) => /\/registries\//i.test(f.resourceId));
    const storage = dp007.find((f) => /\/storageAccounts\//i.test(f.resourceId));
    expect(registry).toBeDefined();
    expect(fixCommand(registry!)).toBeUndefined();
    expect(registry!.remediation.portal.join(' ')).toMatch(/Premium registry/);
    expect(registry!.remediation.portal.join(' ')).not.toMatch(/storage/i);
    expect(registry!.remediation.url).toMatch(/container-registry/);
    expect(fixCommand(storage!)).toMatch(/^az storage account update .*-n sto8596 /);
  });
});

describe('AML-AM-001 on the compute instance example without idle shutdown', () => {
  test('tells how to change the existing instance and prints no create command for it', () => {
    const instance = parseCompute(reader(exampleBody(EXAMPLES.computeInstance)));
    const nonCompliant = { resourceId: instance.id, policyAssignmentId: '/subscriptions/x/providers/Microsoft.Authorization/policyAssignments/idle', policyDefinitionId: '/providers/Microsoft.Authorization/policyDefinitions/679ddf89-ab8f-48a5-9029-e76054077449', complianceState: 'NonCompliant' };
    const [finding] = runChecks(hardenedSnapshot({ computes: ok([instance]), policyStates: ok([nonCompliant]) }), [am001]);
    expect(finding).toMatchObject({ status: 'fail', resourceId: instance.id });
    expect(fixCommand(finding!)).toBeUndefined();
    expect(finding!.remediation.portal.join(' ')).toMatch(/change an existing instance in the studio/);
  });
});

describe('Defender recommendations from the assessments list, which carries no severity', () => {
  const unhealthyOn = (resourceId: string, metadata?: JsonObject): SecurityAssessment => {
    const body = exampleBody(EXAMPLES.assessment);
    const changes: JsonObject = { status: { code: 'Unhealthy' }, resourceDetails: { source: 'Azure', id: resourceId }, ...(metadata === undefined ? {} : { metadata }) };
    return parseAssessment(reader({ ...withProperties(body, changes), id: `${resourceId}/providers/Microsoft.Security/assessments/c0b7cfc6-3172-465a-b378-53c7ff2cc0d5` }));
  };
  const messages = (assessment: SecurityAssessment): string[] =>
    [lt014, pv002].flatMap((check) => runChecks(hardenedSnapshot({ assessments: ok([assessment]) }), [check]).filter((f) => f.status === 'fail').map((f) => f.message));

  test('name no severity when the list gives none', () => {
    const found = messages(unhealthyOn(REGISTRY_ID));
    expect(found).toHaveLength(2);
    for (const message of found) expect(message).not.toMatch(/severity|unknown/i);
  });

  test('name the severity when the body carries it', () => {
    const found = messages(unhealthyOn(REGISTRY_ID, { severity: 'High' }));
    expect(found).toHaveLength(2);
    for (const message of found) expect(message).toContain('(severity High)');
  });
});
