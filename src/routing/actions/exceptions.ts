/** Accepted-risk buttons: the form from a finding, accept, and renew / revoke on an exception. */
import { declareActions } from './declare';

export const EXCEPTION_ACTIONS = declareActions('exceptions', {
  form: 'exceptions.form',
  accept: 'exceptions.accept',
  renew: 'exceptions.renew',
  revoke: 'exceptions.revoke',
});
