/**
 * The ids of the baseline's own texts: workshop questions (NS-01 … BR-02) and checks (AML-NET-001). A message that
 * names one asks about that text; such an id is never the name of a workspace.
 */
export const QUESTION_ID = /\b(NS|WVN|TVN|IM|PA|DP|AM|LT|PV|BR)-(\d{2})\b/i;
export const CHECK_ID = /\bAML-([A-Z]+)-(\d{3})\b/i;

/**
 * The check catalog's own prefixes: "aml-weu-001" has the shape of a check id but is a workspace (West Europe).
 * test/knowledge/router.test.ts holds every explainer's id to it.
 */
const CATALOG_CHECK_ID = /^AML-(NET|IDM|DP|LT|PRA|PV|AM|BR)-\d{3}$/i;

/** The catalog check ids a message names, upper-cased, each once, in order: "AML-NET-001 and aml-idm-006". */
export function namedCheckIds(text: string): string[] {
  const tokens = text.match(/\bAML-[A-Z]+-\d{3}\b/gi) ?? [];
  return [...new Set(tokens.map((t) => t.toUpperCase()).filter((t) => CATALOG_CHECK_ID.test(t)))];
}

/** Whether a whole token is a workshop question id or a check id of the catalog. */
export function isBaselineId(token: string): boolean {
  return QUESTION_ID.exec(token)?.[0].length === token.length || CATALOG_CHECK_ID.test(token);
}
