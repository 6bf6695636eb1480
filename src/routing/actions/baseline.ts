/** The baseline document's button (offered at the end of the workshop). */
import { declareActions } from './declare';

export const BASELINE_ACTIONS = declareActions('baseline', { show: 'baseline.show' });
