/** The notification cards parse as Adaptive Cards 1.5 with no warnings in the adaptivecards renderer's model. */
import { baselineCard, changeCard, digestCard, MAX_ITEMS_PER_SECTION, scanFailedCard } from '../../src/notifications/cards';
import { diffReports } from '../../src/notifications/diff';
import type { Subscription } from '../../src/notifications/subscriptions';
import type { AdaptiveCard } from '../../src/dialogs/port';
import { watchConfirmationCard, watchListCard } from '../../src/dialogs/watch-cards';
import { markdownText } from '../../src/cards/escape';
import { scannedAtSentence } from '../../src/report/wording';
import { CONVERSATION_ID, CONVERSATION_REF, finding, report, WS_ID } from './helpers';

interface ParseContext {
  eventCount: number;
  getEventAt(i: number): { message: string };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as {
  AdaptiveCard: new () => { parse(json: unknown, ctx: ParseContext): void; validateProperties(): { validationEvents: { message: string }[] } };
  SerializationContext: new () => ParseContext;
};

const SUB: Subscription = {
  id: 's1',
  conversationRef: CONVERSATION_REF,
  conversationId: CONVERSATION_ID,
  workspaceTarget: 'ws-prod',
  workspace: { id: WS_ID, name: 'ws-prod' },
  schedule: { cron: '0 8 * * *', timezone: 'UTC' },
  weeklyDigest: true,
  createdBy: { userId: 'u', name: 'Ada' },
  createdAt: '2030-01-01T00:00:00.000Z',
  enabled: false,
  disabledReason: 'Teams refused the post (403)',
};

function problems(card: AdaptiveCard): string[] {
  const parsed = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext();
  parsed.parse(card, ctx);
  const messages = Array.from({ length: ctx.eventCount }, (_, i) => ctx.getEventAt(i).message);
  return [...messages, ...parsed.validateProperties().validationEvents.map((e) => e.message)];
}

describe('notification cards', () => {
  const before = report([finding('A', 'pass'), finding('B', 'fail'), finding('D', 'pass')]);
  const many = Array.from({ length: MAX_ITEMS_PER_SECTION + 3 }, (_, i) => finding(`N-${i}`, 'fail'));
  const after = report([finding('A', 'fail'), finding('B', 'pass'), finding('C', 'error'), finding('D', 'manual'), ...many]);
  const cards: [string, AdaptiveCard][] = [
    ['change', changeCard(SUB, after, diffReports(before, after))],
    ['baseline', baselineCard(SUB, after)],
    ['digest', digestCard(SUB, after)],
    ['scan failed', scanFailedCard(SUB, 'Missing Microsoft.MachineLearningServices/workspaces/read')],
    ['watch confirmation', watchConfirmationCard(SUB, true, { kind: 'taken', report: after })],
    ['watch confirmation, baseline to come', watchConfirmationCard(SUB, true, { kind: 'pending', reason: 'The scan timed out.' })],
    ['watch list', watchListCard([SUB])],
  ];

  it.each(cards)('%s card is valid Adaptive Card 1.5', (_name, card) => {
    expect(card.version).toBe('1.5');
    expect(problems(card)).toEqual([]);
  });

  it.each(cards.slice(0, 3))('%s card says when it scanned in the scan card\'s words (no raw ISO time, no escaped version)', (_name, card) => {
    const text = JSON.stringify(card);
    expect(scannedAtSentence(after)).toBe('Scanned 2030-01-01 08:00:00 UTC with check set 1.0.0.');
    expect(text).toContain(JSON.stringify(markdownText(scannedAtSentence(after))).slice(1, -1));
    expect(text).toContain('Next: daily at 08:00 (UTC).');
    expect(text).not.toContain(after.scannedAt);
    expect(text).not.toMatch(/\\\\\./);
  });

  it('caps long sections and counts the rest', () => {
    const text = JSON.stringify(cards[0]![1]);
    expect(text).toContain('…and 4 more'); // 12 new failures, 8 shown
    expect(text).toContain('(passing → manual)');
    expect(text).toContain('Not assessed any more');
  });
});
