/**
 * A short card for what is not a result: an error with its reason, a refusal, a notice. Any feature may use it.
 */
import type { AdaptiveCard } from './card';
import type { TextColor } from './colors';
import { markdownText, plainText } from './escape';
import { expandCard } from './template';
import template from './templates/notice.json';

export interface NoticeView {
  readonly title: string;
  /** One paragraph each; plain text, escaped here. */
  readonly lines: readonly string[];
  readonly tone?: 'info' | 'warning' | 'error' | 'success';
}

const TONE_COLORS: Readonly<Record<NonNullable<NoticeView['tone']>, TextColor>> = {
  info: 'default',
  warning: 'warning',
  error: 'attention',
  success: 'good',
};

export function noticeCard(view: NoticeView): AdaptiveCard {
  return expandCard(template, {
    fallbackText: plainText([view.title, ...view.lines].join(' '), 500),
    title: markdownText(view.title, 200),
    color: TONE_COLORS[view.tone ?? 'info'],
    lines: view.lines.slice(0, 10).map((line) => markdownText(line, 1000)),
  });
}

export function errorCard(title: string, reason: string): AdaptiveCard {
  return noticeCard({ title, lines: [reason], tone: 'error' });
}
