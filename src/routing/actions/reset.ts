/** The reset confirmation's buttons. */
import { declareActions } from './declare';

export const RESET_ACTIONS = declareActions('reset', { confirm: 'reset.confirm', cancel: 'reset.cancel' });
