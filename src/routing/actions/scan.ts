/** The scan feature's buttons: summary, findings list, finding card, workspace choice, "check this on my workspace". */
import { declareActions } from './declare';

export const SCAN_ACTIONS = declareActions('scan', {
  rescan: 'scan.rescan',
  recheck: 'scan.recheck',
  page: 'scan.page',
  run: 'scan.run',
  detail: 'scan.detail',
  summary: 'scan.summary',
  /** From a Q&A answer: run these checks on a workspace the user picks. */
  runChecks: 'scan.run-checks',
});
