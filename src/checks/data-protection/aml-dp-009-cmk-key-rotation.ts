/**
 * AML-DP-009 — The workspace's customer-managed key rotates automatically and does not expire soon.
 *
 * Not applicable when the workspace uses no CMK. Auto-rotation is required; an expiry alone is not enough, because a CMK
 * that expires without a new version makes the workspace data unreadable. So a key that expires within 30 days of
 * the scan (snapshot.collectedAt, not the clock) fails even with rotation on.
 */
import { defineCheck, evidence, fail, notApplicable, pass, withLinked } from '../define';

const SOON_SECONDS = 30 * 24 * 3600;

export default defineCheck({
  id: 'AML-DP-009',
  slug: 'aml-dp-009-cmk-key-rotation',
  title: 'Workspace CMK rotates automatically',
  category: 'data-protection',
  severity: 'medium',
  resourceType: 'Microsoft.KeyVault/vaults/keys',
  mcsb: ['DP-6'],
  workshopQuestions: ['DP-02'],
  areas: [],
  risk:
    'A key that never rotates stays valid for as long as it exists, so one leak exposes all data ever encrypted with it. ' +
    'A key that expires without a successor locks the workspace out of its own data.',
  remediation: {
    portal: ['Open the Key Vault > Keys > the workspace key > Rotation policy.', 'Enable automatic rotation (for example every 12 months) with an expiry, and save.'],
    cli: 'az keyvault key rotation-policy update --vault-name <kv> --name <key> --value <rotation-policy.json>',
    url: 'https://learn.microsoft.com/azure/key-vault/keys/how-to-configure-key-rotation',
  },
  since: '2026.11.0',
  evaluate(snapshot) {
    return withLinked(
      snapshot.cmkKey,
      () => notApplicable(snapshot.workspaceId, 'The workspace uses no customer-managed key.'),
      (key) => {
        const expires = key.expires !== undefined ? new Date(key.expires * 1000).toISOString() : undefined;
        const facts = [
          evidence('rotationPolicy.lifetimeActions[Rotate]', key.rotationEnabled, 'true'),
          evidence('rotationPolicy.timeAfterCreate', key.rotateAfter, 'a rotation interval, e.g. P1Y'),
          evidence('attributes.exp', expires, 'not within 30 days of the scan'),
        ];
        const scannedAt = Date.parse(snapshot.collectedAt) / 1000;
        if (key.expires !== undefined && Number.isFinite(scannedAt) && key.expires - scannedAt < SOON_SECONDS) {
          return [fail(key.id, `Customer-managed key ${key.name} expires ${expires ?? ''}; the workspace loses access to its data when it does.`, facts)];
        }
        return key.rotationEnabled
          ? [pass(key.id, `Customer-managed key ${key.name} rotates automatically${key.rotateAfter !== undefined ? ` (${key.rotateAfter} after creation)` : ''}.`, facts)]
          : [fail(key.id, `Customer-managed key ${key.name} has no automatic rotation.`, facts)];
      },
    );
  },
});
