/**
 * A name lookup answers only with what the conversation may scan. Resource Graph is bounded by the allowed
 * scopes already, but a team's binding (and, in delegated mode, the absence of any scope list) narrows further:
 * a workspace outside them is reported as not found — never by its id, resource group or subscription — and an
 * ambiguous name lists only the candidates this conversation may choose.
 */
import type { ConversationInfo } from '../shared/conversation';
import type { ScanGuard } from './scan-guard';
import type { Resolution } from '../scan/scan-service';

/** What a conversation is told about a name whose only matches lie outside what it may scan. */
export function notFoundHere(target: string): Resolution {
  const what = target.trim().startsWith('/') ? 'such workspace' : `workspace named "${target.trim().slice(0, 64)}"`;
  return { kind: 'not_found', message: `I found no ${what} that this conversation may scan.` };
}

export async function boundResolution(
  guard: Pick<ScanGuard, 'authorizeResolved' | 'filterVisible'>,
  conversation: ConversationInfo,
  target: string,
  resolution: Resolution,
): Promise<Resolution> {
  switch (resolution.kind) {
    case 'found': {
      const decision = await guard.authorizeResolved(resolution.workspace.id, conversation);
      if (decision.allowed) return resolution;
      // A refusal about the whole conversation (sample-only mode, tenant) says what to do and nothing about the
      // workspace: it is kept. One that names the workspace (outside the scopes or the binding) is not.
      const namesIt = decision.reason.toLowerCase().includes(resolution.workspace.id.toLowerCase());
      return namesIt ? notFoundHere(target) : { kind: 'not_found', message: decision.reason };
    }
    case 'ambiguous': {
      const candidates = await guard.filterVisible(resolution.candidates, conversation);
      const [only] = candidates;
      if (only === undefined) return notFoundHere(target);
      return candidates.length === 1 ? { kind: 'found', workspace: only } : { kind: 'ambiguous', candidates };
    }
    case 'not_found':
      return resolution;
  }
}
