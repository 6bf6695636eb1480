/**
 * The `checks` command ("checks", "list checks", "what checks do you run?"): the check catalog, grouped by
 * category, as `guardian checks` shows it.
 */
import { checkCatalogCard } from '../cards/check-catalog-card';
import type { CheckInfo } from '../report/catalog';
import type { Feature, TurnCommandHandlers } from './feature';

export interface ChecksCatalogDependencies {
  readonly checks: readonly Pick<CheckInfo, 'id' | 'title' | 'category'>[];
}

export function createChecksCatalogFeature({ checks }: ChecksCatalogDependencies): Feature & { readonly commands: Pick<TurnCommandHandlers, 'checks'> } {
  return {
    name: 'checks',
    commands: {
      checks: async (_intent, { port }) => {
        await port.sendCard(checkCatalogCard(checks), `The check catalog: ${checks.length} checks`);
      },
    },
  };
}
