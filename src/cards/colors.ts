/**
 * Semantic colours only (the host maps them for light, dark and high contrast): never a hex value.
 */
import type { Status } from '../checks/types';

export type TextColor = 'default' | 'accent' | 'good' | 'warning' | 'attention';

export const STATUS_COLORS: Readonly<Record<Status, TextColor>> = {
  fail: 'attention',
  error: 'warning',
  manual: 'accent',
  pass: 'good',
  not_applicable: 'default',
  accepted: 'accent',
};

export function scoreColor(score: number | undefined): TextColor {
  if (score === undefined) return 'default';
  if (score >= 80) return 'good';
  if (score >= 50) return 'warning';
  return 'attention';
}
