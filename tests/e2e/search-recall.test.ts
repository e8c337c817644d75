import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SITES } from '../support/paths.ts';
import { useSiteInBrowser } from '../support/site-fixture.ts';

const browser = useSiteInBrowser(SITES.sample);

/** Kind → [query, ...accepted lessons]; written as trainees ask, not from the search code. */
const SET = parse(readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'search-queries.yaml'), 'utf8')) as Record<string, string[][]>;
const TARGET = 0.9;

type Found = Record<string, string[]>;

/** Returns recall@5 per kind: the share of queries with an accepted lesson among the first five results. */
function recallByKind(found: Found): Record<string, { recall: number; misses: string[] }> {
  return Object.fromEntries(
    Object.entries(SET).map(([kind, rows]) => {
      const misses = rows.filter(([query, ...lessons]) => !found[query!]!.slice(0, 5).some((url) => lessons.some((l) => url.replace(/^\/|\/$/g, '') === l)));
      return [kind, { recall: (rows.length - misses.length) / rows.length, misses: misses.map(([q]) => `${q} → ${found[q!]!.slice(0, 5).join(' ')}`) }];
    }),
  );
}

function report(label: string, recall: ReturnType<typeof recallByKind>) {
  const lines = Object.entries(recall).map(([kind, { recall: r, misses }]) => `  ${kind.padEnd(17)} recall@5 ${(r * 100).toFixed(0).padStart(3)} %${misses.length ? `  misses: ${misses.join(' | ')}` : ''}`);
  console.log(`${label}\n${lines.join('\n')}`);
}

describe('search recall@5 as trainees ask, in Chromium', () => {
  it('has at least 40 queries in five kinds', () => {
    expect(Object.keys(SET)).toHaveLength(5);
    expect(Object.values(SET).flat().length).toBeGreaterThanOrEqual(40);
    for (const rows of Object.values(SET)) expect(rows.length).toBeGreaterThanOrEqual(8);
  });

  it('reaches the target in every kind through the search page, and reports plain Pagefind beside it', async () => {
    const queries = Object.values(SET).flat().map(([query]) => query!);
    const page = await browser.page();
    await page.goto(browser.url('/search/'));
    // Plain Pagefind, the query exactly as typed: the "before" figures.
    const plain: Found = await page.evaluate(async (queries) => {
      const pagefind = await (0, eval)('import("/pagefind/pagefind.js")');
      await pagefind.init();
      const found: Record<string, string[]> = {};
      for (const query of queries) {
        const search = await pagefind.search(query);
        found[query] = await Promise.all(search.results.slice(0, 5).map(async (r: { data(): Promise<{ url: string }> }) => (await r.data()).url));
      }
      return found;
    }, queries);
    // trainbook's search page, typed into the box as a trainee would.
    const processed: Found = {};
    const input = page.locator('#site-search-input');
    for (const query of queries) {
      await input.fill(query);
      await page.waitForFunction((q) => {
        const list = document.querySelector<HTMLElement>('[data-search-results]')!;
        return list.dataset.state === 'done' && list.dataset.query === q.trim();
      }, query);
      processed[query] = await page.locator('[data-search-results] > li > a').evaluateAll((links) => links.slice(0, 5).map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    }
    const before = recallByKind(plain);
    const after = recallByKind(processed);
    report('plain Pagefind (before)', before);
    report('trainbook search (after)', after);
    for (const [kind, { recall, misses }] of Object.entries(after)) expect({ kind, recall, misses }).toEqual({ kind, recall: expect.toSatisfy((r: number) => r >= TARGET), misses: expect.anything() });
    await page.close();
    // About 115 searches in a real browser; slow on a busy two-core machine.
  }, 300_000);
});
