/** The lab's buttons: progress, exercise steps and validation, the parameters form, finding the workspace. */
import { declareActions } from './declare';

export const LAB_ACTIONS = declareActions('lab', {
  start: 'lab.start',
  status: 'lab.status',
  continue: 'lab.continue',
  validate: 'lab.validate',
  done: 'lab.done',
  skip: 'lab.skip',
  back: 'lab.back',
  next: 'lab.next',
  help: 'lab.help',
  showParams: 'lab.show-params',
  params: 'lab.params',
  find: 'lab.find',
  pick: 'lab.pick',
  reset: 'lab.reset',
});
