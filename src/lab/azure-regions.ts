/**
 * The Azure public-cloud region names (`az account list-locations --query "[].name"`), so that a mistyped location
 * is refused before it ends up in the accelerator's config and in the commands shown to the learner.
 * A region Azure adds later is refused until it is listed here; the message says where to look it up.
 */
const AZURE_REGIONS: ReadonlySet<string> = new Set([
  'australiacentral', 'australiacentral2', 'australiaeast', 'australiasoutheast', 'austriaeast', 'belgiumcentral',
  'brazilsouth', 'brazilsoutheast', 'canadacentral', 'canadaeast', 'centralindia', 'centralus', 'centraluseuap',
  'chilecentral', 'eastasia', 'eastus', 'eastus2', 'eastus2euap', 'francecentral', 'francesouth', 'germanynorth',
  'germanywestcentral', 'indonesiacentral', 'israelcentral', 'italynorth', 'japaneast', 'japanwest', 'jioindiacentral',
  'jioindiawest', 'koreacentral', 'koreasouth', 'malaysiawest', 'mexicocentral', 'newzealandnorth', 'northcentralus',
  'northeurope', 'norwayeast', 'norwaywest', 'polandcentral', 'qatarcentral', 'southafricanorth', 'southafricawest',
  'southcentralus', 'southeastasia', 'southindia', 'spaincentral', 'swedencentral', 'swedensouth', 'switzerlandnorth',
  'switzerlandwest', 'uaecentral', 'uaenorth', 'uksouth', 'ukwest', 'westcentralus', 'westeurope', 'westindia',
  'westus', 'westus2', 'westus3',
]);

/** True for an Azure region name in its canonical form (lower case, no spaces: `eastus`, `westeurope`). */
export function isAzureRegion(name: string): boolean {
  return AZURE_REGIONS.has(name);
}
