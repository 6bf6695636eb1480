/**
 * Recognises scan requests in natural phrasing ("scan ws-prod", "check rbac on <id>", "is public network access
 * off on ws-prod?", "defender status for subscription <guid>", "scan sample") and extracts what to check and where.
 */
import { AREAS, type Area } from '../checks/types';
import { checkKind, type CheckKind } from './check-kind';
import { escapeRegExp, synonymGroups } from './synonyms';
import { namedAsWorkspace, sampleAsWord } from './workspace-mention';
import { isBaselineId, namedCheckIds } from './baseline-ids';

export interface CheckRequest {
  readonly check: CheckKind;
  readonly target?: string;
  /** Check ids the message names ("check AML-NET-001 on sample"): only those run. */
  readonly checkIds?: readonly string[];
  /** A word in the place of what to check that names no area ("check foo on sample"): answered, never scanned. */
  readonly unknownArea?: string;
  /** How sure the phrasing is a scan request (0..1). */
  readonly confidence: number;
}

const RESOURCE_ID = /\/subscriptions\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?:\/[^\s"'<>,;?!]+)*/i;
const GUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;

/** Words that start a scan request. Typos of "scan" and "check" are common enough to list. */
const IMPERATIVE = /^(please |pls |plz |can you |could you |would you |can u |could u |go |now |quickly )*(scan|scna|sacn|scan again|rescan|re-scan|check|chek|chcek|chekc|cehck|chk|audit|assess|inspect|review|evaluate|verify|test|run)\b/;
const QUESTION_WORD = /^(how|what|why|when|which|where|should|can i|can we|do i|do we|is it|explain|tell me)\b/;
const STATUS_WORDS = /\b(status|findings|failed|failing|passing|posture|compliance|compliant|score|issues|problems|results|report|secure|hardened|configured|enabled|disabled|on|off|open|exposed)\b/;
/** "what's my score?", "our compliance score": the speaker's own score is what a scan of everything reports. */
const OWN_SCORE = /\b(my|our)( team'?s)? ((current|latest|last|overall|security|secure|compliance|baseline) )*(score|grade|rating)\b/;
/**
 * "is defender for storage on?", "defender for ai enabled?", "is cspm switched on": whether one setting is on, with
 * nothing else in the sentence — the bot cannot know that from the baseline, only from the live resource.
 */
const ON_OFF_QUESTION =
  /^(is|are) (\S+ ){1,6}(on|off|enabled|disabled|active|activated|(turned|switched) (on|off))( or (on|off|not))?$|^(\S+ ){1,4}(on|off|enabled|disabled)( or (on|off|not))?$/;

/** Names that are part of the sentence, never a workspace. */
const NOT_A_NAME = new Set(
  (
    'the a an my our this that it its all everything again now please pls plz thx thanks asap workspace workspaces subscription sub resource group ' +
    'rbac roles role permissions defender public network access security identity data protection asset assets logging ' +
    'posture vulnerability backup recovery privileged checks check scan audit settings setting status on off for of in ' +
    'is are and with me us them sample demo there here what which who how management detection threat threats ' +
    'daily weekly monthly hourly regularly always first then publicly reachable exposed accessible encrypted locked ' +
    // Hyphenated words of everyday phrasing: a hyphen alone does not make a resource name.
    'security-wise double-check sanity-check set-up end-to-end built-in least-privilege just-in-time geo-redundant soft-delete ' +
    'customer-managed microsoft-managed shared-key key-based token-based up-to-date multi-factor two-factor role-based cross-tenant ' +
    'e-mail re-scan follow-up day-to-day top-to-bottom right-now transit rest azure portal studio cloud general default place ' +
    'geo-redundancy geo-replication geo-replicated geo-replicate geo-replicates zone-redundant zone-redundancy disaster-recovery high-availability ' +
    'point-in-time read-only self-hosted on-premises on-prem third-party non-production pre-production ' +
    // Values of workspace settings, not workspaces: "the difference of allow-internet-outbound and …".
    'allow-internet-outbound allow-only-approved-outbound user-assigned system-assigned'
  ).split(' '),
);

/** A word without its surrounding quotes and punctuation, and without a possessive "'s" ("ws-prod's storage"). */
function cleanToken(token: string): string {
  return token.replace(/^[("'`]+|[)"'`.,;:!?]+$/g, '').replace(/['\u2019]s$/i, '');
}

/** Hyphenated terms of the domain ("geo-replication", "private-link"): vocabulary, not resource names. */
const DOMAIN_PHRASES: ReadonlySet<string> = new Set(synonymGroups().flat().map((variant) => variant.replace(/[\s-]+/g, '-')));

function looksLikeName(token: string): boolean {
  const lower = token.toLowerCase();
  return /^[a-z0-9][a-z0-9_.-]{1,63}$/i.test(token) && /[a-z]/i.test(token) && !NOT_A_NAME.has(lower) && !DOMAIN_PHRASES.has(lower) && !isBaselineId(token);
}

/** The workspace (or other) name the message names, if any. */
function workspaceName(text: string): string | undefined {
  const words = text.split(/\s+/).map(cleanToken).filter((w) => w.length > 0);
  // "workspace ws-prod", "on ws-prod", "for ws-prod" …
  for (let i = 0; i < words.length - 1; i += 1) {
    const word = (words[i] ?? '').toLowerCase();
    const next = words[i + 1] ?? '';
    const isLast = i + 1 === words.length - 1;
    // "workspace ws-prod", "the workspace called finance": a plain word right after "workspace" is a name only
    // when it ends the message or is introduced as one ("is our workspace publicly accessible" names nothing).
    if ((word === 'called' || word === 'named') && looksLikeName(next)) return next;
    if (word === 'workspace' && looksLikeName(next) && (isLast || /[-_]|\d/.test(next))) return next;
    if (['on', 'for', 'of', 'against', 'in'].includes(word) && looksLikeName(next) && (isLast || /[-_]|\d/.test(next))) return next;
  }
  // "scan ws-prod", "audit mlw-01": the word after the verb.
  const verbIndex = words.findIndex((w) => /^(scan|scna|sacn|rescan|audit|assess|inspect)$/i.test(w));
  const afterVerb = verbIndex >= 0 ? words[verbIndex + 1] : undefined;
  if (afterVerb !== undefined && looksLikeName(afterVerb) && (/[-_]|\d/.test(afterVerb) || verbIndex + 1 === words.length - 1)) return afterVerb;
  // Any token that looks like a resource name (has a hyphen or digit): "is ws-prod exposed?"
  return words.find((w) => looksLikeName(w) && /[-_]|\d/.test(w) && /[a-z]/i.test(w));
}

/** "subscription <guid>", "sub <guid>", "subscription id: <guid>": a GUID that names a subscription. */
const SUBSCRIPTION_GUID = /\b(?:subscriptions?|subs?)(?:\s+id)?[\s:=#]+([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/i;

/**
 * "subscription 1234", "sub id: 12-ab": a subscription named by a broken GUID. Only hex digits and hyphens, with a
 * digit, count: "the subscription ws-prod-01 lives in" names a workspace, "my subscription please" nothing.
 */
const SUBSCRIPTION_NOT_GUID = /\b(?:subscriptions?|subs?)(?:\s+id)?(?:\s*[:=#]\s*|\s+)([a-f0-9-]*\d[a-f0-9-]*)(?=$|[\s"'`).,;:!?])/i;

/** The subscription scope id of a GUID: the form the scan feature takes for subscription-level checks. */
export function subscriptionScope(guid: string): string {
  return `/subscriptions/${guid.toLowerCase()}`;
}

/**
 * The message without its links: Markdown links `[text](url)` (text included), HTML anchors, autolinks and bare
 * URLs. The bot never takes a workspace from a link (the scan feature says so), so none of these can name one.
 */
export function withoutLinks(text: string): string {
  return text
    .replace(/!?\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/<a\b[^>]*>[\s\S]*?<\/a>/gi, ' ')
    .replace(/<[a-z][a-z0-9+.-]*:[^>]*>/gi, ' ')
    .replace(/\b(?:https?|ftp|file|javascript|data):\S*/gi, ' ')
    .replace(/\bwww\.[a-z0-9-]+\.\S*/gi, ' ');
}

/**
 * The sample environment named as a standalone token: `sample` (the lab's default workspace) or
 * `sample:<name>` (`sample:hardened`). Part of a longer name (`ws-sample-prod`, `sample_ws`) is not it.
 */
const SAMPLE_TOKEN = /(?:^|[\s("'`])(sample(?::[a-z0-9-]+)?)(?=$|[\s)"'`.,;!?]|:(?:\s|$))/i;

export function sampleTarget(text: string): string | undefined {
  return SAMPLE_TOKEN.exec(text)?.[1]?.toLowerCase();
}

/**
 * The target the message names: a resource id as written (a bare `/subscriptions/<guid>` is a subscription
 * scope), a GUID as the subscription `/subscriptions/<guid>` (no workspace is named by a GUID; the scan feature
 * offers the workspaces of a subscription, or its Defender plans), `sample` / `sample:<name>`, or a name. Links
 * never name a target: they are removed first.
 */
export function findTarget(message: string): string | undefined {
  const text = withoutLinks(message);
  const id = RESOURCE_ID.exec(text);
  if (id !== null) return id[0].replace(/[./]+$/, '');
  const subscription = SUBSCRIPTION_GUID.exec(text);
  if (subscription?.[1] !== undefined) return subscriptionScope(subscription[1]);
  // Kept as typed, so that the scan feature can say why it is not a subscription id instead of asking for a workspace.
  const notGuid = SUBSCRIPTION_NOT_GUID.exec(text)?.[1];
  if (notGuid !== undefined && GUID.exec(text) === null) return `/subscriptions/${notGuid}`;
  const guid = GUID.exec(text);
  if (guid !== null) return subscriptionScope(guid[0]);
  return sampleTarget(text) ?? workspaceName(text);
}

/**
 * A scan request, or undefined when the message is not one. `normalized` is lowercase; `original` keeps the case
 * of names and ids; `subject` is `normalized` with its typos repaired, for telling what to check ("publc acess").
 */
export function matchCheckRequest(normalized: string, original: string, subject: string = normalized): CheckRequest | undefined {
  const imperative = IMPERATIVE.test(normalized);
  const asksHow = QUESTION_WORD.test(normalized);
  const withoutIds = original.replace(RESOURCE_ID, ' ').replace(GUID, ' ');
  const check = checkKind(withoutLinks(subject).replace(RESOURCE_ID, ' '));
  const found = findTarget(original);
  // "check sample code for secrets": the English word, not the sample environment.
  const target = found?.startsWith('sample') === true && sampleAsWord(normalized) ? undefined : found;

  if (imperative && !asksHow) {
    // "check my answer", "review the workshop" are not scans: require a target, a scan word or a check topic.
    const scanWord = /^(please |pls |plz |can you |could you |would you |can u |could u |go |now |quickly )*(scan|scna|sacn|rescan|re-scan|audit)\b/.test(normalized) || /\b(scan|checks)\b/.test(normalized);
    const words = normalized.split(/\s+/).length;
    // "scan docker images for malware before training" is a how-to, not a request.
    // A longer one may still be a request about one's own workspace: "run a full baseline scan on my workspace".
    if (target === undefined && check === 'all' && words > 4) return liveQuestion(normalized, check, undefined);
    // "check my workspace pls": one's own resource is a target the scan feature asks for.
    if (target !== undefined || scanWord || check !== 'all' || OWN_RESOURCE.test(normalized)) {
      return { check, ...(target !== undefined ? { target } : {}), ...whatToCheck(normalized, original, check), confidence: 0.9 };
    }
    return undefined;
  }
  // "is public network access off on ws-prod?", "how secure is ws-prod?", "defender status for subscription <id>".
  // In a question a plain word is a name only when introduced as one ("the workspace called finance"): "is soft
  // delete on for my storage in production?" names no workspace, it asks about one's own.
  const introducedAsName = target !== undefined && new RegExp(`\\b(workspace|called|named) ${escapeRegExp(target.toLowerCase())}\\b`).test(normalized);
  const namedWorkspace = target !== undefined && namedAsWorkspace(normalized, target);
  const explicitTarget = target !== undefined && (target.startsWith('sample') ? namedWorkspace : looksLikeResource(target) || introducedAsName);
  const asksState =
    // "what's the isolation mode of sample?", "how many findings does ws-prod have?": a property of the named one.
    (namedWorkspace && /^(what|which|how many)\b/.test(normalized)) ||
    /\b(check|scan|audit|review|assess)\b/.test(normalized) ||
    /^(is|are|does|do|has|have|who has|how (secure|safe|exposed|hardened|compliant)|what'?s (the |our |my )?((current|latest|overall|security|compliance|baseline) )*(status|posture|state|score)|show|get|list|any)\b/.test(normalized) ||
    /\b(status|findings)\b/.test(normalized) ||
    // "defender plans of subscription <id>": the plans of a named subscription are its Defender state.
    (check === 'defender' && target !== undefined && target.startsWith('/subscriptions/') && /\b(plans?|pricing|tiers?|coverage)\b/.test(normalized));
  if (explicitTarget && asksState && (check !== 'all' || STATUS_WORDS.test(normalized)) && !HOW_TO.test(normalized)) {
    return { check, ...(target !== undefined ? { target } : {}), confidence: withoutIds === original ? 0.75 : 0.85 };
  }
  // "defender status", "rbac status": a short status request about an area; the scan feature asks where.
  if (!asksHow && target === undefined && isArea(check) && /\bstatus\b/.test(normalized) && normalized.split(/\s+/).length <= 7) {
    return { check, confidence: 0.7 };
  }
  if (!asksHow && target === undefined && check !== 'all' && ON_OFF_QUESTION.test(normalized) && !HOW_TO.test(normalized)) return { check, confidence: 0.7 };
  const named = explicitTarget && target !== undefined && looksLikeResource(target) ? target : undefined;
  // "rbac on aml-nlp-dev pls", "defender for sub <id>": a subject and a target, nothing else.
  if (named !== undefined && check !== 'all' && !asksHow && normalized.split(/\s+/).length <= 6) return { check, target: named, confidence: 0.75 };
  return liveQuestion(normalized, check, named);
}

/** Words that ask for every check, in the place of an area: "check everything on ws-prod". */
const EVERY_CHECK = new Set(
  'all everything it security baseline compliance posture settings config configuration status health stuff things workspace sample'.split(' '),
);
/** "check foo on sample": one word between the verb and the target, where an area or check id would be. */
const ONE_WORD_SUBJECT = /^(?:scan|check|audit|assess|inspect|review|verify|test|run) ([a-z][a-z0-9-]*) (?:on|for|in|against|of) \S+$/;

/** What an imperative request narrows the scan to: the check ids it names, or the word that names no area. */
function whatToCheck(normalized: string, original: string, check: CheckKind): Pick<CheckRequest, 'checkIds' | 'unknownArea'> {
  const ids = namedCheckIds(original);
  if (ids.length > 0) return { checkIds: ids };
  const word = ONE_WORD_SUBJECT.exec(normalized.replace(/[\s.!?]+$/, ''))?.[1];
  if (word === undefined || check !== 'all' || EVERY_CHECK.has(word) || isBaselineId(word)) return {};
  return { unknownArea: word };
}

/**
 * A target that is surely a resource: an id, the sample, or a name shaped like one (a hyphen, underscore or digit:
 * ws-prod, mlw_01). A plain word found after "in" or "for" ("in tokyo", "for models") is not enough to turn a
 * question into a scan.
 */
function looksLikeResource(target: string): boolean {
  return target.startsWith('/') || target.startsWith('sample') || /[-_\d]/.test(target);
}

function isArea(kind: CheckKind): kind is Area {
  return (AREAS as readonly string[]).includes(kind);
}

/**
 * A question about the state of a live resource rather than about the baseline: "is CSPM on for subscription X?",
 * "who has Owner on ws-prod?", "give ws-prod a full security review", "is our workspace publicly accessible?". It
 * needs an anchor in the real world — a named target, or "our/my/this workspace|subscription" — and no how-to
 * phrasing ("should", "do I need", "by default"), which asks the baseline instead. Without a named target the scan
 * feature asks which workspace.
 */
const ASKS_STATE =
  /^(is|are|am i|does|do|did|has|have|who|which|any|how many|can (anyone|anybody|someone|somebody|people|users)|what'?s (wrong|broken|the (status|state|posture|situation))|how (does|do|is|are) \S+( \S+)? (look|looking|doing|holding up|configured|set up|score|rate|fare|stack up|measure up)|how (secure|safe|exposed|hardened|compliant|locked down|healthy|good|bad|strong|weak|robust)\b.* (is|are)|can \S+( \S+)? be (reached|accessed|seen|opened)|(what|which) (\S+ ){0,3}(are|is) (on|off|enabled|disabled|turned on|switched on|active|assigned|configured)|what does (\S+ ){1,5}look like)\b/;
const REVIEW_REQUEST =
  /^(please |pls |can you |could you |would you |now )*(give|take a (look|peek)|have a look|look (at|over|into)|go over|go through|double[- ]check|sanity[- ]check|run (every|all|each|the full set of) checks?|scan|rescan|audit|assess|inspect|check|review|(see|verify) (whether|if)|tell me (what'?s wrong|whether|if|who)|find out (whether|if|who)|let me know (whether|if|who)|confirm|show( me)?|list)\b|\bwhat'?s wrong with\b|\bsecurity[- ]wise\b|\blook like\b|\b(do|run|perform|give|gimme|make|get) (me |us )?(a |an |the )?((full|complete|quick|proper|thorough|baseline|security|compliance|health) )*(review|check|scan|audit|assessment|report card|health ?check)\b/;
const HOW_TO = /\b(difference|differences|support|supports|supported|offer|offers|provide|provides|should|shall|need( to)?|needs|must|have to|has to|supposed to|recommend\w*|best practice|best way|possible|allowed to|enough|sufficient|worth|overkill|necessary|better|versus|vs|by default|in general|generally|typically|usually|normally|allowed to be|can i|can we|how (do|can|would|should) (i|we|you))\b/;
const OWN_RESOURCE =
  /\b(our|my|this|these|the (prod|production|dev|test|staging)) (ml |aml |azure ml |machine learning |prod |production |dev |test |staging |team'?s? )?(workspaces?|subscriptions?|subs?|tenant|environments?|storage( accounts?)?|key ?vaults?|registr(y|ies)|computes?|clusters?|endpoints?|setup|deployments?|resources)\b/;
/** "are we exposed…?", "do we have CSPM on?", "is it currently enabled?": the speaker's own, present state. */
const OWN_STATE = /^(do|did|have|are|were) we\b|^am i\b|\b(am i|are we)$|\b(currently|right now|at the moment|as of (now|today))\b/;
/** "who has Owner…?": a question about people holding roles is always about a real scope. */
const WHO_HOLDS = /^who (has|have|holds|is|are|owns)\b|^who can (access|read|write|see|reach|get into|log ?in|sign ?in|delete|change|modify)\b|^(show|list|tell me|give me)( me)? (who|the (owners|contributors|role assignments|admins))\b/;

function liveQuestion(normalized: string, check: CheckKind, target: string | undefined): CheckRequest | undefined {
  const ownScore = OWN_SCORE.test(normalized);
  const anchored = target !== undefined || ownScore || OWN_RESOURCE.test(normalized) || OWN_STATE.test(normalized) || WHO_HOLDS.test(normalized);
  if (!anchored) return undefined;
  if (!ownScore && !ASKS_STATE.test(normalized) && !REVIEW_REQUEST.test(normalized)) return undefined;
  if (HOW_TO.test(normalized)) return undefined;
  return { check, ...(target !== undefined ? { target } : {}), confidence: target !== undefined ? 0.8 : 0.7 };
}
