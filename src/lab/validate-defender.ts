/**
 * Exercises 7 and 8: Defender CSPM on the Standard tier with an Azure DevOps connector, and the Defender for
 * Cloud recommendations on the deployed resources.
 */
import type { SecurityAssessment, WorkspaceSnapshot } from '../azure/snapshot';
import { isWithinScope, lastSegment } from '../shared/resource-id';
import { combine, item, readFailed, type LabValidationItem, type LabValidationResult } from './result';

export function validateDefenderSetup(snapshot: WorkspaceSnapshot): LabValidationResult {
  const missing: LabValidationItem[] = [];
  const unread: LabValidationItem[] = [];
  const ok: LabValidationItem[] = [];
  const subscription = subscriptionOf(snapshot);

  if (!snapshot.defenderPlans.ok) unread.push(readFailed("the subscription's Defender plans", snapshot.defenderPlans.error));
  else {
    const cspm = snapshot.defenderPlans.value.find((p) => p.name.toLowerCase() === 'cloudposture');
    const enable = `Defender for Cloud → Environment settings → ${subscription} → Defender plans → Defender CSPM: On → Save; or: az security pricing create --subscription ${subscription} --name CloudPosture --tier standard`;
    if (cspm === undefined) missing.push(item(false, `Defender CSPM (CloudPosture) is not set on subscription ${subscription}.`, enable));
    else if (cspm.pricingTier.toLowerCase() !== 'standard') missing.push(item(false, `Defender CSPM (CloudPosture) is on the ${cspm.pricingTier} tier on subscription ${subscription}; the lab needs Standard.`, enable));
    else ok.push(item(true, `Defender CSPM (CloudPosture) is on the Standard tier on subscription ${subscription}.`));
  }

  if (!snapshot.securityConnectors.ok) unread.push(readFailed("the subscription's security connectors", snapshot.securityConnectors.error));
  else {
    const ado = snapshot.securityConnectors.value.filter((c) => c.environmentName.toLowerCase() === 'azuredevops');
    if (ado.length === 0) {
      missing.push(
        item(
          false,
          `No Azure DevOps connector in Defender for Cloud for subscription ${subscription}.`,
          'Defender for Cloud → Environment settings → Add environment → Azure DevOps → name, subscription, resource group, region → Configure access → Authorize → choose the organization → Create. (Azure DevOps must allow "Third-party application access via OAuth".)',
        ),
      );
    } else ok.push(item(true, `Azure DevOps connector ${ado.map((c) => c.name).join(', ')} is connected to Defender for Cloud.`));
  }
  return combine({ missing, unread, advice: [], ok });
}

const SEVERITY_ORDER = ['high', 'medium', 'low'];
const MAX_LISTED = 15;

export function validateRecommendations(snapshot: WorkspaceSnapshot): LabValidationResult {
  if (!snapshot.assessments.ok) return { status: 'cannot_validate', items: [readFailed('the Defender for Cloud recommendations', snapshot.assessments.error)] };
  const group = snapshot.workspace.ok ? `/subscriptions/${snapshot.workspace.value.subscriptionId}/resourceGroups/${snapshot.workspace.value.resourceGroup}` : undefined;
  const groupName = snapshot.workspace.ok ? snapshot.workspace.value.resourceGroup : 'the workspace';
  const relevant = snapshot.assessments.value.filter((a) => group === undefined || isWithinScope(a.resourceId, group));
  if (relevant.length === 0) {
    return {
      status: 'warning',
      items: [
        item(
          false,
          `Defender for Cloud lists no recommendations for resource group ${groupName} yet.`,
          'New resources are assessed within hours (up to 24). Check that Defender for Cloud is on for the subscription (exercise 7) and validate again later.',
        ),
      ],
    };
  }
  const sorted = [...relevant].sort(compareAssessments);
  const unhealthy = sorted.filter((a) => a.statusCode.toLowerCase() === 'unhealthy').length;
  const listed = sorted.slice(0, MAX_LISTED).map((a) =>
    item(
      a.statusCode.toLowerCase() !== 'unhealthy',
      `${a.statusCode}${a.severity !== undefined ? ` · ${a.severity}` : ''}: ${a.displayName} — ${lastSegment(a.resourceId)}`,
      a.statusCode.toLowerCase() === 'unhealthy' ? 'Open it in Defender for Cloud → Recommendations for the affected resources and the remediation steps.' : undefined,
    ),
  );
  const more = sorted.length > MAX_LISTED ? [item(true, `…and ${sorted.length - MAX_LISTED} more in Defender for Cloud → Recommendations.`)] : [];
  return {
    status: 'passed',
    items: [item(true, `Defender for Cloud lists ${sorted.length} recommendation(s) for resource group ${groupName}, ${unhealthy} unhealthy. Review them; the exercise is about reading them, not fixing them all.`), ...listed, ...more],
  };
}

function compareAssessments(a: SecurityAssessment, b: SecurityAssessment): number {
  const unhealthy = (x: SecurityAssessment) => (x.statusCode.toLowerCase() === 'unhealthy' ? 0 : x.statusCode.toLowerCase() === 'healthy' ? 2 : 1);
  const severity = (x: SecurityAssessment) => {
    const i = SEVERITY_ORDER.indexOf((x.severity ?? '').toLowerCase());
    return i === -1 ? SEVERITY_ORDER.length : i;
  };
  return unhealthy(a) - unhealthy(b) || severity(a) - severity(b) || a.displayName.localeCompare(b.displayName);
}

function subscriptionOf(snapshot: WorkspaceSnapshot): string {
  if (snapshot.workspace.ok) return snapshot.workspace.value.subscriptionId;
  const m = /^\/subscriptions\/([^/]+)/i.exec(snapshot.workspaceId);
  return m?.[1] ?? 'of the workspace';
}
