/** The workshop's buttons: choose categories and start, then move through the prompts. */
import { declareActions } from './declare';

export const WORKSHOP_ACTIONS = declareActions('workshop', {
  start: 'workshop.start',
  skip: 'workshop.skip',
  next: 'workshop.next',
  back: 'workshop.back',
  repeat: 'workshop.repeat',
  pause: 'workshop.pause',
  continue: 'workshop.continue',
});
