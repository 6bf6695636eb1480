/**
 * Grades a participant's free-text workshop answer against an answer's key points, concept by concept
 * (key-point-concepts.ts).
 *
 * The rule: a key point is covered when the participant's answer mentions
 *  1. concepts worth at least 2 (a named thing — a service, a synonym group, one of the answer's keywords — is
 *     worth 2, a single other term 1; a point worth less than 2 in all needs all of it), and
 *  2. at least one of the point's distinctive concepts — those no other key point of the same answer has —
 *     when it has any, or else half of the point's whole weight (a point may share all it says with others).
 * So "ExpressRoute" covers "ExpressRoute or site-to-site VPN from the office…", "private DNS" covers "Private DNS
 * zones…", but "private endpoints" alone does not cover "Private endpoints for the linked storage, Key Vault and
 * container registry": the private endpoint is shared with "Private endpoint for the workspace", and storage,
 * Key Vault or the registry must be named. Synonyms and abbreviations meet through synonyms.ts; one typo per
 * word of five letters or more is forgiven. Measured on test/knowledge/key-point-labels.json.
 */
import { extractConcepts, keyPointConcepts, type Concept } from './key-point-concepts';
import { synonymGroups } from './synonyms';
import { stem, withinOneEdit } from './text-analysis';

export interface KeyPointGrade {
  readonly covered: readonly string[];
  readonly missed: readonly string[];
}

/** Weight of concepts a key point needs matched. */
export const WEIGHT_NEEDED = 2;

/** What the participant's answer names: its named concepts (found as in key points) and its other words. */
interface AnswerVocabulary {
  readonly ids: ReadonlySet<string>;
  readonly canonicals: ReadonlySet<string>;
  readonly terms: readonly string[];
}

function vocabularyOf(answer: string, keywords: readonly string[]): AnswerVocabulary {
  const { named, looseTerms } = extractConcepts(answer, keywords);
  const ids = new Set(named.map((c) => c.id));
  const canonicals = new Set(named.flatMap((c) => c.canonicals));
  // A typo in a one-word name ("expresroute", "sentinal") still names it.
  for (const group of synonymGroups()) {
    const canonical = group[0] ?? '';
    if (canonicals.has(canonical)) continue;
    if (group.some((variant) => variant.length >= 5 && !variant.includes(' ') && looseTerms.some((w) => w.length >= 5 && withinOneEdit(w, stem(variant))))) {
      canonicals.add(canonical);
      ids.add(`=${canonical}`);
    }
  }
  return { ids, canonicals, terms: looseTerms };
}

function hasTerm(terms: readonly string[], wanted: string): boolean {
  return terms.some((t) => t === wanted || (wanted.length >= 5 && t.length >= 5 && (withinOneEdit(t, wanted) || t.startsWith(wanted) || wanted.startsWith(t))));
}

/**
 * A synonym group is mentioned only as itself ("password protection" names the keyword, not "passwords"); a
 * keyword phrase also when its groups and words all occur ("hub spoke topology" for "hub and spoke"); a single
 * term when the answer uses it outside any named phrase (the "private" of "private endpoints" is not loose).
 */
function mentions(vocabulary: AnswerVocabulary, concept: Concept): boolean {
  if (vocabulary.ids.has(concept.id)) return true;
  if (concept.weight === 2 && concept.terms.length === 0 && concept.canonicals.length === 1) return false;
  return concept.canonicals.every((c) => vocabulary.canonicals.has(c)) && concept.terms.every((t) => hasTerm(vocabulary.terms, t));
}

/**
 * Resources a key point is about, as opposed to what it asks for them: in "Storage: secure transfer required and
 * minimum TLS version 1.2" storage is where, TLS is what.
 */
const RESOURCE_CANONICALS: ReadonlySet<string> = new Set(['keyvault', 'acr', 'storageaccount', 'sqldb', 'appinsights', 'loganalytics', 'computeinstance', 'computecluster', 'aml', 'containerimage', 'jupyter']);

function isResource(concept: Concept): boolean {
  return concept.terms.length === 0 && concept.canonicals.length > 0 && concept.canonicals.every((c) => RESOURCE_CANONICALS.has(c));
}

/**
 * Whether the answer covers the key point with `concepts`, of which `distinctive` are the point's own. Naming only
 * the places a point speaks of states nothing about them: "private endpoints for storage and Key Vault" does not
 * cover "Minimum TLS on SQL, Synapse and Key Vault", nor "Customer-managed keys … for the workspace, storage and
 * container registry".
 */
function covers(vocabulary: AnswerVocabulary, concepts: readonly Concept[], distinctive: ReadonlySet<string>): boolean {
  const matched = concepts.filter((c) => mentions(vocabulary, c));
  const total = concepts.reduce((sum, c) => sum + c.weight, 0);
  const weight = matched.reduce((sum, c) => sum + c.weight, 0);
  if (weight < Math.min(WEIGHT_NEEDED, total)) return false;
  if (matched.every(isResource) && !concepts.every(isResource)) return false;
  return distinctive.size === 0 || matched.some((c) => distinctive.has(c.id)) || weight * 2 >= total;
}

/** The concepts of each key point and which of them no other key point shares. */
export function analyseKeyPoints(keyPoints: readonly string[], keywords: readonly string[] = []): { concepts: Concept[]; distinctive: Set<string> }[] {
  const all = keyPoints.map((point) => keyPointConcepts(point, keywords));
  return all.map((concepts, i) => {
    const elsewhere = new Set(all.flatMap((other, j) => (j === i ? [] : other.map((c) => c.id))));
    return { concepts, distinctive: new Set(concepts.map((c) => c.id).filter((id) => !elsewhere.has(id))) };
  });
}

/** `keywords`: the answer's front-matter keywords (its named concepts); grading works without them, less well. */
export function gradeAnswer(answer: string, keyPoints: readonly string[], keywords: readonly string[] = []): KeyPointGrade {
  const vocabulary = vocabularyOf(answer, keywords);
  const analysed = analyseKeyPoints(keyPoints, keywords);
  const covered: string[] = [];
  const missed: string[] = [];
  keyPoints.forEach((point, i) => {
    const a = analysed[i];
    (a !== undefined && covers(vocabulary, a.concepts, a.distinctive) ? covered : missed).push(point);
  });
  return { covered, missed };
}
