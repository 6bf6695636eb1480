/**
 * What AML-NET-004 treats as reviewed egress. FQDNs come from the AML managed-network documentation
 * (package repositories, Microsoft container registry, VS Code for compute instances); service tags are
 * the ones AML itself needs. Anything else is either clearly risky (wildcards, storage and file-sharing
 * endpoints, whole-cloud tags) or unknown and left for a person to review.
 */

/** Exact FQDNs AML documents for common scenarios (pip/conda/R, MCR images, VS Code remote). */
export const ALLOWED_FQDNS: ReadonlySet<string> = new Set([
  'pypi.org',
  'files.pythonhosted.org',
  'anaconda.com',
  'repo.anaconda.com',
  'conda.anaconda.org',
  'cloud.r-project.org',
  'mcr.microsoft.com',
  'packages.microsoft.com',
  'marketplace.visualstudio.com',
  'update.code.visualstudio.com',
  'vscode.download.prss.microsoft.com',
  'vscode.blob.core.windows.net',
  'ml.azure.com',
]);

/** Wildcards AML documents for package mirrors and MCR data endpoints; every other wildcard fails. */
export const ALLOWED_WILDCARD_FQDNS: ReadonlySet<string> = new Set([
  '*.pythonhosted.org',
  '*.anaconda.com',
  '*.anaconda.org',
  '*.data.mcr.microsoft.com',
  '*.vo.msecnd.net',
]);

/** Domains that accept uploads from anyone: an egress rule to them (or a host under them) is an exfiltration path. */
export const EXFILTRATION_DOMAINS: readonly string[] = [
  'blob.core.windows.net',
  'dfs.core.windows.net',
  'file.core.windows.net',
  'queue.core.windows.net',
  'table.core.windows.net',
  'web.core.windows.net',
  'blob.storage.azure.net',
  'amazonaws.com',
  'storage.googleapis.com',
  'dropbox.com',
  'drive.google.com',
  'onedrive.live.com',
  'pastebin.com',
  'transfer.sh',
  'ngrok.io',
  'ngrok-free.app',
];

/** Service tags AML needs in a managed network (its required rules use them). */
export const ALLOWED_SERVICE_TAGS: ReadonlySet<string> = new Set([
  'azuremachinelearning',
  'azureactivedirectory',
  'azureresourcemanager',
  'azurefrontdoor.firstparty',
  'azurefrontdoor.frontend',
  'microsoftcontainerregistry',
  'azuremonitor',
  'batchnodemanagement',
  'keyvault',
]);

/** Tags that open whole clouds or the internet; `Storage` without a region reaches every tenant's storage. */
export const BROAD_SERVICE_TAGS: ReadonlySet<string> = new Set(['internet', 'azurecloud', 'storage', '*', 'any']);

export type RuleVerdict = { readonly kind: 'allowed' | 'risky' | 'unreviewed'; readonly reason: string };

export function judgeFqdn(destination: string): RuleVerdict {
  const fqdn = destination.trim().toLowerCase().replace(/\.$/, '');
  if (ALLOWED_FQDNS.has(fqdn) || ALLOWED_WILDCARD_FQDNS.has(fqdn)) return { kind: 'allowed', reason: 'on the AML-documented allow-list' };
  if (fqdn.includes('*')) return { kind: 'risky', reason: 'a wildcard FQDN allows every host under the domain' };
  const exfil = EXFILTRATION_DOMAINS.find((d) => fqdn === d || fqdn.endsWith(`.${d}`));
  if (exfil !== undefined) return { kind: 'risky', reason: `a storage or file-sharing endpoint (${exfil}) that accepts uploads` };
  return { kind: 'unreviewed', reason: 'not on the AML-documented allow-list' };
}

/** The tag name of a ServiceTag destination such as `Storage.westeurope` or `AzureCloud (TCP 443)`. */
export function serviceTagOf(destination: string): string {
  const match = /^[\s"{]*(?:servicetag["\s:=]*)?([A-Za-z*][A-Za-z0-9.*-]*)/i.exec(destination);
  return (match?.[1] ?? destination).toLowerCase();
}

export function judgeServiceTag(destination: string): RuleVerdict {
  const tag = serviceTagOf(destination);
  const base = tag.split('.')[0] ?? tag;
  if (BROAD_SERVICE_TAGS.has(tag) || base === 'azurecloud' || base === 'internet') {
    return { kind: 'risky', reason: `service tag ${tag} opens a whole cloud or the internet` };
  }
  if (ALLOWED_SERVICE_TAGS.has(tag) || ALLOWED_SERVICE_TAGS.has(base)) return { kind: 'allowed', reason: 'a service tag AML requires' };
  if (base === 'storage') return { kind: 'unreviewed', reason: `service tag ${tag} reaches every tenant's storage in that region` };
  return { kind: 'unreviewed', reason: 'not a service tag AML requires' };
}
