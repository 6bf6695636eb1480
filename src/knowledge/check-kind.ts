/**
 * What a live check request is about: one of the three areas (rbac, defender, public-network), one of the eight
 * categories, or `all`. The vocabulary comes from the checks' own titles (AML-IDM-006 "shared-key access", AML-PRA
 * "standing privileged roles", AML-BR-001 "soft delete"…), so that "is shared key access off on ws-prod's
 * storage?" runs the identity checks rather than everything.
 *
 * Order decides between overlapping words, most specific first: Defender (CSPM is a Defender plan) before
 * logging, PIM/JIT before role assignments, internet exposure before network set-up, backup (soft delete) before
 * data protection (purge protection).
 */
import type { Area, Category } from '../checks/types';
import { categoriesIn } from './commands/categories';

export type CheckKind = 'all' | Area | Category;

const KIND_PATTERNS: readonly (readonly [RegExp, CheckKind])[] = [
  [/\bdefender\b|\bsecurity center\b|\bcspm\b|\bsecurity posture management\b/, 'defender'],
  // "tagged with an owner" is about tags, not about who owns the workspace.
  [/\btag(s|ged|ging)?\b|\binventory\b/, 'asset-management'],
  [/\bpim\b|\bjust[- ]in[- ]time\b|\bjit\b|\bstanding (admin|access|owner|privileged?|role)|\bprivileged\b|\beligible (roles?|assignments?)\b|\bbreak[- ]glass\b/, 'privileged-access'],
  [
    /\bpublic(ly)?[ -]?(network )?(access|exposed|exposure|accessible|reachable|endpoints?|network)\b|\bexposed to the internet\b|^(is|are) (\S+ ){1,4}(exposed|public)$|\binternet[- ]?(facing|exposed|exposure)\b|\bopen to the (internet|world|public)\b|\bpna\b|\bhow exposed\b|\bfrom the (internet|outside)\b|\b(reach|reached|reachable|accessible|exposed)\b.*\b(internet|outside|anywhere)\b|\b(internet|outside world|anywhere)\b.*\b(reach|access|get to|connect)\b/,
    'public-network',
  ],
  [/\brbac\b|\broles?\b|\brole assignments?\b|\bpermissions?\b|\biam\b|\bwho (has|have|can|is allowed|owns)\b|\b(has|have) access to\b|\bwho'?s got\b|\bowners?\b|\bcontributors?\b|\baccess rights\b/, 'rbac'],
  [/\bbackups?\b|\bback(ed)? up\b|\bsoft[- ]delete\b|\bversioning\b|\bgeo[- ]?(redundant|redundancy|replicat\w*)\b|\bgrs\b|\brestore\b|\brecover(y|able)?\b|\bdisaster\b|\bretention\b/, 'backup-recovery'],
  [/\bencrypt\w*\b|\bcmk\b|\bcustomer[- ]managed keys?\b|\btls\b|\bhttps\b|\bhbi\b|\bhigh[- ]business[- ]impact\b|\banonymous (blob )?access\b|\bpurge[- ]protect\w*\b|\bcross[- ]tenant\b|\bdata protection\b|\bexport\b/, 'data-protection'],
  [
    /\bmanaged identit(y|ies)\b|\blocal auth\w*\b|\bssh (keys?|passwords?)\b|\bpasswords?\b|\bshared[- ]key\b|\b(account|access|storage) keys?\b|\badmin user\b|\banonymous pull\b|\bentra\b|\b(key|token)[- ]based auth\w*\b|\btoken auth\w*\b|\bidentit(y|ies)\b|\bcredentials?\b|\bauthenticat\w*\b/,
    'identity-management',
  ],
  [/\bvnets?\b|\bvirtual network\b|\bnsgs?\b|\bprivate (endpoints?|link)\b|\bmanaged (virtual )?network\b|\boutbound\b|\bfirewall\b|\bsubnets?\b|\bnetwork(ing)?\b|\bpublic ips?\b|\bssh\b|\bisolat\w*\b/, 'network-security'],
  [/\blogs?\b|\blogging\b|\bdiagnostic\w*\b|\blog analytics\b|\bactivity log\b|\baudit(ing)? (logs?|trail)\b|\bmonitor(ing|ed)?\b|\bapp(lication)? insights\b|\bthreat detection\b|\balerts?\b/, 'logging-threat-detection'],
  [/\bvulnerab\w*\b|\bvulns?\b|\bpatch(ed|es|ing)?\b|\bunpatched\b|\bos (image|version)s?\b|\boutdated\b|\bcves?\b|\bimage scanning\b|\bquarantin\w*\b|\bup to date\b/, 'posture-vulnerability'],
  [/\bidle\b|\bshut ?down\b|\bscale to zero\b|\bpolic(y|ies)\b|\ballowed (locations?|regions?|resource types?)\b|\bassets?\b/, 'asset-management'],
];

/** What the normalised (lowercase) message asks to check. Two category names ("network and backup") mean all. */
export function checkKind(normalized: string): CheckKind {
  if (categoriesIn(normalized).length > 1 && /\b(and|,|&|plus)\b/.test(normalized)) return 'all';
  for (const [pattern, kind] of KIND_PATTERNS) if (pattern.test(normalized)) return kind;
  return 'all';
}
