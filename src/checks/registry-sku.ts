/**
 * Network rules, private link and the export policy of a container registry exist only in the Premium SKU:
 * `az acr update --public-network-enabled false` or `--allow-exports false` fails on Basic and Standard. A fix for
 * such a registry upgrades it first.
 */
import type { ContainerRegistry } from '../azure/snapshot';
import { sameText } from './define';

export function needsPremium(acr: Pick<ContainerRegistry, 'sku'>): boolean {
  return acr.sku !== undefined && !sameText(acr.sku, 'Premium');
}

/** The check's command, preceded by the SKU upgrade it needs on a registry below Premium. */
export function premiumFirst(cli: string): string {
  return `az acr update -n <registry> --sku Premium && ${cli}`;
}
