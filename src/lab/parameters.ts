/**
 * The lab's parameters: the values the learner puts in config-infra-prod.yml (exercise 6) plus the subscription.
 * They are validated as strictly as the accelerator needs them, because every resource name derives from them and
 * they end up in commands shown to the learner.
 */
import { isGuid } from '../shared/resource-id';
import { isAzureRegion } from './azure-regions';

export interface LabParameters {
  readonly subscriptionId: string;
  readonly namespace?: string;
  readonly postfix?: string;
  readonly location?: string;
  readonly environment?: string;
  /** The compute cluster the pipeline creates (`training_target` in the accelerator: `cpu-cluster`). */
  readonly computeCluster?: string;
  /** Set when the bot found the deployed workspace (or the learner gave its id): validations read this one. */
  readonly workspaceId?: string;
}

export const DEFAULT_COMPUTE_CLUSTER = 'cpu-cluster';
export const DEFAULT_ENVIRONMENT = 'prod';
/** The accelerator's sample region (config-infra-prod.yml): the form shows it, and typed parameters get it too. */
export const DEFAULT_LOCATION = 'eastus';
/** What `validateParameters` accepts for namespace, in the words the form's hint and the problems use. */
export const NAMESPACE_RULE = '1–10 lower-case letters or digits, starting with a letter';

export type ParameterResult = { readonly ok: true; readonly value: LabParameters } | { readonly ok: false; readonly problems: readonly string[] };

/** The input fields (card ids and `key=value` names) and the aliases people type. */
const ALIASES: Readonly<Record<string, keyof LabParameters>> = {
  subscription: 'subscriptionId',
  subscriptionid: 'subscriptionId',
  sub: 'subscriptionId',
  namespace: 'namespace',
  ns: 'namespace',
  postfix: 'postfix',
  location: 'location',
  region: 'location',
  environment: 'environment',
  env: 'environment',
  computecluster: 'computeCluster',
  cluster: 'computeCluster',
  compute: 'computeCluster',
};

const PAIR = /([A-Za-z_]+)\s*[=:]\s*("[^"]*"|'[^']*'|[^\s,;]+)/g;

/** A value followed by more words ("location=East US"): the words were not read, so the value is likely cut short. */
export interface StrayWords {
  readonly key: string;
  readonly value: string;
  readonly words: string;
}

/** Words between pairs that join them rather than continue a value. */
const JOINING_WORD = /^(?:and|&)$/i;

/**
 * Reads `key=value` pairs ("subscription=… namespace=mlops postfix=0001"); unknown keys are reported, and so are
 * words right after a value, since an unquoted value ends at the first space.
 */
export function parseParameterText(text: string): { readonly values: Record<string, string>; readonly unknown: readonly string[]; readonly stray: readonly StrayWords[] } {
  const values: Record<string, string> = {};
  const unknown: string[] = [];
  const stray: StrayWords[] = [];
  const matches = [...text.matchAll(PAIR)];
  matches.forEach((match, i) => {
    const key = (match[1] ?? '').toLowerCase().replace(/_/g, '');
    const value = (match[2] ?? '').replace(/^["']|["']$/g, '');
    const field = ALIASES[key];
    if (field === undefined) unknown.push(match[1] ?? '');
    else values[field] = value;
    const end = match.index + match[0].length;
    const words = text.slice(end, matches[i + 1]?.index ?? text.length).split(/[\s,;]+/).filter((w) => w !== '' && !JOINING_WORD.test(w));
    if (words.length > 0) stray.push({ key: match[1] ?? '', value, words: words.join(' ') });
  });
  return { values, unknown, stray };
}

/** True when the text holds at least one `key=value` pair for a lab parameter. */
export function looksLikeParameters(text: string): boolean {
  return Object.keys(parseParameterText(text).values).length > 0;
}

/**
 * True when the text is nothing but `key=value` pairs, every key a lab parameter name: no other words, no unknown
 * key. Nobody answers anything else that way, so such a message is the lab's whatever else is waiting.
 */
export function isOnlyParameters(text: string): boolean {
  const parsed = parseParameterText(text);
  return Object.keys(parsed.values).length > 0 && parsed.unknown.length === 0 && text.replace(PAIR, ' ').replace(/[\s,;]+/g, '') === '';
}

/**
 * Validates raw input (from a card or from text) merged over what is already known. Lists every problem.
 * The rules follow the accelerator: names are lower-case letters and digits, and the longest derived names
 * (storage account `st<namespace><postfix><environment>`, Key Vault `kv-<namespace>-<postfix><environment>`)
 * must stay within 24 characters.
 */
export function validateParameters(input: Readonly<Record<string, unknown>>, known?: LabParameters): ParameterResult {
  const problems: string[] = [];
  const pick = (field: keyof LabParameters): string | undefined => {
    const raw = input[field];
    if (raw === undefined || raw === null || raw === '') return known?.[field];
    if (typeof raw !== 'string') {
      problems.push(`${field} must be text.`);
      return undefined;
    }
    return raw.trim();
  };
  const subscriptionId = pick('subscriptionId')?.toLowerCase();
  const namespace = pick('namespace')?.toLowerCase();
  const postfix = pick('postfix')?.toLowerCase();
  const location = (pick('location') ?? DEFAULT_LOCATION).toLowerCase().replace(/\s+/g, '');
  const environment = (pick('environment') ?? DEFAULT_ENVIRONMENT).toLowerCase();
  const computeCluster = pick('computeCluster') ?? DEFAULT_COMPUTE_CLUSTER;

  if (subscriptionId === undefined) problems.push('subscription is missing: give the subscription id (a GUID).');
  else if (!isGuid(subscriptionId)) problems.push('subscription must be a subscription id (a GUID such as 00000000-0000-0000-0000-000000000000).');
  if (namespace === undefined) problems.push(`namespace is missing: give ${NAMESPACE_RULE} (e.g. mlopsv2).`);
  else if (!/^[a-z][a-z0-9]{0,9}$/.test(namespace)) problems.push(`namespace must be ${NAMESPACE_RULE} (no dashes: it is part of the storage account name).`);
  if (postfix === undefined) problems.push('postfix is missing (the accelerator suggests up to 4 digits, e.g. 0001).');
  else if (!/^[0-9]{1,4}$/.test(postfix)) problems.push('postfix must be 1–4 digits (e.g. 0001).');
  if (!isAzureRegion(location)) problems.push(`location ${location.slice(0, 40)} is not an Azure region name: use one such as eastus, westeurope or swedencentral (the Name column of az account list-locations -o table).`);
  if (!/^[a-z]{2,8}$/.test(environment)) problems.push('environment must be 2–8 lower-case letters (prod or dev).');
  if (!/^[a-zA-Z][a-zA-Z0-9-]{1,31}$/.test(computeCluster)) problems.push('computeCluster must be 2–32 letters, digits or dashes, starting with a letter.');

  if (namespace !== undefined && postfix !== undefined && problems.length === 0) {
    for (const name of [`st${namespace}${postfix}${environment}`, `kv-${namespace}-${postfix}${environment}`]) {
      if (name.length > 24) problems.push(`namespace, postfix and environment are too long together: the name ${name} has ${name.length} characters (24 at most). Shorten namespace.`);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      subscriptionId: subscriptionId ?? '',
      namespace,
      postfix,
      location,
      environment,
      computeCluster,
      // A workspace found earlier stays only while the naming values are unchanged.
      ...(known?.workspaceId !== undefined && sameNaming(known, { subscriptionId, namespace, postfix, environment }) ? { workspaceId: known.workspaceId } : {}),
    },
  };
}

function sameNaming(a: LabParameters, b: Partial<LabParameters>): boolean {
  return a.subscriptionId === b.subscriptionId && a.namespace === b.namespace && a.postfix === b.postfix && a.environment === b.environment;
}

/** True when the values the names derive from are all known. */
export function hasNaming(p: LabParameters): p is LabParameters & { namespace: string; postfix: string; environment: string } {
  return p.namespace !== undefined && p.postfix !== undefined && p.environment !== undefined;
}
