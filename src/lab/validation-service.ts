/**
 * Runs a lab validator against Azure: finds the learner's workspace through the SnapshotSource (the same
 * resolution and collectors as scans), then evaluates the validator over its snapshot. Never throws: anything
 * that goes wrong becomes `cannot_validate` with the reason, so the learner can retry.
 */
import type { WorkspaceSnapshot } from '../azure/snapshot';
import { scrubSecrets } from '../logging';
import type { Resolution } from '../shared/workspace';
import type { SnapshotSource } from '../scan/snapshot-source';
import { catalogFindings } from './catalog-findings';
import { workspaceCandidates } from './naming';
import type { LabParameters } from './parameters';
import { cannotValidate, type LabValidationResult } from './result';
import { workspaceNotFound } from './validate-infrastructure';
import { DEPLOYMENT_VALIDATOR, LAB_VALIDATORS, isLabValidatorId, type AreaFindings } from './validators';
import { errorMessage } from '../shared/error-message';

export interface LabValidationService {
  /** Validates one exercise (by its validator id) for the learner's parameters. */
  validate(validatorId: string, params: LabParameters, signal?: AbortSignal): Promise<LabValidationResult>;
  /** Finds a deployed workspace by name or id (ScanService.resolve semantics). */
  find(target: string, signal?: AbortSignal): Promise<Resolution>;
}

export interface LabValidationServiceDeps {
  readonly source: SnapshotSource;
  /** The catalog's checks of one area; defaults to the check registry and runner. */
  readonly findings?: AreaFindings;
}

export function createLabValidationService(deps: LabValidationServiceDeps): LabValidationService {
  const findings = deps.findings ?? catalogFindings;
  return {
    async validate(validatorId, params, signal) {
      if (!isLabValidatorId(validatorId)) return cannotValidate(`no validator named ${validatorId}.`);
      const candidates = workspaceCandidates(params);
      if (candidates.length === 0) {
        return cannotValidate('I do not know your lab parameters yet.', 'Give them with "lab params" (subscription, namespace, postfix, location, environment) or let me find the workspace with "lab find <workspace name>".');
      }
      let snapshot: WorkspaceSnapshot | undefined;
      let lastReason: string | undefined;
      for (const target of candidates) {
        let answer: Awaited<ReturnType<SnapshotSource['snapshot']>>;
        try {
          answer = await deps.source.snapshot(target, signal);
        } catch (error) {
          return cannotValidate(reasonOf(error), 'Retry in a moment; if it keeps failing, check that the bot may read the subscription.');
        }
        if (answer.resolution.kind === 'found' && answer.snapshot !== undefined && !isMissingWorkspace(answer.snapshot)) {
          snapshot = answer.snapshot;
          break;
        }
        if (answer.resolution.kind === 'not_found') lastReason = answer.resolution.message;
      }
      if (snapshot === undefined) {
        if (validatorId === DEPLOYMENT_VALIDATOR) return workspaceNotFound(params, candidates, lastReason);
        return cannotValidate(
          'your workspace was not found, and I read this exercise through it.',
          'The pipeline creates the workspace in exercise 6. Mark this exercise Done now and type "lab validate <exercise number>" after exercise 6.',
        );
      }
      try {
        return LAB_VALIDATORS[validatorId]({ snapshot, params, findings });
      } catch (error) {
        return cannotValidate(reasonOf(error));
      }
    },

    async find(target, signal) {
      try {
        return (await deps.source.snapshot(target, signal)).resolution;
      } catch (error) {
        return { kind: 'not_found', message: reasonOf(error) };
      }
    },
  };
}

function isMissingWorkspace(snapshot: WorkspaceSnapshot): boolean {
  return !snapshot.workspace.ok && snapshot.workspace.error.kind === 'not_found';
}

function reasonOf(error: unknown): string {
  const text = errorMessage(error);
  return scrubSecrets(text).slice(0, 300);
}
