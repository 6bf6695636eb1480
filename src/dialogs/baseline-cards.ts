/** The baseline summary card: per category, prompts answered and (after a scan) failed checks. */
import { markdownText } from '../cards/escape';
import type { ScanReport } from '../checks/types';
import { formatTime } from '../report/wording';
import type { CategorySummary } from '../knowledge/baseline-document';
import type { WorkshopRecord } from '../knowledge/workshop-record';
import type { AdaptiveCard } from './port';
import { card } from './qna-cards';
import type { CardElement } from './qna-card-text';

export interface BaselineCardView {
  readonly summaries: readonly CategorySummary[];
  readonly report: ScanReport | undefined;
  readonly workshop: WorkshopRecord | undefined;
  readonly fileOffered: boolean;
}

export function buildBaselineCard({ summaries, report, workshop, fileOffered }: BaselineCardView): AdaptiveCard {
  const body: CardElement[] = [{ type: 'TextBlock', text: 'Your Azure ML security baseline', size: 'Large', weight: 'Bolder', wrap: true }];
  body.push({
    type: 'TextBlock',
    wrap: true,
    isSubtle: true,
    text:
      workshop === undefined
        ? 'No workshop answers yet: this is the reference baseline. Say **start workshop** to add your own answers.'
        : `Workshop ${workshop.status === 'done' ? 'finished' : 'in progress'}.`,
  });
  if (report !== undefined) {
    body.push({ type: 'TextBlock', wrap: true, text: `Findings from the scan of ${markdownText(report.workspace.name, 100)} at ${markdownText(formatTime(report.scannedAt), 40)}.` });
  }
  body.push({
    type: 'FactSet',
    facts: summaries.map((s) => ({
      title: s.title,
      value: `${s.answered}/${s.prompts} answered${s.findings !== undefined ? ` · ${s.findings.fail} failed, ${s.findings.error} not assessed, ${s.findings.pass} passed` : ''}`,
    })),
  });
  body.push({
    type: 'TextBlock',
    wrap: true,
    size: 'Small',
    isSubtle: true,
    text: fileOffered
      ? 'I am sending the full baseline as a Markdown file.'
      : 'The full document (answers, reference guidance, findings) is available in a personal chat with me, or with `guardian baseline` on the command line.',
  });
  return card(body);
}
