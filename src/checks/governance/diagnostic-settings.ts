/**
 * Does a resource's set of diagnostic settings send the logs that matter somewhere?
 *
 * A setting counts when it has a destination (Log Analytics, storage or Event Hub) and its *enabled* logs
 * include an accepted category group (`allLogs`, or `audit` where that is enough) or every required category.
 * Disabled entries do not count: ARM keeps them in the payload with `enabled: false`.
 */
import type { DiagnosticSetting } from '../../azure/snapshot';
import type { Evidence } from '../types';
import { evidence } from '../define';

export interface LogRequirement {
  /** Category groups that cover what is needed, e.g. `['allLogs']` or `['audit', 'allLogs']`. */
  readonly groups: readonly string[];
  /** Alternatively, every one of these categories enabled. */
  readonly categories: readonly string[];
}

export interface LogCoverage {
  readonly covered: boolean;
  /** The setting that covers, or the closest one when none does. */
  readonly setting: DiagnosticSetting | undefined;
  /** Why it is not covered (empty when covered). */
  readonly reason: string;
  readonly evidence: readonly Evidence[];
}

export function destinationOf(setting: DiagnosticSetting): string | undefined {
  if (nonEmpty(setting.workspaceId)) return `Log Analytics ${setting.workspaceId}`;
  if (nonEmpty(setting.storageAccountId)) return `storage ${setting.storageAccountId}`;
  if (nonEmpty(setting.eventHubAuthorizationRuleId)) return `Event Hub ${setting.eventHubAuthorizationRuleId}`;
  return undefined;
}

export function evaluateLogCoverage(settings: readonly DiagnosticSetting[], requirement: LogRequirement): LogCoverage {
  const expectedLogs = describeRequirement(requirement);
  if (settings.length === 0) {
    return {
      covered: false,
      setting: undefined,
      reason: 'no diagnostic setting exists',
      evidence: [evidence('diagnosticSettings', undefined, `a setting with ${expectedLogs} and a destination`)],
    };
  }
  const judged = settings.map((setting) => judge(setting, requirement));
  const best = judged.find((j) => j.logsOk && j.destination !== undefined) ?? [...judged].sort((a, b) => score(b) - score(a))[0]!;
  const covered = best.logsOk && best.destination !== undefined;
  const reasons: string[] = [];
  if (!best.logsOk) reasons.push(best.missing.length > 0 ? `it does not send ${listSome(best.missing)}` : `it does not send ${expectedLogs}`);
  if (best.destination === undefined) reasons.push('it has no destination');
  return {
    covered,
    setting: best.setting,
    reason: covered ? '' : `setting "${best.setting.name}": ${reasons.join(' and ')}`,
    evidence: [
      evidence(`diagnosticSettings[${best.setting.name}].logs`, best.enabledText, expectedLogs),
      evidence(`diagnosticSettings[${best.setting.name}].destination`, best.destination, 'Log Analytics workspace, storage account or Event Hub'),
    ],
  };
}

interface Judgement {
  readonly setting: DiagnosticSetting;
  readonly logsOk: boolean;
  readonly missing: readonly string[];
  readonly destination: string | undefined;
  readonly enabledText: string | undefined;
}

function judge(setting: DiagnosticSetting, requirement: LogRequirement): Judgement {
  const enabled = setting.logs.filter((log) => log.enabled);
  const groupOk = enabled.some((log) => requirement.groups.some((g) => same(log.categoryGroup, g)));
  const missing = groupOk ? [] : requirement.categories.filter((c) => !enabled.some((log) => same(log.category, c)));
  const logsOk = groupOk || (requirement.categories.length > 0 && missing.length === 0);
  const enabledText =
    enabled.length === 0 ? undefined : enabled.map((log) => (log.categoryGroup !== undefined ? `group ${log.categoryGroup}` : (log.category ?? '?'))).join(', ');
  return { setting, logsOk, missing, destination: destinationOf(setting), enabledText };
}

function score(j: Judgement): number {
  return (j.logsOk ? 2 : 0) + (j.destination !== undefined ? 1 : 0) - j.missing.length / 1000;
}

function describeRequirement(requirement: LogRequirement): string {
  const groups = requirement.groups.map((g) => `categoryGroup ${g}`).join(' or ');
  if (requirement.categories.length === 0) return groups;
  return `${groups} (or all ${requirement.categories.length} categories: ${listSome(requirement.categories)})`;
}

function listSome(items: readonly string[]): string {
  return items.length <= 5 ? items.join(', ') : `${items.slice(0, 5).join(', ')} and ${items.length - 5} more`;
}

function same(a: string | undefined, b: string): boolean {
  return a !== undefined && a.toLowerCase() === b.toLowerCase();
}

function nonEmpty(text: string | undefined): text is string {
  return text !== undefined && text.trim() !== '';
}
