/**
 * The welcome card sent when the bot is installed in a team, a group chat or a personal chat: what the bot
 * does, and one button per way to start.
 */
import { WELCOME_ACTIONS } from '../routing/actions/welcome';
import type { AdaptiveCard } from './port';
import { quickActionButtons } from './help';

const WHAT_IT_DOES: readonly { readonly title: string; readonly value: string }[] = [
  { title: 'Teaches', value: 'Answers questions on the Azure Machine Learning security baseline and runs the workshop.' },
  { title: 'Checks', value: 'Scans a workspace and its storage, key vault, registry, network and roles.' },
  { title: 'Reports', value: 'Findings as cards with evidence, risk, a Microsoft Learn link and an az CLI fix.' },
  { title: 'Watches', value: 'Re-scans on a schedule and posts here only when findings change.' },
  { title: 'Guides', value: 'Walks you through the hands-on lab and validates each exercise.' },
];

export function buildWelcomeCard(): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: 'Hi, I am Baseline Guardian', size: 'Large', weight: 'Bolder', wrap: true },
      {
        type: 'TextBlock',
        text: 'I help you secure Azure Machine Learning workspaces against the Microsoft security baseline.',
        wrap: true,
      },
      { type: 'FactSet', facts: WHAT_IT_DOES },
      {
        type: 'TextBlock',
        text: 'No Azure subscription at hand? "Scan the sample" checks a built-in workspace. Type "help" any time.',
        wrap: true,
        isSubtle: true,
      },
    ],
    actions: quickActionButtons(Object.values(WELCOME_ACTIONS)),
  };
}
