/** The reset cards: "This deletes …: Yes / No", and what was deleted. Workspace names are escaped (they come from Azure). */
import { executeButton } from '../cards/actions';
import { markdownText } from '../cards/escape';
import type { AdaptiveCard } from './port';
import type { ResetInventory } from './reset-data';
import { RESET_ACTIONS } from '../routing/actions/reset';

const SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
const MAX_NAMES = 10;

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function names(list: readonly string[]): string {
  const shown = list.slice(0, MAX_NAMES).map((n) => markdownText(n, 80));
  return list.length > MAX_NAMES ? `${shown.join(', ')} and ${list.length - MAX_NAMES} more` : shown.join(', ');
}

/** One line per kind of data the inventory holds. */
export function inventoryLines(inventory: ResetInventory, personal: boolean): string[] {
  const lines: string[] = [];
  if (inventory.lastScan) lines.push("this conversation's last scan report");
  if (inventory.workshop) lines.push(personal ? 'your workshop progress and answers' : "this conversation's workshop progress and everyone's answers");
  if (inventory.fileOffers > 0) lines.push(`${plural(inventory.fileOffers, 'pending file offer', 'pending file offers')} (baseline documents not yet saved)`);
  if (inventory.labProgress) lines.push('your lab progress');
  if (inventory.watches.length > 0) {
    lines.push(`${plural(inventory.watches.length, 'watch', 'watches')} of this conversation (${names(inventory.watches)}) — scheduled scans and notifications here stop`);
  }
  if (inventory.exceptions > 0) lines.push(`${plural(inventory.exceptions, 'accepted risk', 'accepted risks')} of this conversation, with their history — the findings fail again`);
  return lines;
}

export function buildResetConfirmCard(inventory: ResetInventory, personal: boolean): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: SCHEMA,
    version: '1.5',
    body: [
      { type: 'TextBlock', text: 'Delete your data?', size: 'Medium', weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: 'This deletes:', wrap: true },
      { type: 'TextBlock', text: inventoryLines(inventory, personal).map((line) => `- ${line}`).join('\n'), wrap: true },
      { type: 'TextBlock', text: 'It cannot be undone.', isSubtle: true, wrap: true },
    ],
    actions: [
      { ...executeButton('Yes, delete', RESET_ACTIONS.confirm), style: 'destructive' },
      { ...executeButton('No, keep it', RESET_ACTIONS.cancel) },
    ],
  };
}

/** How many records the inventory counts (a watch is one, though its run state is a second key). */
export function recordCount(inventory: ResetInventory): number {
  return Number(inventory.lastScan) + Number(inventory.workshop) + inventory.fileOffers + Number(inventory.labProgress) + inventory.watches.length + inventory.exceptions;
}

export function buildResetDoneCard(deleted: ResetInventory, personal: boolean): AdaptiveCard {
  const lines = inventoryLines(deleted, personal);
  const count = recordCount(deleted);
  return {
    type: 'AdaptiveCard',
    $schema: SCHEMA,
    version: '1.5',
    body: [
      { type: 'TextBlock', text: count > 0 ? `Deleted ${plural(count, 'record', 'records')}` : 'Nothing to delete', size: 'Medium', weight: 'Bolder', wrap: true },
      {
        type: 'TextBlock',
        text: lines.length > 0 ? lines.map((line) => `- ${line}`).join('\n') : 'I had nothing stored for this conversation any more.',
        wrap: true,
      },
    ],
  };
}

export function buildResetCancelledCard(): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: SCHEMA,
    version: '1.5',
    body: [{ type: 'TextBlock', text: 'Nothing was deleted.', wrap: true }],
  };
}
