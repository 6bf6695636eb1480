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

/** The check's command, preceded by the SKU upgrade when the registry is not Premium; undefined when it is. */
export function premiumFirst(acr: Pick<ContainerRegistry, 'sku'>, cli: string | undefined): string | undefined {
  if (cli === undefined || !needsPremium(acr)) return undefined;
  return `az acr update -n <registry> --sku Premium && ${cli}`;
}
