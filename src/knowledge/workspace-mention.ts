/**
 * Whether a message treats a word as a workspace: "sample's storage", "the isolation mode of sample", "does
 * mlw-core-01 use a managed identity", "ws-prod storage". A question phrased that way asks about the live resource
 * ("does sample enforce TLS 1.2?") and runs its checks; the same question without a name ("what is the minimum TLS
 * version for storage?") asks the baseline.
 *
 * "sample" is also an English word: "sample code", "a sample notebook" and "check sample code for secrets" name
 * nothing, so the sample needs one of these positions and is never the adjective of a thing one copies or reads.
 */
import { escapeRegExp } from './synonyms';

/** "sample code", "sample notebooks": the adjective, the example of something, not the sample environment. */
const SAMPLE_AS_WORD =
  /\bsample (code|notebooks?|scripts?|apps?|applications?|templates?|files?|projects?|datasets?|quer(y|ies)|bicep|arm|snippets?|commands?|outputs?|repos?|repository|solutions?|answers?|questions?|polic(y|ies)|configs?|configuration|pipelines?|models?|images?|programs?|size|sizes|rate|values?|requests?|payloads?|messages?|texts?|cards?|reports?)\b/;

/** Whether the message uses "sample" as the English word ("sample code"): then it names no sample environment. */
export function sampleAsWord(normalized: string): boolean {
  return SAMPLE_AS_WORD.test(normalized);
}

/**
 * "scan sample", "on the sample", "who can access sample", "the sample data": the sample named as what to check.
 * "is sample data encrypted at rest?" asks about example data in general.
 */
const SAMPLE_AS_TARGET = /\bsample(:[a-z0-9-]+)? (workspace|environment)\b|\bthe sample data\b|\b(on|for|of|in|using|with|against) (the )?sample\b|\b(access( to)?|into|reach) (the )?sample(:[a-z0-9-]+)?$/;

/** Verbs of a question whose subject is the workspace: "does sample have…", "what identity does ws-prod use". */
const STATE_VERBS =
  'have|has|use|uses|using|enforce|enforces|enforcing|allow|allows|allowing|require|requires|expose|exposes|run|runs|block|blocks|permit|permits|' +
  'encrypt|encrypts|send|sends|keep|keeps|store|stores|rely|relies|log|logs|accept|accepts|deny|denies|restrict|restricts|let|lets|disable|disables|' +
  'comply|complies|meet|meets|pass|passes|fail|fails|contain|contains|grant|grants|give|gives';

/** Resources of a workspace a name may stand before: "ws-prod storage", "mlw-01 key vault". */
const OWN_RESOURCES = 'storage|storage account|key ?vault|vault|registry|acr|container registry|app(lication)? insights|computes?|compute instances?|clusters?|endpoints?|managed network|network|datastores?';

/** Whether `target` (as found in the message) is placed where the message treats it as a workspace. */
export function namedAsWorkspace(normalized: string, target: string): boolean {
  const name = target.toLowerCase();
  const isSample = name.startsWith('sample');
  if (isSample && SAMPLE_AS_TARGET.test(normalized)) return true;
  const t = escapeRegExp(name);
  const positions = [
    `\\b${t}'s\\b`,
    `\\b(of|on|for|in|at|against|behind) (the )?${t}\\b`,
    `\\b(does|do|did|has|is|are|was) (the )?${t} (${STATE_VERBS})\\b`,
    `\\b(is|are|was) (the )?${t} (public|publicly|exposed|reachable|accessible|private|secure|compliant|hardened|encrypted|isolated|locked down|protected|behind|configured|set up|connected)\\b`,
    `\\b(does|do|did|has) (the )?${t} have$`,
    // A plain word before "storage" is an adjective ("sample storage account"); a resource-shaped name is not.
    ...(isSample ? [] : [`\\b${t} (${OWN_RESOURCES})\\b`]),
  ];
  return positions.some((position) => new RegExp(position).test(normalized));
}
