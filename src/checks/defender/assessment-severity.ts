/**
 * How a finding names a Defender assessment's severity. Assessments_List (2021-06-01) has no `$expand`, and its
 * example carries no `metadata`, so the severity is usually absent from what a scan reads: then nothing is said,
 * rather than "(severity unknown)" on every line.
 */
export function severityNote(severity: string | undefined): string {
  return severity === undefined || severity.trim() === '' ? '' : ` (severity ${severity})`;
}
