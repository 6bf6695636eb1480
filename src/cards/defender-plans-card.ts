/**
 * "Defender status for subscription <id>": the direct answer, then each Defender plan the baseline asks for —
 * tier, sub-plan, extensions, pass or fail with the check's own sentence, and the `az security pricing create`
 * command that turns it on — then the DevOps connector and the subscription's open recommendations.
 */
import { SEVERITIES, type Finding } from '../checks/types';
import type { DefenderStatusReport } from '../checks/defender-report';
import { defenderHeadline, defenderPlanBadge, defenderStatusSentence, formatTime, SEVERITY_LABELS, STATUS_LABELS } from '../report/wording';
import type { AdaptiveCard } from './card';
import { codeLines } from './code-block';
import { STATUS_COLORS } from './colors';
import { markdownText, plainText } from './escape';
import { expandCard } from './template';
import template from './templates/defender-plans.json';

export const DEFENDER_PLANS_LEARN_URL = 'https://learn.microsoft.com/azure/defender-for-cloud/enable-enhanced-security';

const DEVOPS_CHECK = 'AML-LT-013';

function extensionsText(extensions: DefenderStatusReport['plans'][number]['extensions']): string {
  return extensions.length === 0 ? 'none' : extensions.map((e) => `${e.name} ${e.isEnabled ? 'on' : 'off'}`).join(', ');
}

function devOpsLine(findings: readonly Finding[]): { readonly text: string; readonly status: Finding['status'] } {
  const finding = findings.find((f) => f.checkId === DEVOPS_CHECK);
  if (finding === undefined) return { text: `${DEVOPS_CHECK} returned no result.`, status: 'error' };
  return { text: `${STATUS_LABELS[finding.status]}: ${finding.message}`, status: finding.status };
}

function recommendationLines(open: DefenderStatusReport['openRecommendations']): { readonly headline: string; readonly top: readonly string[] } {
  if (!open.ok) return { headline: `Not assessed: ${open.message}`, top: [] };
  if (open.count === 0) return { headline: 'Defender for Cloud lists no open recommendation in this subscription.', top: [] };
  // The assessments list rarely carries a severity (no $expand in its contract): rank and label only what it gives.
  const ranked = open.top.some((r) => r.severity !== undefined);
  const headline = `${open.count} open recommendation${open.count === 1 ? '' : 's'} in this subscription${open.count > open.top.length ? `; the ${open.top.length} ${ranked ? 'most severe' : 'first'}` : ''}:`;
  const top = open.top.map((r) => {
    const known = SEVERITIES.find((s) => s === r.severity?.toLowerCase());
    const severity = known !== undefined ? SEVERITY_LABELS[known] : r.severity;
    const resource = r.resourceId.split('/').filter((s) => s !== '').at(-1) ?? r.resourceId;
    return `${severity === undefined ? '' : `${severity} · `}${r.displayName} (${resource})`;
  });
  return { headline, top };
}

export function defenderPlansCard(report: DefenderStatusReport): AdaptiveCard {
  const answer = defenderStatusSentence(report);
  // The answer's colour follows the plans asked for in every subscription, as its headline does.
  const required = report.plans.filter((p) => p.condition === undefined);
  const failing = required.some((p) => p.status === 'fail');
  const unread = required.some((p) => p.status === 'error');
  const devOps = devOpsLine(report.findings);
  const recommendations = recommendationLines(report.openRecommendations);
  return expandCard(template, {
    fallbackText: plainText(answer, 500),
    t: {
      heading: markdownText('Defender for Cloud plans'),
      plan: plainText('Plan'),
      tier: plainText('Tier'),
      subPlan: plainText('Sub-plan'),
      extensions: plainText('Extensions'),
      devOps: markdownText('DevOps security connector'),
      recommendations: markdownText('Open recommendations'),
      learn: plainText('Microsoft Learn'),
    },
    subscription: markdownText(report.subscription, 200),
    scannedAt: markdownText(`Read ${formatTime(report.scannedAt)} with check set ${report.checkSetVersion}.`),
    headline: markdownText(defenderHeadline(report)),
    answer: markdownText(answer, 1000),
    answerColor: failing ? 'attention' : unread ? 'warning' : 'good',
    plans: report.plans.map((p) => ({
      badge: markdownText(defenderPlanBadge(p)),
      color: p.condition === undefined ? STATUS_COLORS[p.status] : STATUS_COLORS.manual,
      title: markdownText(p.title, 200),
      plan: markdownText(p.plan, 100),
      tier: markdownText(p.tier ?? 'not enabled (missing from the pricings)', 100),
      subPlan: markdownText(p.subPlan ?? 'none', 100),
      extensions: markdownText(extensionsText(p.extensions), 600),
      message: markdownText(p.message, 600),
      // One TextRun per line (cards/code-block.ts): the command copies exactly as written.
      fix: p.fix === undefined ? [] : codeLines(p.fix, 4, 400),
    })),
    devOps: markdownText(devOps.text, 600),
    devOpsColor: STATUS_COLORS[devOps.status],
    recommendations: markdownText(recommendations.headline, 600),
    topRecommendations: recommendations.top.map((line) => markdownText(line, 300)),
    learnUrl: DEFENDER_PLANS_LEARN_URL,
  });
}
