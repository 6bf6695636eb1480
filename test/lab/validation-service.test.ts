import type { WorkspaceSnapshot } from '../../src/azure/snapshot';
import type { Area, Category } from '../../src/checks/types';
import { createLabValidationService } from '../../src/lab/validation-service';
import type { Resolution, WorkspaceRef } from '../../src/scan/scan-service';
import type { SnapshotSource } from '../../src/scan/snapshot-source';
import { SUBSCRIPTION_ID, WORKSPACE_ID, failedRead, hardenedSnapshot, withWorkspace } from '../support/snapshot-builder';

const PARAMS = { subscriptionId: SUBSCRIPTION_ID, namespace: 'mlsec', postfix: '0001', location: 'westeurope', environment: 'prod' };
const FIRST = `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/rg-mlsec-0001prod/providers/Microsoft.MachineLearningServices/workspaces/mlw-mlsec-0001prod`;
const SECOND = `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/rg-mlsec-0001-prod/providers/Microsoft.MachineLearningServices/workspaces/mlw-mlsec-0001-prod`;
const REF: WorkspaceRef = { id: WORKSPACE_ID, name: 'mlw-contoso-prod', resourceGroup: 'rg-mlsec-prod', subscriptionId: SUBSCRIPTION_ID, location: 'westeurope' };

/** A SnapshotSource that knows some targets and records what it was asked. */
function fakeSource(known: Record<string, WorkspaceSnapshot>, fail?: Error): SnapshotSource & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    snapshot(target: string) {
      asked.push(target);
      if (fail !== undefined) return Promise.reject(fail);
      const snapshot = known[target];
      const resolution: Resolution = snapshot !== undefined ? { kind: 'found', workspace: REF } : { kind: 'not_found', message: `no workspace ${target}` };
      return Promise.resolve(snapshot !== undefined ? { resolution, snapshot } : { resolution });
    },
  };
}

describe('LabValidationService', () => {
  it('asks for parameters before anything else', async () => {
    const source = fakeSource({});
    const r = await createLabValidationService({ source }).validate('defender-cspm-devops', { subscriptionId: SUBSCRIPTION_ID });
    expect(r.status).toBe('cannot_validate');
    expect(r.items[0]?.fix).toContain('lab params');
    expect(source.asked).toEqual([]);
  });

  it('tries both naming variants of the accelerator and validates the one that exists', async () => {
    const source = fakeSource({ [SECOND]: hardenedSnapshot() });
    const r = await createLabValidationService({ source }).validate('defender-cspm-devops', PARAMS);
    expect(source.asked).toEqual([FIRST, SECOND]);
    expect(r.status).toBe('passed');
  });

  it('uses the workspace found earlier', async () => {
    const source = fakeSource({ [WORKSPACE_ID]: hardenedSnapshot() });
    await createLabValidationService({ source }).validate('defender-cspm-devops', { ...PARAMS, workspaceId: WORKSPACE_ID });
    expect(source.asked).toEqual([WORKSPACE_ID]);
  });

  it('fails exercise 6 with the expected names when no workspace exists, and defers the others', async () => {
    const service = createLabValidationService({ source: fakeSource({}) });
    const deploy = await service.validate('infrastructure-deployed', PARAMS);
    expect(deploy.status).toBe('failed');
    expect(deploy.items[0]?.text).toContain('No workspace mlw-mlsec-0001prod in resource group rg-mlsec-0001prod');
    const defender = await service.validate('defender-cspm-devops', PARAMS);
    expect(defender.status).toBe('cannot_validate');
    expect(defender.items[0]?.fix).toContain('exercise 6');
  });

  it('treats a snapshot whose workspace read is 404 as not found', async () => {
    const source = fakeSource({ [FIRST]: { ...hardenedSnapshot(), workspace: failedRead('not_found', 404) } });
    expect((await createLabValidationService({ source }).validate('infrastructure-deployed', PARAMS)).status).toBe('failed');
  });

  it('turns a throwing source into "could not validate" with the reason, secrets scrubbed', async () => {
    const source = fakeSource({}, new Error('ARM said no: Bearer abcdefghijklmnopqrstuvwxyz0123456789'));
    const r = await createLabValidationService({ source }).validate('infrastructure-deployed', PARAMS);
    expect(r.status).toBe('cannot_validate');
    expect(r.items[0]?.text).toContain('Could not validate: ARM said no');
    expect(r.items[0]?.text).not.toContain('abcdefghijklmnop');
  });

  it('runs the catalog checks of the right scope for exercises 10 (the network category) and 11 (RBAC)', async () => {
    const areas: (Area | Category)[] = [];
    const service = createLabValidationService({
      source: fakeSource({ [FIRST]: hardenedSnapshot() }),
      findings: (_s, area) => {
        areas.push(area);
        return [];
      },
    });
    await service.validate('network-controls', PARAMS);
    await service.validate('rbac-controls', PARAMS);
    expect(areas).toEqual(['network-security', 'rbac']);
  });

  it('uses the real catalog by default: public network access on the workspace is advice, not a failure', async () => {
    const open = withWorkspace(hardenedSnapshot(), { publicNetworkAccess: 'Enabled' });
    const r = await createLabValidationService({ source: fakeSource({ [FIRST]: open }) }).validate('network-controls', PARAMS);
    expect(r.status).toBe('warning');
    expect(r.items.some((i) => i.text.startsWith('AML-NET-001') && !i.ok)).toBe(true);
    const hardened = await createLabValidationService({ source: fakeSource({ [FIRST]: hardenedSnapshot() }) }).validate('network-controls', PARAMS);
    expect(hardened.items.some((i) => i.text.startsWith('AML-NET-001') && !i.ok)).toBe(false);
  });

  it('exercise 10 also advises on outbound control, not only public exposure', async () => {
    const open = withWorkspace(hardenedSnapshot(), { managedNetworkIsolationMode: 'AllowInternetOutbound' });
    const r = await createLabValidationService({ source: fakeSource({ [FIRST]: open }) }).validate('network-controls', PARAMS);
    expect(r.items.some((i) => i.text.startsWith('AML-NET-003') && !i.ok)).toBe(true);
  });

  it('rejects an unknown validator id', async () => {
    expect((await createLabValidationService({ source: fakeSource({}) }).validate('nope', PARAMS)).status).toBe('cannot_validate');
  });

  it('finds a workspace and never throws', async () => {
    expect(await createLabValidationService({ source: fakeSource({ [WORKSPACE_ID]: hardenedSnapshot() }) }).find(WORKSPACE_ID)).toEqual({ kind: 'found', workspace: REF });
    expect(await createLabValidationService({ source: fakeSource({}, new Error('boom')) }).find('x')).toEqual({ kind: 'not_found', message: 'boom' });
  });
});
