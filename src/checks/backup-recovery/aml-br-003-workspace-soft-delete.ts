/**
 * AML-BR-003 — A deleted workspace stays recoverable for at least the default 14 days.
 *
 * Soft delete is on by default with 14 days' retention (concept-soft-delete), so an absent
 * softDeleteRetentionInDays means the default and passes; a shorter retention fails. Only preview api-versions
 * define softDeleteRetentionInDays, so it comes from the workspace's preview read (Workspace.preview); when that
 * read failed, the retention is not assessed. Learn also states that soft delete and recovery are not supported
 * when the workspace uses only a user-assigned identity, so that configuration fails too (keep a system-assigned
 * identity alongside the user-assigned one).
 */
import { defineCheck, evidence, fail, notAssessed, pass, withReads } from '../define';

const MINIMUM_DAYS = 14;

export default defineCheck({
  id: 'AML-BR-003',
  slug: 'aml-br-003-workspace-soft-delete',
  title: 'Workspace recoverable after deletion',
  category: 'backup-recovery',
  severity: 'low',
  resourceType: 'Microsoft.MachineLearningServices/workspaces',
  mcsb: ['BR-1'],
  workshopQuestions: ['BR-02', 'BR-01'],
  areas: [],
  risk:
    'Deleting a workspace removes its run history, registered models, environments and data assets; soft delete is the only way to get them back. ' +
    'A short retention, or an identity setup that disables recovery, turns an accidental or malicious delete into permanent loss.',
  remediation: {
    portal: [
      'Keep the default soft-delete retention (14 days) or longer in the workspace template (softDeleteRetentionInDays).',
      'If the workspace uses only a user-assigned identity, add a system-assigned identity so that soft delete and recovery are supported.',
    ],
    url: 'https://learn.microsoft.com/azure/machine-learning/concept-soft-delete',
  },
  since: '2026.11.0',
  evaluate(snapshot) {
    return withReads(snapshot.workspace, (ws) => {
      const identity = ws.identity?.type;
      const onlyUserAssigned = identity !== undefined && identity.toLowerCase().replace(/\s/g, '') === 'userassigned';
      const identityFact = evidence('identity.type', identity, 'SystemAssigned or SystemAssigned,UserAssigned');
      if (onlyUserAssigned) return [fail(ws.id, `Workspace ${ws.name} uses only a user-assigned identity, so it cannot be soft-deleted and recovered.`, [identityFact])];
      if (!ws.preview.ok) return [notAssessed(ws.preview.error)];
      const retention = ws.preview.value.softDeleteRetentionInDays;
      const days = retention ?? MINIMUM_DAYS;
      const facts = [evidence('properties.softDeleteRetentionInDays', retention ?? `not set (default ${MINIMUM_DAYS})`, `>= ${MINIMUM_DAYS}`), identityFact];
      return days >= MINIMUM_DAYS
        ? [pass(ws.id, `Workspace ${ws.name} stays recoverable for ${days} days after deletion.`, facts)]
        : [fail(ws.id, `Workspace ${ws.name} stays recoverable for only ${days} day(s) after deletion.`, facts)];
    });
  },
});
