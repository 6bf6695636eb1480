/**
 * What a lab validation says: an overall status and the facts behind it, each with the fix when it is missing.
 * `warning` passes the exercise with advice; `cannot_validate` means Azure could not be read (retry, or confirm).
 */
import type { ReadError } from '../azure/snapshot';

export const LAB_VALIDATION_STATUSES = ['passed', 'failed', 'warning', 'cannot_validate'] as const;
export type LabValidationStatus = (typeof LAB_VALIDATION_STATUSES)[number];

export interface LabValidationItem {
  readonly ok: boolean;
  /** What was found or is missing, naming the resource. */
  readonly text: string;
  /** How to fix it: a portal path or an `az` command. */
  readonly fix?: string;
}

export interface LabValidationResult {
  readonly status: LabValidationStatus;
  readonly items: readonly LabValidationItem[];
}

export function item(ok: boolean, text: string, fix?: string): LabValidationItem {
  return fix === undefined ? { ok, text } : { ok, text, fix };
}

/** A read that failed: says what could not be read and, for a refusal only, which permission would allow it. */
export function readFailed(what: string, error: ReadError): LabValidationItem {
  const text = `Could not read ${what}: ${error.message}`;
  if (error.kind !== 'forbidden') return item(false, text, 'Validate again once the cause above is gone.');
  const needs = error.requiredAction !== undefined ? ` It needs ${error.requiredAction}.` : '';
  return item(false, text, `Give the bot's identity read access (Reader on the resource group or subscription) and retry.${needs}`);
}

export function cannotValidate(reason: string, fix?: string): LabValidationResult {
  return { status: 'cannot_validate', items: [item(false, `Could not validate: ${reason}`, fix)] };
}

/** failed if anything is missing; else cannot_validate if a read failed; else warning if advice was given; else passed. */
export function combine(parts: { readonly missing: readonly LabValidationItem[]; readonly unread: readonly LabValidationItem[]; readonly advice: readonly LabValidationItem[]; readonly ok: readonly LabValidationItem[] }): LabValidationResult {
  const items = [...parts.missing, ...parts.unread, ...parts.advice, ...parts.ok];
  if (parts.missing.length > 0) return { status: 'failed', items };
  if (parts.unread.length > 0) return { status: 'cannot_validate', items };
  if (parts.advice.length > 0) return { status: 'warning', items };
  return { status: 'passed', items };
}
