/** The watch feature's button: stop watching (on the confirmation, the list and change alerts). */
import { declareActions } from './declare';

export const WATCH_ACTIONS = declareActions('watch', { remove: 'watch.remove' });
