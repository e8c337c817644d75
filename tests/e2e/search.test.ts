import { describe, expect, it } from 'vitest';
import { SITES } from '../support/paths.ts';
import { useSiteInBrowser } from '../support/site-fixture.ts';

const browser = useSiteInBrowser(SITES.sample);

// Query → the lesson a trainee searching for it should find among the first five results.
// Two-character terms, longer terms and mixed Chinese/Latin; run in Chromium because the
// browser's word segmenter, not Node's, splits the query (Pagefind issue #1237).
const QUERIES: [query: string, lesson: string][] = [
  ['工单', '/system-ops/tickets/'],
  ['首次解决率', '/problem-solving/solutions-and-follow-up/'],
  ['CRM 系统', '/system-ops/crm-basics/'],
  ['话术', '/system-ops/system-outage-scripts/'],
  ['投诉', '/communication/complaint-handling/'],
  ['倾听', '/communication/active-listening/'],
  ['开放式问题', '/communication/active-listening/'],
  ['急躁型', '/communication/customer-types/'],
  ['疑虑型客户', '/communication/customer-types/'],
  ['情绪安抚', '/communication/de-escalation/'],
  ['退换货', '/product-knowledge/returns-and-fees/'],
  ['物流跟踪', '/product-knowledge/order-lifecycle/'],
  ['竞品', '/product-knowledge/competitor-questions/'],
  ['知识库', '/system-ops/knowledge-base-and-tools/'],
  ['转接', '/system-ops/knowledge-base-and-tools/'],
  ['系统故障', '/system-ops/system-outage-scripts/'],
  ['升级', '/problem-solving/escalation/'],
  ['辱骂', '/problem-solving/abusive-customers/'],
  ['人身安全', '/problem-solving/abusive-customers/'],
  ['保密', '/service-mindset/data-confidentiality-and-integrity/'],
  ['诚信', '/service-mindset/data-confidentiality-and-integrity/'],
  ['职业形象', '/service-mindset/professional-image-and-etiquette/'],
  ['压力', '/service-mindset/emotional-self-management/'],
  ['以客户为中心', '/service-mindset/customer-centred-service/'],
  ['必填字段', '/system-ops/tickets/'],
];

describe('Chinese search with Pagefind in Chromium', () => {
  it('finds the named lesson in the top 5 for every query', async () => {
    const page = await browser.page();
    await page.goto(browser.url('/search/'));
    const results = await page.evaluate(async (queries) => {
      // Indirect import: vitest would otherwise rewrite `import()` inside this browser-side function.
      const pagefind = await (0, eval)('import("/pagefind/pagefind.js")');
      await pagefind.init();
      const found: Record<string, string[]> = {};
      for (const [query] of queries) {
        const search = await pagefind.search(query);
        found[query] = await Promise.all(search.results.slice(0, 5).map(async (r: { data(): Promise<{ url: string }> }) => (await r.data()).url));
      }
      return found;
    }, QUERIES);
    const misses = QUERIES.filter(([query, lesson]) => !results[query]!.includes(lesson)).map(([q, l]) => `${q} → ${l}, got ${results[q]!.join(' ')}`);
    expect(misses).toEqual([]);
    await page.close();
  });

  it('returns nothing for a term no lesson contains, so the hits above are real matches', async () => {
    const page = await browser.page();
    await page.goto(browser.url('/search/'));
    const counts = await page.evaluate(async () => {
      const pagefind = await (0, eval)('import("/pagefind/pagefind.js")');
      await pagefind.init();
      return { absent: (await pagefind.search('量子纠缠')).results.length, present: (await pagefind.search('工单')).results.length };
    });
    expect(counts.absent).toBe(0);
    expect(counts.present).toBeGreaterThan(0);
    await page.close();
  });

  it('offers a module filter and never returns pages other than lessons', async () => {
    const page = await browser.page();
    await page.goto(browser.url('/search/'));
    const { filters, urls } = await page.evaluate(async () => {
      // Indirect import: vitest would otherwise rewrite `import()` inside this browser-side function.
      const pagefind = await (0, eval)('import("/pagefind/pagefind.js")');
      await pagefind.init();
      const search = await pagefind.search('客户', { filters: { module: '客服系统操作' } });
      const urls = await Promise.all(search.results.map(async (r: { data(): Promise<{ url: string }> }) => (await r.data()).url));
      return { filters: await pagefind.filters(), urls };
    });
    expect(Object.keys(filters.module).sort()).toEqual(['产品与业务知识', '客服系统操作', '服务意识与职业素养', '沟通技巧与情绪管理', '问题分析与解决']);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.every((url: string) => url.startsWith('/system-ops/') && !url.endsWith('/print/') && !url.endsWith('/practice/'))).toBe(true);
    await page.close();
  });

  it('shows results in the search page UI for a query from the header form', async () => {
    const page = await browser.page();
    await page.goto(browser.url('/search/?q=退换货'));
    // Results arrive one by one; wait for the expected lesson's link rather than for the first result.
    const link = page.locator('.search-result a[href^="/product-knowledge/returns-and-fees/"]').first();
    await link.waitFor({ timeout: 30_000 });
    expect(await page.locator('#site-search-input').inputValue()).toBe('退换货');
    await page.close();
  });
});
