/**
 * AML-AM-007 — The workspace is tagged with an owner and a data classification.
 * Accepted keys are listed in governance/workspace-tags.ts (case-insensitive, `-`/`_`/spaces ignored), e.g.
 * owner / ownedBy / team and data-classification / classification / sensitivity. Blank values do not count.
 */
import { defineCheck, evidence, fail, pass, withReads } from '../define';
import { CLASSIFICATION_TAG_KEYS, OWNER_TAG_KEYS, findTag } from '../governance/workspace-tags';

export default defineCheck({
  id: 'AML-AM-007',
  slug: 'aml-am-007-ownership-classification-tags',
  title: 'Workspace tagged with owner and data classification',
  category: 'asset-management',
  severity: 'low',
  resourceType: 'Microsoft.MachineLearningServices/workspaces',
  mcsb: ['AM-1', 'DP-1'],
  workshopQuestions: ['AM-01', 'DP-01'],
  areas: [],
  risk:
    'Without an owner nobody answers for an alert or a finding on this workspace, and without a classification nobody can tell whether it needs CMK, HBI or private networking. ' +
    'Untagged workspaces are where orphaned, over-exposed data ends up.',
  remediation: {
    portal: ['Open the workspace > Tags.', 'Add an "owner" tag (team or person) and a "data-classification" tag (for example Public, Internal, Confidential), then save.'],
    cli: 'az tag update --resource-id <workspaceId> --operation Merge --tags owner=<team> data-classification=<level>',
    url: 'https://learn.microsoft.com/azure/azure-resource-manager/management/tag-resources',
  },
  since: '2026.11.0',
  evaluate(snapshot) {
    return withReads(snapshot.workspace, (ws) => {
      const owner = findTag(ws.tags, OWNER_TAG_KEYS);
      const classification = findTag(ws.tags, CLASSIFICATION_TAG_KEYS);
      const facts = [
        evidence('tags (owner)', owner !== undefined ? `${owner.key}=${owner.value}` : undefined, 'owner, ownedBy, team or similar'),
        evidence('tags (data classification)', classification !== undefined ? `${classification.key}=${classification.value}` : undefined, 'data-classification, classification or sensitivity'),
      ];
      const missing = [owner === undefined ? 'an owner' : undefined, classification === undefined ? 'a data classification' : undefined].filter(
        (m): m is string => m !== undefined,
      );
      return missing.length === 0
        ? [pass(ws.id, `Workspace ${ws.name} names its owner (${owner?.value ?? ''}) and data classification (${classification?.value ?? ''}).`, facts)]
        : [fail(ws.id, `Workspace ${ws.name} has no tag for ${missing.join(' or ')}.`, facts)];
    });
  },
});
