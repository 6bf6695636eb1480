/**
 * Recognises the bot's commands in natural phrasing. Each matcher returns the command and its arguments. For
 * `workshop` the arguments start with the action (start, continue, skip, next, back, repeat, pause, stop, status)
 * followed by category slugs; for `lab` they are the rest of the message, for the lab's own parser.
 */
import { CATEGORIES, CATEGORY_TITLES, type Category } from '../checks/types';
import { labRest, parseLabCommand } from '../lab/commands';
import { matchExceptionCommand } from '../exceptions/command';

export interface CommandMatch {
  readonly command: string;
  readonly args: string;
  /** For watch / unwatch / link: the workspace, scope or resource group named. */
  readonly target?: string;
}

/** `t` is the normalised (lowercase) message, `original` the cleaned message with its case. */
type Matcher = (t: string, original: string) => CommandMatch | undefined;

const CATEGORY_WORDS: readonly (readonly [RegExp, Category])[] = [
  [/\bnetwork(ing)?\b|\bprivate endpoints?\b|\bprivate link\b|\bvnets?\b|\bfirewall\b|\bnsgs?\b/, 'network-security'],
  [/\bidentit(y|ies)\b|\bauthentication\b/, 'identity-management'],
  [/\bprivileged?\b/, 'privileged-access'],
  [/\bdata protection\b|\bencryption\b/, 'data-protection'],
  [/\basset(s)?\b/, 'asset-management'],
  [/\blogging\b|\bthreat detection\b|\blogs\b/, 'logging-threat-detection'],
  [/\bposture\b|\bvulnerabilit(y|ies)\b/, 'posture-vulnerability'],
  [/\bbackup\b|\brecovery\b/, 'backup-recovery'],
];

/** Category slugs named in the text, in workshop order. */
export function categoriesIn(text: string): Category[] {
  const found = new Set<Category>();
  for (const category of CATEGORIES) {
    if (text.includes(category) || text.includes(CATEGORY_TITLES[category].toLowerCase())) found.add(category);
  }
  for (const [pattern, category] of CATEGORY_WORDS) if (pattern.test(text)) found.add(category);
  return CATEGORIES.filter((c) => found.has(c));
}

const NAME = /^[a-z0-9][a-z0-9._/-]*$/i;
/** A message that asks about something rather than asking for it. */
const QUESTION_START = /^(what|why|how|which|where|when|who|is|are|does|do|did|should)\b/;

function firstName(rest: string): string | undefined {
  const words = rest.split(/\s+/).filter((w) => !['the', 'workspace', 'to', 'on', 'for', 'of', 'this', 'channel', 'team', 'chat'].includes(w));
  const word = words[0]?.replace(/[.,;:!?]+$/, '');
  return word !== undefined && NAME.test(word) ? word : undefined;
}

const workshop: Matcher = (t) => {
  const polite = t.replace(/^(please |can we |could we |let'?s |lets |i want to |i'd like to |we want to )/, '');
  const mentions = /\bworkshop\b/.test(polite);
  const cats = categoriesIn(polite).join(' ');
  const withCats = (action: string): CommandMatch => ({ command: 'workshop', args: cats.length > 0 ? `${action} ${cats}` : action });
  if (mentions) {
    const asks = /^(what|why|how|who|when|which|is|are|(do|does) (we|you|i|it))\b/.test(polite);
    if (asks && !/\b(start|begin|continue|resume|pause|stop|status|progress)\b/.test(polite)) return undefined;
    if (/\b(continue|resume|carry on|pick up)\b/.test(polite)) return withCats('continue');
    if (/\b(pause|hold|break)\b/.test(polite)) return withCats('pause');
    if (/\b(stop|end|quit|exit|cancel|finish|abort)\b/.test(polite)) return withCats('stop');
    if (/\b(status|progress|where are we)\b/.test(polite)) return withCats('status');
    if (/\b(start|begin|run|launch|open|kick ?off|do|join|new)\b/.test(polite) || /^(the )?(security )?(baseline )?workshop$/.test(polite)) {
      return withCats('start');
    }
    return withCats('start');
  }
  if (/^(skip|skip (it|this|this one|this question|question)|pass|i don'?t know|no idea|dunno)$/.test(t)) return { command: 'workshop', args: 'skip' };
  if (/^(next|next question|next one|move on|go on)$/.test(t)) return { command: 'workshop', args: 'next' };
  if (/^(back|go back|previous|previous question|prev|last question)$/.test(t)) return { command: 'workshop', args: 'back' };
  if (/^(repeat|repeat (the |that )?question|again|say (that|it) again|what was the question|ask again)$/.test(t)) {
    return { command: 'workshop', args: 'repeat' };
  }
  if (/^(pause|take a break|later)$/.test(t)) return { command: 'workshop', args: 'pause' };
  if (/^(continue|resume)$/.test(t)) return { command: 'workshop', args: 'continue' };
  return undefined;
};

const baseline: Matcher = (t) => {
  if (/^(show |get |compile |generate |export |download |create |build |send |give )?(me )?(my|our|the|a)? ?(customer'?s? )?(security )?baseline( document| doc| report| file| summary)?( please)?$/.test(t)) {
    return { command: 'baseline', args: '' };
  }
  if (/\b(my|our) (security )?baseline\b/.test(t) && !/^(what|how|why|which)\b/.test(t)) return { command: 'baseline', args: '' };
  if (/\b(export|download|compile|generate)\b.*\bbaseline\b/.test(t)) return { command: 'baseline', args: '' };
  // "can I get the baseline document we've been building?"
  if (/\b(get|see|show|send|have|open|view)\b.*\bbaseline (document|doc|report|file|summary)\b/.test(t)) return { command: 'baseline', args: '' };
  return undefined;
};

/**
 * Lab commands. The lab has one grammar, parseLabCommand: a message that starts with "lab" is always the lab's
 * (the lab answers what it does not understand with its command list); a message that merely mentions the lab,
 * an exercise or "where am I" is the lab's when that grammar understands it ("continue lab", "check my
 * exercise", "exercise 7"), otherwise it goes on to questions ("what does exercise 3 teach?"). `args` is the rest
 * of the message, case kept, for parseLabCommand to interpret — never a pre-digested form.
 */
const LAB_START = /^(?:the |my )?lab(?:[\s:,]|$)/;
const LAB_WORDS = /(?:^|\s)(?:the |my |our )?lab(?:\s|$)|\bexercises?\b|^where (?:am|was) i\b|^(?:which|what) exercise\b|^(?:check|validate|verify) my (?:work|step)$/;

/** "I'd like to do the hands-on lab now": a wish to start the lab, in words the lab grammar does not parse. */
const WANTS_LAB = /\b(do|start|begin|try|run|take|launch|open|kick off|work through)\b.*\b(the |a |your )?(hands[- ]on |guided )?lab\b/;

const lab: Matcher = (t, original) => {
  if (LAB_START.test(t)) return { command: 'lab', args: labRest(original) };
  if (!LAB_WORDS.test(t) && !/\bhands[- ]on lab\b/.test(t)) return undefined;
  if (parseLabCommand(original).kind !== 'unknown') return { command: 'lab', args: labRest(original) };
  return WANTS_LAB.test(t) && !QUESTION_START.test(t) ? { command: 'lab', args: 'start' } : undefined;
};

const watches: Matcher = (t) => {
  if (/^(list |show )(the |our |my |all )?(watches|watchlist|subscriptions|watched workspaces)$/.test(t)) return { command: 'watches', args: '' };
  if (/^what (do|are) (we|you|i) watch(ing)?\b|^(watches|watchlist)$|^what is (being )?watched\b|^which workspaces (are|do) (we |you )?watch|^(which|what) workspaces? (are|do|is) (you|we) (watch|monitor)(ing)?\b/.test(t)) {
    return { command: 'watches', args: '' };
  }
  return undefined;
};

const unwatch: Matcher = (t) => {
  const m = /^(unwatch|stop watching|stop monitoring|unsubscribe( from)?|don'?t watch)\s*(.*)$/.exec(t);
  if (m === null) return undefined;
  const rest = (m[3] ?? '').trim();
  const target = firstName(rest);
  return { command: 'unwatch', args: rest, ...(target !== undefined ? { target } : {}) };
};

const watch: Matcher = (t) => {
  const m = /^(watch|monitor|subscribe( to)?|keep an eye on|notify (me|us) about)\s+(.+)$/.exec(t);
  if (m === null) return undefined;
  const rest = (m[4] ?? '').trim();
  const target = firstName(rest);
  return { command: 'watch', args: rest, ...(target !== undefined ? { target } : {}) };
};

const link: Matcher = (t) => {
  if (/^unlink\b|^remove (the )?link\b|^disconnect (this )?(channel|team)\b/.test(t)) return { command: 'unlink', args: t.replace(/^unlink\s*/, '') };
  const m = /^(link|bind|connect|attach) (this |the )?(channel|team|chat|conversation)?\s*(to|with)?\s*(.+)$/.exec(t);
  if (m === null) return undefined;
  const rest = (m[5] ?? '').trim();
  const target = firstName(rest);
  return { command: 'link', args: rest, ...(target !== undefined ? { target } : {}) };
};

const simple: Matcher = (t) => {
  if (/^(help|\?|commands|menu|usage|hi|hello|hey|hallo|good (morning|afternoon)|get started|getting started|show help|help me|what can you do|what do you do|what can i ask( you)?|who are you|how does this work|how do i use (you|this( bot)?))( guardian)?$/.test(t)) {
    return { command: 'help', args: '' };
  }
  if (/^(what|which) commands\b|^what (else )?(can|do) you (do|understand|know)\b|^(show|list|give)( me)? (the |your |all )?commands\b/.test(t)) return { command: 'help', args: '' };
  // Deleting data is confirmed on a card, so the phrasing may be broad; questions ("how do I delete my data?") are not it.
  if (
    /^(please )?(reset( everything| my data| all)?|start over|restart|clear( my| our)?( state| everything| data| conversation| history)?|forget (everything|me|us|it all|about me|my data|what you know about me)|(delete|erase|remove|wipe|purge) (all )?(my|our) (data|information|info|history)|(delete|erase|wipe) everything( you (know|have|stored|store) about (me|us))?)(,? please)?$/.test(t)
  ) {
    return { command: 'reset', args: '' };
  }
  // "forget everything you have stored about me": a broad wish to be forgotten (confirmed on a card).
  if (/^(please )?(forget|delete|erase|wipe|purge|remove) (everything|all( of)? (the |my |our )?(data|information|info)?)( (that )?you (have|know|keep|hold|stored|store|saved|have stored|have saved|collected|have collected))?( about (me|us))?( please)?$/.test(t)) {
    return { command: 'reset', args: '' };
  }
  if (/^(please )?(sign ?in|log ?in|signin|login|authenticate|connect my account|(sign|log) me (in|on))( to azure)?( please)?$/.test(t)) return { command: 'signin', args: '' };
  if (/^(please )?(sign ?out|log ?out|signout|logout|disconnect my account|(sign|log) me out)( of azure)?( please)?$/.test(t)) return { command: 'signout', args: '' };
  if (/^((list|show|display|print)( me)?( all)?( the| your)?( available)? (checks|check list|check catalog|catalog of checks)|checks|check list|check catalog|catalog)( please)?$/.test(t)) return { command: 'checks', args: '' };
  if (/^(what|which) checks\b|^what do you check\b/.test(t)) return { command: 'checks', args: '' };
  if (/^(list|show|display)( me)?( all)?( the| your)?( available)? checks (you|that you|i|we) (can )?(run|have|do|offer|know)\b/.test(t)) return { command: 'checks', args: '' };
  return undefined;
};

/** Order matters: the most specific phrasing first. */
const MATCHERS: readonly Matcher[] = [simple, matchExceptionCommand, watches, unwatch, watch, link, lab, workshop, baseline];

/** `original` (the cleaned message, case kept) defaults to `normalized`; lab arguments keep their case from it. */
export function matchCommand(normalized: string, original: string = normalized): CommandMatch | undefined {
  for (const matcher of MATCHERS) {
    const match = matcher(normalized, original);
    if (match !== undefined) return match;
  }
  return undefined;
}
