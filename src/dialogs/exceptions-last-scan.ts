/**
 * Only a failed finding can be accepted. "accept … on <workspace>" names no finding, so the conversation's last scan
 * tells: when it scanned that workspace and ran the check, a check that does not fail there is refused with what
 * the scan found; otherwise nothing tells, and the acceptance is saved to apply when the finding fails.
 * The last scan is read under the same rule as paging through it (someone else's scan, or one no longer
 * authorised here, tells nothing).
 */
import type { Finding, Status } from '../checks/types';
import type { GuardianStore } from '../storage/store';
import { quoteUserText } from '../security/input';
import { lastScanRefusal, type LastScanAccess } from './last-scan-access';
import type { ConversationInfo } from './port';
import { LastScans } from './scan-state';

export type LastScanVerdict =
  | { readonly kind: 'fails' }
  | { readonly kind: 'does-not-fail'; readonly refusal: string }
  | { readonly kind: 'unknown'; readonly note: string };

/** A finding that is failing, whether or not a risk is accepted on it already (accepting again renews it). */
const FAILING: readonly Status[] = ['fail', 'accepted'];

function notFailing(checkId: string, workspace: string, findings: readonly Finding[], scannedAt: string): string {
  const when = `in the last scan here (${scannedAt.slice(0, 16).replace('T', ' ')} UTC)`;
  const statuses = new Set(findings.map((f) => f.status));
  const what = statuses.has('error')
    ? `could not be assessed on ${workspace} ${when}; accepting an unknown is not a decision: fix what the scan could not read, then scan again`
    : statuses.size === 1 && statuses.has('pass')
      ? `passes on ${workspace} ${when}, so there is no failed finding to accept`
      : `does not fail on ${workspace} ${when} (${[...statuses].sort().join(', ').replace(/_/g, ' ')}), so there is no failed finding to accept`;
  return `I saved nothing: ${checkId} ${what}.`;
}

export type LastScanVerdicts = (conversation: ConversationInfo, checkId: string, workspace: { readonly id: string; readonly name: string }) => Promise<LastScanVerdict>;

/** Reads the conversation's last scan (the scan feature's record in `store`) for whether a check fails on a workspace. */
export function lastScanVerdicts(store: GuardianStore, access: LastScanAccess): LastScanVerdicts {
  const lastScans = new LastScans(store);
  return async (conversation, checkId, workspace) => {
    const name = quoteUserText(workspace.name, 120);
    const unknown: LastScanVerdict = { kind: 'unknown', note: `No scan of ${name} in this conversation tells whether ${checkId} fails there: the exception applies only while it fails.` };
    const last = await lastScans.get(conversation.conversationId);
    if (last === undefined || last.report.workspace.id.toLowerCase() !== workspace.id.toLowerCase()) return unknown;
    if ((await lastScanRefusal(access, last, conversation)) !== undefined) return unknown;
    const findings = last.report.findings.filter((f) => f.checkId.toLowerCase() === checkId.toLowerCase());
    if (findings.length === 0) return unknown;
    if (findings.some((f) => FAILING.includes(f.status))) return { kind: 'fails' };
    return { kind: 'does-not-fail', refusal: notFailing(checkId, name, findings, last.report.scannedAt) };
  };
}
