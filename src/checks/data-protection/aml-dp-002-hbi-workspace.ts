/**
 * AML-DP-002 — High-business-impact (HBI) workspace for sensitive data.
 *
 * `hbiWorkspace` limits the diagnostic data Microsoft collects and encrypts compute scratch disks; it only
 * matters for sensitive data and can only be set at creation. Azure cannot know the data's sensitivity, so:
 * PASS when the flag is on, FAIL when the workspace's own classification tag says the data is sensitive and the
 * flag is off, MANUAL otherwise (a person must confirm the classification).
 */
import { defineCheck, evidence, fail, manual, pass, withReads } from '../define';
import { sensitiveClassification } from '../governance/workspace-tags';

export default defineCheck({
  id: 'AML-DP-002',
  slug: 'aml-dp-002-hbi-workspace',
  title: 'High-business-impact flag set for sensitive data',
  category: 'data-protection',
  severity: 'medium',
  resourceType: 'Microsoft.MachineLearningServices/workspaces',
  mcsb: ['DP-1', 'DP-5'],
  workshopQuestions: ['DP-01', 'DP-02'],
  areas: [],
  risk:
    'A workspace that processes sensitive data without the high-business-impact flag sends more diagnostic telemetry to Microsoft ' +
    'and leaves compute local scratch disks without the extra encryption. The flag cannot be turned on later, so the gap lasts for the workspace\'s life.',
  remediation: {
    portal: [
      'The flag can only be set at creation: create a new workspace and, under Encryption or Advanced, select "High business impact workspace".',
      'Tag the workspace with its data classification so that reviews can tell which workspaces need it.',
    ],
    url: 'https://learn.microsoft.com/azure/machine-learning/concept-data-encryption',
  },
  since: '2026.11.0',
  evaluate(snapshot) {
    return withReads(snapshot.workspace, (ws) => {
      const fact = [evidence('properties.hbiWorkspace', ws.hbiWorkspace, 'true (for sensitive data)')];
      if (ws.hbiWorkspace === true) return [pass(ws.id, `Workspace ${ws.name} is flagged high business impact.`, fact)];
      const tag = sensitiveClassification(ws);
      if (tag !== undefined) {
        return [
          fail(ws.id, `Workspace ${ws.name} is tagged ${tag.key}=${tag.value} but is not flagged high business impact.`, [
            ...fact,
            evidence(`tags.${tag.key}`, tag.value, 'a classification that matches the workspace settings'),
          ]),
        ];
      }
      return [
        manual(ws.id, `Workspace ${ws.name} is not flagged high business impact; confirm it holds no sensitive data (the flag can only be set at creation).`),
      ];
    });
  },
});
