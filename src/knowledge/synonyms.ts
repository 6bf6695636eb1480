/**
 * Synonym groups for the Azure security vocabulary. Each group has a canonical token (first entry, one word) that is
 * appended to any text containing one of its variants, at index time and at query time alike — so "AAD", "Azure AD"
 * and "Microsoft Entra ID" all meet on `entra`, while the original words stay searchable (fuzzy matching still works).
 */
const GROUPS: readonly (readonly string[])[] = [
  ['entra', 'entra id', 'microsoft entra', 'azure ad', 'aad', 'azure active directory', 'active directory', 'azuread'],
  ['vnet', 'virtual network', 'virtual networks', 'vnets', 'v-net', 'virtual net'],
  ['managedvnet', 'managed vnet', 'managed virtual network', 'managed network', 'managed networks', 'managed vnets'],
  ['keyvault', 'key vault', 'key vaults', 'keyvaults', 'kv', 'akv', 'vault'],
  ['acr', 'container registry', 'container registries', 'azure container registry', 'docker registry', 'registry images'],
  ['privateendpoint', 'private endpoint', 'private endpoints', 'pe', 'pes', 'private link', 'privatelink', 'private-link'],
  ['serviceendpoint', 'service endpoint', 'service endpoints'],
  ['managedidentity', 'managed identity', 'managed identities', 'mi', 'msi', 'uami', 'user-assigned identity', 'system-assigned identity', 'workload identity'],
  ['serviceprincipal', 'service principal', 'service principals', 'sp', 'spn', 'app registration'],
  ['pmk', 'microsoft-managed key', 'microsoft-managed keys', 'microsoft managed key', 'microsoft managed keys', 'platform-managed key', 'platform-managed keys', 'platform managed keys'],
  ['cmk', 'customer-managed key', 'customer managed key', 'customer-managed keys', 'customer managed keys', 'byok', 'bring your own key', 'own keys', 'own key'],
  ['nsg', 'network security group', 'network security groups', 'nsgs'],
  ['rbac', 'role-based access control', 'role based access control', 'role assignment', 'role assignments', 'iam', 'access control'],
  ['mfa', 'multi-factor', 'multifactor', 'multi factor', '2fa', 'two-factor', 'two factor', 'second factor'],
  ['conditionalaccess', 'conditional access', 'ca policy', 'ca policies', 'ca'],
  ['aml', 'azure machine learning', 'azure ml', 'azureml', 'machine learning'],
  ['storageaccount', 'storage account', 'storage accounts', 'blob storage', 'adls', 'data lake', 'storage'],
  ['appinsights', 'application insights', 'app insights', 'appinsights'],
  ['loganalytics', 'log analytics', 'log analytics workspace'],
  ['pim', 'privileged identity management', 'just-in-time', 'just in time', 'jit'],
  ['exfiltration', 'exfiltrate', 'exfiltrated', 'exfil', 'data leak', 'data leakage', 'unauthorized transfer', 'unauthorised transfer', 'data theft', 'steal data', 'stealing data', 'data loss', 'data out', 'out the door', 'copy data out', 'copying data out', 'move data out', 'moves data out', 'moving data out', 'take data out', 'sneak data out'],
  ['computeinstance', 'compute instance', 'compute instances'],
  ['computecluster', 'compute cluster', 'compute clusters', 'amlcompute', 'training cluster'],
  ['defender', 'defender for cloud', 'microsoft defender', 'mdc', 'azure security center', 'security center'],
  ['sentinel', 'microsoft sentinel', 'azure sentinel', 'siem'],
  ['expressroute', 'express route', 'expressroute circuit'],
  ['vpn', 'vpn gateway', 'point-to-site', 'point to site', 'p2s', 'site-to-site', 'site to site', 's2s'],
  ['tls', 'ssl', 'https', 'transport layer security'],
  ['mcsb', 'microsoft cloud security benchmark', 'azure security benchmark', 'asb', 'security benchmark'],
  ['sqldb', 'azure sql', 'sql database', 'azure sql database', 'sql server', 'sql db'],
  ['dns', 'name resolution', 'dns spoofing', 'dns poisoning'],
  ['password', 'passwords', 'passphrase', 'credentials', 'pwd', 'secret', 'secrets'],
  ['backup', 'backups', 'back up', 'backing up', 'restore'],
  ['georeplication', 'geo-replication', 'geo replication', 'geo-replicated', 'geo replicated', 'geo-redundant', 'geo redundant', 'grs', 'ra-grs', 'gzrs', 'paired region', 'secondary region'],
  ['jupyter', 'jupyter notebook', 'jupyter notebooks', 'jupyterlab', 'notebook', 'notebooks'],
  ['port', 'ports', 'firewall rules', 'nsg rules', 'inbound', 'outbound'],
  ['containerimage', 'container image', 'container images', 'docker image', 'docker images', 'image', 'images'],
  ['classification', 'classify', 'classified', 'sensitivity label', 'sensitivity labels', 'labels', 'labelling', 'labeling'],
  ['policy', 'azure policy', 'policies', 'policy definition', 'initiative'],
  ['admin', 'admins', 'administrator', 'administrators', 'administrative', 'administer', 'administering', 'administration'],
  ['onprem', 'on-prem', 'on-premises', 'on premises', 'on-premise', 'office', 'offices', 'branch office', 'branch offices', 'headquarters', 'hq', 'corporate network', 'datacenter', 'data center'],
  ['remote', 'remote access', 'remote users', 'remote workers', 'remote employees', 'remote staff', 'work from home', 'working from home', 'wfh', 'from home', 'telework', 'teleworking'],
  ['centralize', 'centralise', 'centralized', 'centralised', 'centralizing', 'centralising', 'central', 'one place', 'single place', 'in one spot', 'bring together', 'bring them together', 'consolidate', 'consolidated', 'aggregate', 'aggregated'],
  ['detect', 'detection', 'detecting', 'detected', 'notice', 'noticed', 'get alerted', 'be alerted', 'alerted'],
];

interface CompiledVariant {
  readonly canonical: string;
  readonly pattern: RegExp;
}

/** `text` as a literal inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const COMPILED: readonly CompiledVariant[] = GROUPS.flatMap((group) => {
  const canonical = group[0] ?? '';
  return group.map((variant) => ({
    canonical,
    pattern: new RegExp(`(?<![a-z0-9])${escapeRegExp(variant).replace(/ /g, '[\\s-]+')}(?![a-z0-9])`, 'i'),
  }));
});

/** The canonical tokens of every synonym group the text mentions. */
export function synonymTokens(text: string): readonly string[] {
  const found = new Set<string>();
  for (const { canonical, pattern } of COMPILED) {
    if (!found.has(canonical) && pattern.test(text)) found.add(canonical);
  }
  return [...found];
}

/** The text followed by the canonical tokens of the synonym groups it mentions. */
export function expandSynonyms(text: string): string {
  const tokens = synonymTokens(text);
  return tokens.length === 0 ? text : `${text} ${tokens.join(' ')}`;
}

/** The canonical token of every group (part of the domain vocabulary). */
export function synonymCanonicals(): readonly string[] {
  return GROUPS.map((group) => group[0] ?? '').filter((token) => token.length > 0);
}

/** Every group as [canonical, ...variants] (the canonical is also a variant): for phrase-level matching. */
export function synonymGroups(): readonly (readonly string[])[] {
  return GROUPS;
}
