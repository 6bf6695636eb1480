/** The baseline summary card: per category, prompts answered and (after a scan) failed checks. */
import { markdownText } from '../cards/escape';
import type { ScanReport } from '../checks/types';
import { formatTime, type ReportScope } from '../report/wording';
import { partialScanLabel, SUMMARY_COLUMNS, type CategorySummary } from '../knowledge/baseline-document';
import type { WorkshopRecord } from '../knowledge/workshop-record';
import { whereIs } from './workshop/status';
import type { AdaptiveCard } from './port';
import { card } from './qna-cards';
import type { CardElement } from './qna-card-text';

export interface BaselineCardView {
  readonly summaries: readonly CategorySummary[];
  readonly report: ScanReport | undefined;
  /** What that scan covered (absent: the whole baseline). */
  readonly scanScope?: ReportScope;
  readonly workshop: WorkshopRecord | undefined;
  readonly fileOffered: boolean;
}

function findingsText(summary: CategorySummary): string {
  if (summary.notScanned === true) return ' · not checked by this scan';
  const f = summary.findings;
  return f !== undefined ? ` · ${SUMMARY_COLUMNS.map((c) => `${f[c.status]} ${c.label.toLowerCase()}`).join(', ')}` : '';
}

export function buildBaselineCard({ summaries, report, scanScope, workshop, fileOffered }: BaselineCardView): AdaptiveCard {
  const body: CardElement[] = [{ type: 'TextBlock', text: 'Your Azure ML security baseline', size: 'Large', weight: 'Bolder', wrap: true }];
  body.push({
    type: 'TextBlock',
    wrap: true,
    isSubtle: true,
    text:
      workshop === undefined
        ? 'No workshop answers yet: this is the reference baseline. Say **start workshop** to add your own answers.'
        : `Workshop ${whereIs(workshop)}.`,
  });
  if (report !== undefined) {
    const partial = partialScanLabel(scanScope);
    const from = `Findings from the scan of ${markdownText(report.workspace.name, 100)} at ${markdownText(formatTime(report.scannedAt), 40)}`;
    body.push({ type: 'TextBlock', wrap: true, text: partial === undefined ? `${from}.` : `${from} — ${partial}.` });
  }
  body.push({
    type: 'FactSet',
    facts: summaries.map((s) => ({
      title: s.title,
      value: `${s.answered}/${s.prompts} answered${findingsText(s)}`,
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
