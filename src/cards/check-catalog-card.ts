/**
 * The check catalog as one compact card, grouped by workshop category: the chat's `checks` command (the CLI's
 * `guardian checks` prints the same list as a table). One line per check: its id and title; the category
 * heading says how many there are.
 */
import { CATEGORIES, CATEGORY_TITLES } from '../checks/types';
import type { CheckInfo } from '../report/catalog';
import type { AdaptiveCard } from './card';
import { plainText } from './escape';

export function checkCatalogCard(checks: readonly Pick<CheckInfo, 'id' | 'title' | 'category'>[]): AdaptiveCard {
  const groups = CATEGORIES.map((category) => ({ category, checks: checks.filter((c) => c.category === category) })).filter((g) => g.checks.length > 0);
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: `The check catalog: ${checks.length} checks`, size: 'Large', weight: 'Bolder', wrap: true },
      {
        type: 'TextBlock',
        text: 'Run one category with "check <category> on <workspace>" (for example "check network security on sample"), or all with "scan <workspace>".',
        wrap: true,
        isSubtle: true,
      },
      ...groups.map(({ category, checks: inCategory }) => ({
        type: 'Container',
        separator: true,
        items: [
          { type: 'TextBlock', text: `${CATEGORY_TITLES[category]} · ${inCategory.length}`, weight: 'Bolder', wrap: true },
          { type: 'FactSet', facts: inCategory.map((c) => ({ title: c.id, value: plainText(c.title) })) },
        ],
      })),
    ],
  };
}
