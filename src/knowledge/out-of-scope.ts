/**
 * Questions outside the baseline that share its vocabulary: prices and quotas of VM sizes, training and
 * fine-tuning models, developer tooling (tokens, pull requests, code), data wrangling, helpdesk problems, opinions
 * and small talk. The knowledge search would happily match "GPU", "cluster", "token" or "logs" to a baseline
 * answer; these get an honest "outside what I cover" instead.
 *
 * Some subjects are out of scope whatever else the message says (a price stays a price). Others are out of scope
 * only without a security angle: "what do you think is the safest way to reach the workspace?" is a question.
 */
export type OutOfScopeSubject = 'pricing' | 'model-building' | 'developer-tooling' | 'data-wrangling' | 'helpdesk' | 'general-it' | 'opinion' | 'small-talk';

interface SubjectPattern {
  readonly subject: OutOfScopeSubject;
  readonly pattern: RegExp;
  /** A security angle in the same message brings it back into scope. */
  readonly yieldsToSecurity: boolean;
}

const SUBJECTS: readonly SubjectPattern[] = [
  {
    subject: 'pricing',
    pattern:
      /\b(price|prices|priced|pricing|costs?(?! cent(er|re))|costing|cheap(er|est)?|expensive|billing|invoice|budget|spend(ing)?|per hour|hourly rate|discount|reserved instances?|savings plan)\b|\bhow much (does|do|is|are|will|would|for)\b|\bquotas?\b|\b(increase|raise|request) (my |our |the )?(\w+ )?(quota|limit)s?\b/,
    yieldsToSecurity: false,
  },
  {
    // "which VM size for training?": sizing, unless it is about a security property of the size.
    subject: 'pricing',
    pattern: /\b(vm|gpu|cpu|sku|compute|node) (sizes?|series|famil(y|ies)|skus?|types?)\b|\b(which|best|fastest|right) (vm|gpu|sku)s?\b|\bhow many (gpus|nodes|cores|vcpus)\b/,
    yieldsToSecurity: true,
  },
  {
    subject: 'model-building',
    pattern:
      /\bfine[- ]?tun(e|es|ed|ing)\b|\bhyper ?parameters?\b|\blearning rate\b|\bepochs?\b|\boverfit(ting)?\b|\b(model|prediction) accuracy\b|\b(improve|increase|boost) (the |my |our )?(model|accuracy|precision|recall)\b|\b(training|train) (job|run|script)s? (is |are )?(slow|fail|failing|failed|crash|stuck)|\bwhy is (my|our|the) (training|job|run|pipeline)\b|\bregister (a|my|our|the) model\b|\bautoml\b|\b(pytorch|tensorflow|keras|scikit[- ]learn|sklearn|xgboost|lightgbm|hugging ?face)\b|\btraining loop\b|\bearly stopping\b|\bconfusion matri(x|ces)\b|\bplot(s|ting)? (a|the|my)\b|\bprompt (flow|engineering)\b|\bembeddings?\b|\btokeni[sz]er\b|\bhow (do|can|should) (i|we) (train|deploy|build|create|evaluate|retrain) (a |an |my |our |the )?(\w+ )?(model|classifier|llm|neural network)s?\b/,
    yieldsToSecurity: true,
  },
  {
    subject: 'developer-tooling',
    pattern:
      /\bpull requests?\b|\bmerge requests?\b|\bcode review\b|\breview (my|this|our|the) (code|function|script|notebook code|pr)\b|\bgit\b|\bgithub\b|\bgitlab\b|\bmerge conflicts?\b|\bpersonal access tokens?\b|\bdevops (pat|token|pipeline|board|repo)s?\b|\b(pat|pats)\b|\bdockerfile\b|\b(react|angular|vue|node(\.?js)?|flask|django|spring|express) (web )?app\b|\bweb ?app\b|\bjavascript\b|\btypescript\b|\bpython (function|script|error|exception)\b|\bunit tests?\b|\bregex\b|\bstack ?trace\b|\btraceback\b|\bimport ?error\b|\bmodule ?not ?found(error)?\b|\bnpm\b|\bpip install\b|\bconda (env|environment)\b|\b(my|this|our|the) pr\b|\bprs\b|\bdocker[- ]compose\b|\b(containeri[sz]e|dockeri[sz]e)\b|\bdocker\b.*\b(web ?site|web ?app|api|front ?end|back ?end|microservices?|wordpress|nginx)\b/,
    yieldsToSecurity: false,
  },
  {
    subject: 'data-wrangling',
    pattern: /\b(csv|parquet|json|excel|xlsx)\b.*\b(to|into)\b.*\b(csv|parquet|json|excel|xlsx|dataframe)\b|\bpandas\b|\bdataframes?\b|\bspark (job|sql|dataframe)\b|\bsql (query|join)\b|\bkql\b|\bwrite (me )?a (kql|sql|spark) query\b|\b(read|write|load|open|convert|save|export|merge|split)\b.*\b(csv|parquet|excel|json|xlsx) files?\b/,
    yieldsToSecurity: true,
  },
  {
    subject: 'helpdesk',
    pattern:
      /\b(my|the|our) (laptop|pc|computer|printer|wifi|wi-fi|outlook|mailbox|headset|monitor|phone|teams client)\b|\b(corporate |company |office )?vpn (client )?(keeps|is|won'?t|doesn'?t|does not|can'?t|cannot|stopped|drops|disconnect)|\b(can'?t|cannot|unable to) (log ?in|sign ?in) to (my|the) (laptop|pc|computer|email|outlook|vpn)\b|\bforgot (my )?password\b|\blocked out\b|\b(reset|change|unlock) my (windows |laptop |email |outlook |office |teams )?(password|account|pin)\b|\b(iphone|ipad|android|macbook)\b|\bvpn\b.*\b(my (laptop|phone|pc|computer|mac)|keeps|won'?t|doesn'?t|disconnect\w*|drops?|dropping|slow|client install\w*)\b/,
    yieldsToSecurity: false,
  },
  {
    subject: 'general-it',
    pattern:
      /\b(aks|kubernetes|k8s) (cluster )?(upgrade|version)s?\b|\bupgrade (my |our |the )?(aks|kubernetes|k8s)\b|\bterraform state\b|\bscp\b|\bvlookup\b|\bexcel (formula|macro|sheet)s?\b|\b(bash|powershell|shell) script\b|\bcron (job|expression)\b|\bdns record for (my|our) (website|blog|domain)\b/,
    yieldsToSecurity: true,
  },
  {
    subject: 'opinion',
    pattern:
      /\bwhat do you think\b|\byour (opinion|view|take|favou?rite)\b|\bin your (opinion|view)\b|\bdo you (like|prefer|love|hate)\b|\bfavou?rite\b|\bwould you rather\b|\b(aws|gcp|google cloud|sagemaker|vertex ai|databricks|snowflake)\b|\bbetter than (aws|gcp|google)\b|\b(do|don'?t) you think\b|\b(chatgpt|copilot|gemini)\b/,
    yieldsToSecurity: true,
  },
  {
    subject: 'small-talk',
    pattern:
      /^(how are you( doing)?( today)?|how'?s it going|how is your day|what'?s up|good (night|evening)|thanks?( you)?|thank you( so much| very much)?|cheers|nice|cool|great|awesome|ok(ay)?|lol|bye|goodbye|see you)[\s!.,?]*$|\bare you (a bot|human|real|chatgpt|an ai|sentient)\b|\bwho (made|built|created) you\b|\btell me a joke\b/,
    yieldsToSecurity: false,
  },
];

/** A security angle: the baseline's own subject matter, named. */
const SECURITY_ANGLE =
  /\bsecur(e|ely|ity|ing)\b|\bsafe(st|ly)?\b|\bprivate (endpoint|link|network)s?\b|\bmanaged (identity|network|vnet)\b|\brbac\b|\bleast[- ]privilege\b|\bencrypt(ion|ed)?\b|\bcmk\b|\bvnet\b|\bnsg\b|\bdefender\b|\bkey ?vault\b|\bexfiltrat\w*\b|\bcompliance\b|\bthreats?\b|\bvulnerabilit(y|ies)\b|\bbaseline\b|\bthreat hunting\b|\bsuspicious\b|\bmalicious\b|\battack(s|er|ers)?\b|\bwho (accessed|signed in)\b|\bpolic(y|ies)\b|\brestrict\w*\b|\bgovern\w*\b|\bapprov\w*\b|\bexpos\w*\b|\bpublic(ly)?\b|\bprivate(ly)?\b|\bisolat\w*\b|\bnetwork\w*\b|\bpermissions?\b|\broles?\b/;

/** The out-of-scope subject of a normalised (lowercase) message, or undefined when it may be in scope. */
export function outOfScopeSubject(normalized: string): OutOfScopeSubject | undefined {
  const security = SECURITY_ANGLE.test(normalized);
  for (const { subject, pattern, yieldsToSecurity } of SUBJECTS) {
    if (pattern.test(normalized) && !(yieldsToSecurity && security)) return subject;
  }
  return undefined;
}

const SUBJECT_WORDS: Readonly<Record<OutOfScopeSubject, string>> = {
  pricing: 'Prices, costs and quotas',
  'model-building': 'Building, training and tuning models',
  'developer-tooling': 'Code, repositories and developer tools',
  'data-wrangling': 'Data wrangling and queries',
  helpdesk: 'Device and helpdesk problems',
  'general-it': 'General IT and infrastructure tasks',
  opinion: 'Opinions and comparisons with other platforms',
  'small-talk': 'Small talk',
};

/** How the reply names the subject it declines. */
export function outOfScopeSubjectText(subject: OutOfScopeSubject): string {
  return SUBJECT_WORDS[subject];
}
