/**
 * The `checks` command ("checks", "list checks", "what checks do you run?"): the check catalog, grouped by
 * category, as `guardian checks` shows it.
 */
import { checkCatalogCard } from '../cards/check-catalog-card';
import type { CheckInfo } from '../report/catalog';
import type { Feature, IncomingMessage } from './feature';
import type { TurnPort } from './port';

export interface ChecksCatalogDependencies {
  readonly checks: readonly Pick<CheckInfo, 'id' | 'title' | 'category'>[];
}

export function createChecksCatalogFeature({ checks }: ChecksCatalogDependencies): Feature {
  return {
    name: 'checks',
    async onMessage(port: TurnPort, { route }: IncomingMessage): Promise<boolean> {
      if (route.intent !== 'command' || route.command !== 'checks') return false;
      await port.sendCard(checkCatalogCard(checks), `The check catalog: ${checks.length} checks`);
      return true;
    },
  };
}
