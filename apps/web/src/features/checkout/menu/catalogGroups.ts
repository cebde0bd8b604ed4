import type { CatalogItem, ItemKind } from '@kayoi/contracts';

export interface CatalogGroup {
  key: string;
  kind: ItemKind;
  /** The shop's own category name; null when the items have none. */
  category: string | null;
  items: CatalogItem[];
}

/** Services before products, each category where the shop first listed it: the menu's own order. */
export function groupCatalog(items: readonly CatalogItem[]): CatalogGroup[] {
  const groups = new Map<string, CatalogGroup>();
  for (const kind of ['service', 'product'] as const) {
    for (const item of items) {
      if (!item.active || item.kind !== kind) continue;
      const key = `${kind}:${item.category ?? ''}`;
      let group = groups.get(key);
      if (!group) {
        group = { key, kind, category: item.category, items: [] };
        groups.set(key, group);
      }
      group.items.push(item);
    }
  }
  return [...groups.values()];
}
