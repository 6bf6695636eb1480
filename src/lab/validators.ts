/**
 * The lab's validators by id (the ids the exercise files name). Each is a pure function of a workspace
 * snapshot, the learner's parameters and — for the advice exercises — the catalog's findings for one area.
 */
import type { WorkspaceSnapshot } from '../azure/snapshot';
import type { Area, Category, Finding } from '../checks/types';
import type { LabParameters } from './parameters';
import type { LabValidationResult } from './result';
import { validateControls } from './validate-controls';
import { validateDefenderSetup, validateRecommendations } from './validate-defender';
import { validateInfrastructure } from './validate-infrastructure';
import { validateServicePrincipal } from './validate-service-principal';

/** Runs the catalog's checks of one area over a snapshot. */
export type AreaFindings = (snapshot: WorkspaceSnapshot, scope: Area | Category) => readonly Finding[];

export interface ValidatorInput {
  readonly snapshot: WorkspaceSnapshot;
  readonly params: LabParameters;
  readonly findings: AreaFindings;
}

export type LabValidator = (input: ValidatorInput) => LabValidationResult;

export const LAB_VALIDATORS = {
  'service-principal-role': ({ snapshot }) => validateServicePrincipal(snapshot),
  'infrastructure-deployed': ({ snapshot, params }) => validateInfrastructure(snapshot, params),
  'defender-cspm-devops': ({ snapshot }) => validateDefenderSetup(snapshot),
  'defender-recommendations': ({ snapshot }) => validateRecommendations(snapshot),
  // Exercise 10's network controls are the whole category (private endpoints, managed network, outbound rules),
  // not only public exposure.
  'network-controls': ({ snapshot, findings }) => validateControls(findings(snapshot, 'network-security'), 'network'),
  'rbac-controls': ({ snapshot, findings }) => validateControls(findings(snapshot, 'rbac'), 'RBAC'),
} as const satisfies Readonly<Record<string, LabValidator>>;

export type LabValidatorId = keyof typeof LAB_VALIDATORS;

export function isLabValidatorId(id: string): id is LabValidatorId {
  return Object.prototype.hasOwnProperty.call(LAB_VALIDATORS, id);
}

/** The validator that must find the workspace itself (a missing workspace is its failure, not "cannot validate"). */
export const DEPLOYMENT_VALIDATOR: LabValidatorId = 'infrastructure-deployed';
