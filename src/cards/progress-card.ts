import type { AdaptiveCard } from './card';
import { progressDetail, progressSentence } from '../report/wording';
import { markdownText, plainText } from './escape';
import { expandCard } from './template';
import template from './templates/progress.json';

export interface ScanProgressView {
  readonly workspaceName: string;
  readonly done: number;
  readonly total: number;
  /** The read that just finished ("role assignments"); '' before the first. */
  readonly label: string;
}

/** "Scanning ws-prod… 3/12 reads" with a bar; posted at once and updated in place as reads complete. */
export function scanProgressCard(view: ScanProgressView): AdaptiveCard {
  const total = Math.max(0, Math.floor(view.total));
  const done = Math.min(total, Math.max(0, Math.floor(view.done)));
  const title = progressSentence(view.workspaceName, done, total);
  return expandCard(template, {
    fallbackText: plainText(title),
    title: markdownText(title),
    detail: markdownText(progressDetail(view.label)),
    done,
    remaining: total - done,
  });
}
