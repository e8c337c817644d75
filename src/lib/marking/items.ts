import type { ItemKey, KeyFile, KeyItem } from '../exam/index.ts';

/**
 * One item of the paper independent of the variant: a question (`com-001@2`) or a case part
 * (`case-003@1(2)`). Results, statistics and the bank's stats are kept per canonical item,
 * in the order of variant A.
 */
export interface CanonicalItem {
  /** `id@rev`, or `id@rev(part)` for a case part. */
  ref: string;
  /** `id@rev` of the bank question. */
  question: string;
  part?: number;
  type: KeyItem['type'];
  points: number;
  /** Index of the section in every variant. */
  section: number;
  /** The item's number on variant A, e.g. `38(2)`: how results label it. */
  label: ItemKey;
  /** Option count for choice items. */
  optionCount?: number;
}

/** The items of a key in canonical order, and where each variant's item sits in it. */
export interface ItemIndex {
  items: CanonicalItem[];
  /** Per variant label: item key → { canonical index, the variant's key item }. */
  variants: Map<string, Map<ItemKey, { index: number; item: KeyItem }>>;
  sections: { heading: string; points: number }[];
}

/** Returns `id@rev` or `id@rev(part)` of a key item. */
export function canonicalRef(item: Pick<KeyItem, 'ref' | 'part'>): string {
  return item.part === undefined ? item.ref : `${item.ref}(${item.part})`;
}

/** Returns the canonical items of a key and each variant's mapping onto them. */
export function indexItems(key: KeyFile): ItemIndex {
  const first = key.variants[0];
  if (!first) throw new TypeError('`indexItems` needs a key with at least one variant');
  const sectionOf = (variant: KeyFile['variants'][number]) => {
    const map = new Map<ItemKey, number>();
    variant.sections.forEach((s, i) => s.items.forEach((k) => map.set(k, i)));
    return map;
  };
  const firstSections = sectionOf(first);
  const items: CanonicalItem[] = first.items.map((item) => ({
    ref: canonicalRef(item),
    question: item.ref,
    ...(item.part === undefined ? {} : { part: item.part }),
    type: item.type,
    points: item.points,
    section: firstSections.get(item.key) ?? 0,
    label: item.key,
    ...(item.options ? { optionCount: item.options.length } : {}),
  }));
  const position = new Map(items.map((item, i) => [item.ref, i]));
  const variants = new Map<string, Map<ItemKey, { index: number; item: KeyItem }>>();
  for (const variant of key.variants) {
    const map = new Map<ItemKey, { index: number; item: KeyItem }>();
    for (const item of variant.items) {
      const index = position.get(canonicalRef(item));
      if (index === undefined) throw new TypeError(`key.json: variant ${variant.label} has ${canonicalRef(item)}, which variant ${first.label} lacks`);
      map.set(item.key, { index, item });
    }
    variants.set(variant.label, map);
  }
  return { items, variants, sections: first.sections.map((s) => ({ heading: s.heading, points: s.points })) };
}

/** Returns whether the candidate writes letters (or √/×) for the item, rather than the marker writing points. */
export function isObjective(type: KeyItem['type']): boolean {
  return type === 'single' || type === 'multiple' || type === 'truefalse';
}
