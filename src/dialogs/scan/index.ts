/**
 * The scan conversation: "scan ws-prod", "check rbac on <id>", "scan sample" (check-request.ts). Posts a progress
 * card at once, updates that same message as reads complete, then replaces it with the one summary card (findings
 * on demand). An area scan ("is public network access off on ws-prod?", "check rbac") is titled as what it is and
 * opens with the yes/no answer to its question; "defender status for subscription <id>" answers with the plans card.
 *
 * One module per card verb of SCAN_ACTIONS: re-check (recheck.ts), re-scan (rescan.ts), the workspace chosen
 * (run.ts), related checks (run-checks.ts), and the stored scan's summary, pages and details (stored-scan.ts).
 * Azure is reached only through the guarded scans handle in the options (src/security/guarded-scans.ts).
 */
import { SCAN_ACTIONS } from '../../routing/actions/scan';
import { dispatchAction, unknownButton, type ActionHandlers } from '../action-handlers';
import type { Feature, TurnIntentHandlers } from '../feature';
import { handleCheckRequest } from './check-request';
import { createScanContext, type ScanFeatureOptions } from './context';
import { recheck } from './recheck';
import { rescan } from './rescan';
import { run } from './run';
import { runChecks } from './run-checks';
import { showDetail, showPage, showSummary } from './stored-scan';

export type { ScanFeatureOptions } from './context';
export { handleCheckRequest } from './check-request';
export { SOMEONE_ELSES_SCAN } from '../last-scan-access';

export function createScanFeature(options: ScanFeatureOptions): Feature & { readonly intents: Pick<TurnIntentHandlers, 'check'> } {
  const ctx = createScanContext(options);
  const actions: ActionHandlers<typeof SCAN_ACTIONS> = {
    [SCAN_ACTIONS.recheck]: (port, action) => recheck(ctx, port, action),
    [SCAN_ACTIONS.rescan]: (port, action) => rescan(ctx, port, action),
    [SCAN_ACTIONS.summary]: (port, action) => showSummary(ctx, port, action),
    [SCAN_ACTIONS.run]: (port, action) => run(ctx, port, action),
    [SCAN_ACTIONS.runChecks]: (port, action) => runChecks(ctx, port, action),
    [SCAN_ACTIONS.page]: (port, action) => showPage(ctx, port, action),
    [SCAN_ACTIONS.detail]: (port, action) => showDetail(ctx, port, action),
  };
  return {
    name: 'scan',
    intents: {
      check: (intent, { port, message }) => handleCheckRequest(ctx, port, intent, message.text),
    },
    onAction: dispatchAction(actions, unknownButton),
  };
}
