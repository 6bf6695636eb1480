/** Subscription-level reads parsed raw: Defender plans (2024-01-01 shape), connectors, assessments, policy. */
import type { ApplicationInsights, DefenderPlan, PolicyAssignment, PolicyState, SecurityAssessment, SecurityConnector } from '../snapshot';
import { type JsonReader, nonEmpty } from './json-reader';

export function parseDefenderPlan(body: JsonReader): DefenderPlan {
  const p = body.obj('properties');
  return {
    name: body.need('name', 'A Defender plan'),
    pricingTier: p.str('pricingTier') ?? 'Free',
    subPlan: p.str('subPlan'),
    // 2024-01-01 sends isEnabled as the strings "True"/"False".
    extensions: p.list('extensions').map((e) => ({ name: e.str('name') ?? '', isEnabled: e.bool('isEnabled') ?? false })),
    deprecated: p.bool('deprecated'),
  };
}

export function parseSecurityConnector(body: JsonReader): SecurityConnector {
  return {
    id: body.need('id', 'A security connector'),
    name: body.need('name', 'A security connector'),
    environmentName: body.obj('properties').str('environmentName') ?? 'Unknown',
  };
}

export function parseAssessment(body: JsonReader): SecurityAssessment {
  const id = body.need('id', 'An assessment');
  const p = body.obj('properties');
  const details = p.obj('resourceDetails');
  const marker = id.toLowerCase().lastIndexOf('/providers/microsoft.security/assessments/');
  return {
    id,
    resourceId: details.str('Id') ?? details.str('ResourceId') ?? (marker > 0 ? id.slice(0, marker) : id),
    // The list returns displayName on the assessment itself; metadata comes only with $expand on a single GET.
    displayName: p.str('displayName') ?? p.obj('metadata').str('displayName') ?? body.str('name') ?? '',
    statusCode: p.obj('status').str('code') ?? 'Unknown',
    severity: p.obj('metadata').str('severity'),
  };
}

export function parsePolicyAssignment(body: JsonReader): PolicyAssignment {
  const p = body.obj('properties');
  const parameters: Record<string, unknown> = {};
  for (const [name, parameter] of p.entries('parameters')) parameters[name] = parameter.raw('value');
  return {
    id: body.need('id', 'A policy assignment'),
    name: body.need('name', 'A policy assignment'),
    displayName: p.str('displayName'),
    policyDefinitionId: p.str('policyDefinitionId') ?? '',
    scope: p.str('scope') ?? '',
    notScopes: p.strings('notScopes'),
    enforcementMode: p.str('enforcementMode'),
    parameters,
  };
}

export function parsePolicyState(body: JsonReader): PolicyState {
  return {
    resourceId: body.str('resourceId') ?? '',
    policyAssignmentId: body.str('policyAssignmentId') ?? '',
    policyDefinitionId: body.str('policyDefinitionId') ?? '',
    complianceState: body.str('complianceState') ?? (body.bool('isCompliant') === true ? 'Compliant' : 'Unknown'),
  };
}

export function parseApplicationInsights(body: JsonReader): ApplicationInsights {
  const p = body.obj('properties');
  return {
    id: body.need('id', 'The Application Insights component'),
    name: body.need('name', 'The Application Insights component'),
    publicNetworkAccessForIngestion: p.str('publicNetworkAccessForIngestion'),
    publicNetworkAccessForQuery: p.str('publicNetworkAccessForQuery'),
    disableLocalAuth: p.bool('DisableLocalAuth'),
    workspaceResourceId: nonEmpty(p.str('WorkspaceResourceId')),
  };
}
