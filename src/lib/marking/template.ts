import type { ItemKey, KeyFile, KeyItem, RunCandidate } from '../exam/index.ts';
import { formatPoints } from '../exam-pdf/header.ts';
import { indexToLetter } from '../questions/index.ts';
import type { ColumnSpec, SheetSpec } from '../spreadsheet/index.ts';
import { isObjective } from './items.ts';
import { RESPONSE_COLUMNS } from './table-source.ts';

/** Returns every non-empty combination of the first `count` letters, shortest first: A, B, …, AB, AC, …. */
function letterCombinations(count: number): string[] {
  const combos: string[] = [];
  for (let mask = 1; mask < 1 << count; mask++) {
    combos.push([...Array(count).keys()].filter((i) => mask & (1 << i)).map(indexToLetter).join(''));
  }
  return combos.sort((a, b) => a.length - b.length || a.localeCompare(b));
}

function choicesFor(item: KeyItem): string[] | undefined {
  if (item.type === 'truefalse') return ['√', '×'];
  const count = item.options?.length ?? 0;
  if (item.type === 'single') return [...Array(count).keys()].map(indexToLetter);
  if (item.type === 'multiple') return letterCombinations(count);
  return undefined;
}

/**
 * Returns the response template of a run: 工号, 姓名, 部门, 卷别, then one column per question
 * number of every variant (case parts as `38(2)`). Objective columns get drop-downs when every
 * variant asks the same kind of question there; subjective headers show the maximum points.
 * One row per roster candidate when the run has a roster.
 */
export function responseTemplate(key: KeyFile, roster?: readonly RunCandidate[]): SheetSpec {
  const byKey = new Map<ItemKey, KeyItem[]>();
  for (const variant of key.variants) for (const item of variant.items) byKey.set(item.key, [...(byKey.get(item.key) ?? []), item]);
  const ordered = [...byKey.keys()].sort((a, b) => parseFloat(a) - parseFloat(b) || a.localeCompare(b, 'en', { numeric: true }));
  const itemColumns: ColumnSpec[] = ordered.map((k) => {
    const items = byKey.get(k)!;
    if (items.every((i) => !isObjective(i.type))) {
      const max = Math.max(...items.map((i) => i.points));
      return { header: `${k}（满分${formatPoints(max)}）`, width: 11, note: `得分：0–${formatPoints(max)} 分` };
    }
    const choices = items.map(choicesFor);
    const same = choices.every((c) => c && c.join() === choices[0]!.join());
    return { header: k, width: 7, ...(same ? { choices: choices[0]! } : {}) };
  });
  const labels = key.variants.map((v) => v.label);
  return {
    name: '作答',
    columns: [
      { header: RESPONSE_COLUMNS.id, width: 12 },
      { header: RESPONSE_COLUMNS.name, width: 10 },
      { header: RESPONSE_COLUMNS.department, width: 12 },
      { header: RESPONSE_COLUMNS.variant, width: 6, choices: labels },
      ...itemColumns,
    ],
    rows: (roster ?? []).map((c) => [c.id, c.name, c.department, c.variant, ...itemColumns.map(() => '')]),
    spareRows: roster?.length ? 10 : 200,
  };
}
