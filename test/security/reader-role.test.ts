/**
 * The custom role in docs/security/guardian-reader-role.json must allow every ARM read the collectors make, and
 * nothing that reads secrets or changes anything. Two independent sources of "what the collectors need": the
 * source text of src/azure/** (every RBAC action string, with the `${ML}` shorthand expanded) and the targets
 * of every entry of the read table (src/azure/snapshot-reads.ts) at run time, so that neither a new literal nor
 * a new computed action can slip by.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readOf, SNAPSHOT_FIELDS } from '../../src/azure/snapshot-fields';

const ROOT = path.join(__dirname, '..', '..');
const role = JSON.parse(fs.readFileSync(path.join(ROOT, 'docs/security/guardian-reader-role.json'), 'utf8')) as {
  Name: string;
  IsCustom: boolean;
  Actions: string[];
  NotActions: string[];
  DataActions: string[];
  NotDataActions: string[];
  AssignableScopes: string[];
};
const allowed = new Set(role.Actions.map((a) => a.toLowerCase()));

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/** RBAC action strings in the collectors' source: literals, and templates over `const X = 'Microsoft…'` constants. */
function actionsInSource(): Set<string> {
  const found = new Set<string>();
  for (const file of filesUnder(path.join(ROOT, 'src/azure'))) {
    const text = fs.readFileSync(file, 'utf8');
    const constants = new Map<string, string>();
    for (const m of text.matchAll(/const\s+([A-Z_][A-Z0-9_]*)\s*=\s*'(Microsoft\.[A-Za-z]+\/[A-Za-z/]+)'/g)) constants.set(m[1]!, m[2]!);
    const expanded = text.replace(/\$\{([A-Z_][A-Z0-9_]*)\}/g, (whole, name: string) => constants.get(name) ?? whole);
    for (const m of expanded.matchAll(/Microsoft\.[A-Za-z]+(?:\/[A-Za-z]+)+\/(?:read|action)\b/g)) found.add(m[0]);
  }
  return found;
}

/** Actions the read targets carry at run time: every entry of the read table, per-endpoint parts included. */
function actionsFromTargets(): Set<string> {
  const id = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws';
  const endpoint = { id: `${id}/onlineEndpoints/ep`, name: 'ep' };
  const targets = SNAPSHOT_FIELDS.flatMap((field) => {
    const read = readOf(field);
    return read.target === 'onlineEndpoint' ? [read.about(id), read.aboutOne(endpoint)] : [read.about(id)];
  });
  return new Set(targets.map((t) => t.requiredAction));
}

describe('docs/security/guardian-reader-role.json', () => {
  test('is a custom role with control-plane reads only', () => {
    expect(role.IsCustom).toBe(true);
    expect(role.NotActions).toEqual([]);
    expect(role.DataActions).toEqual([]);
    expect(role.NotDataActions).toEqual([]);
    expect(role.AssignableScopes.length).toBeGreaterThan(0);
    for (const action of role.Actions) {
      expect(action).not.toContain('*');
      // Reads, plus the one POST the scan needs (the policy-state query is a read that ARM models as an action).
      expect(action.endsWith('/read') || action === 'Microsoft.PolicyInsights/policyStates/queryResults/action').toBe(true);
      expect(action.toLowerCase()).not.toMatch(/listkeys|listsecrets|listcredentials|regeneratekey|secrets\/|write|delete/);
    }
    expect(new Set(role.Actions).size).toBe(role.Actions.length);
  });

  test('the source scan finds the collectors\u2019 actions (the grep itself works)', () => {
    const source = actionsInSource();
    // Child actions (`${ML}/${child}/read`) are computed, so the run-time test below covers them.
    expect(source.size).toBeGreaterThanOrEqual(15);
    expect(source).toContain('Microsoft.MachineLearningServices/workspaces/read');
    expect(source).toContain('Microsoft.Storage/storageAccounts/blobServices/read');
  });

  test('allows every RBAC action named in src/azure/**', () => {
    const missing = [...actionsInSource()].filter((a) => !allowed.has(a.toLowerCase()));
    expect(missing).toEqual([]);
  });

  test('allows every action the read targets declare at run time', () => {
    const missing = [...actionsFromTargets()].filter((a) => !allowed.has(a.toLowerCase()));
    expect(missing).toEqual([]);
  });

  test('allows the Resource Graph query used to resolve workspace names', () => {
    const resolve = fs.readFileSync(path.join(ROOT, 'src/azure/resolve.ts'), 'utf8');
    expect(resolve).toMatch(/graph\.resources\(/);
    expect(allowed).toContain('microsoft.resourcegraph/resources/read');
  });

  test('grants nothing the collectors do not use (besides name resolution and scope reads)', () => {
    // Resource Graph counts as used once the source names its action (the fleet scan does); name resolution
    // needs it either way (the test above).
    const used = new Set([...actionsInSource(), ...actionsFromTargets(), 'Microsoft.ResourceGraph/resources/read'].map((a) => a.toLowerCase()));
    const extra = role.Actions.filter((a) => !used.has(a.toLowerCase()));
    expect(extra.sort()).toEqual(
      [
        'Microsoft.PolicyInsights/policyStates/queryResults/action',
        'Microsoft.Resources/subscriptions/read',
        'Microsoft.Resources/subscriptions/resourceGroups/read',
      ].sort(),
    );
  });
});
