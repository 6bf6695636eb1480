/**
 * The welcome and help cards' quick actions. Each stands for a command the user could have typed: the bot runs
 * a click exactly like that message (src/dialogs/help.ts holds the titles and texts).
 */
import { declareActions } from './declare';

export const WELCOME_ACTIONS = declareActions('welcome', {
  workshop: 'welcome.workshop',
  scan: 'welcome.scan',
  lab: 'welcome.lab',
  help: 'welcome.help',
});
