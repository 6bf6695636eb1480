/**
 * An accepted risk as chat, the store and the repository's YAML file all hold it: one check, one resource scope,
 * why, who answers for it and until when. The same shape in every place is what lets `guardian exceptions export`
 * and `guardian scan --exceptions` agree with the bot.
 */
import type { RiskException } from '../checks/types';
import { isWithinScope } from '../shared/resource-id';

export interface ExceptionEntry extends RiskException {
  /** The check the exception accepts, e.g. `AML-NET-001`. */
  readonly checkId: string;
  /**
   * A resource id, or a resource-group or subscription id. It covers a finding of its check on that resource or
   * on anything under it, and every finding of its check in a scan of a workspace at or under it (so that a
   * workspace-scoped exception also covers the workspace's linked storage, vault, registry and Defender plans).
   */
  readonly resource: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
export const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC calendar day of `now`, as YYYY-MM-DD. */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** True for a real calendar day written YYYY-MM-DD (2027-02-30 is not one). */
export function isCalendarDay(text: string): boolean {
  const match = ISO_DAY.exec(text);
  if (match === null) return false;
  const date = new Date(`${text}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && utcDay(date) === text;
}

/** An exception covers its findings through the end of its expiry day (UTC); from the next day on it is expired. */
export function isExpired(entry: Pick<ExceptionEntry, 'expires'>, now: Date): boolean {
  return utcDay(now) > entry.expires;
}

/** Whole days from today (UTC) to the expiry day: 0 on the last day, negative once expired. */
export function daysLeft(entry: Pick<ExceptionEntry, 'expires'>, now: Date): number {
  return Math.round((Date.parse(`${entry.expires}T00:00:00.000Z`) - Date.parse(`${utcDay(now)}T00:00:00.000Z`)) / DAY_MS);
}

/** The expiry day `days` days after `now` (UTC). */
export function dayAfter(now: Date, days: number): string {
  return utcDay(new Date(Date.parse(`${utcDay(now)}T00:00:00.000Z`) + days * DAY_MS));
}

/** The expiry days a form offers on `now` (accepting or renewing): tomorrow at the soonest, `maxDays` away at the latest, 90 days (or the maximum) by default. */
export function expiryChoices(now: Date, maxDays: number): { readonly min: string; readonly max: string; readonly proposed: string } {
  return { min: dayAfter(now, 1), max: dayAfter(now, maxDays), proposed: dayAfter(now, Math.min(90, maxDays)) };
}

/** Does `entry` cover a finding of `checkId` on `resourceId`, found by a scan of `workspaceId`? */
export function covers(entry: ExceptionEntry, finding: { readonly checkId: string; readonly resourceId: string }, workspaceId: string): boolean {
  if (entry.checkId.toLowerCase() !== finding.checkId.toLowerCase()) return false;
  return isWithinScope(finding.resourceId, entry.resource) || isWithinScope(workspaceId, entry.resource);
}

/** The RiskException a finding carries: the entry without its matching keys. */
export function riskException(entry: ExceptionEntry): RiskException {
  return { id: entry.id, reason: entry.reason, owner: entry.owner, expires: entry.expires, createdBy: entry.createdBy, createdAt: entry.createdAt };
}
