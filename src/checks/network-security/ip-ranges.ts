/**
 * Whether an IP firewall entry is too wide to be an allow-list. One judgment for every firewall a check reads
 * (the workspace's networkAcls, the linked storage account's and key vault's), so "deny by default" with
 * 0.0.0.0/1 + 128.0.0.0/1 counts as open everywhere alike.
 */

/** Ranges this wide are not an allow-list (a /0 to /8 covers millions of addresses). */
const WIDEST_ACCEPTABLE_PREFIX = 9;

export function isOverlyBroadRange(range: string): boolean {
  const [address, prefixText] = range.trim().split('/');
  if (address === '0.0.0.0' || address === '*') return true;
  if (prefixText === undefined) return false;
  const prefix = Number(prefixText);
  return Number.isInteger(prefix) && prefix < WIDEST_ACCEPTABLE_PREFIX;
}
