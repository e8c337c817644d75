import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { createTranslator } from '../../src/lib/i18n/index.ts';
import { ROOT, SITES } from '../support/paths.ts';
import { useSiteInBrowser } from '../support/site-fixture.ts';

const browser = useSiteInBrowser(SITES.sample);

/** The file's last commit date as git reports it, or undefined without full history. */
function gitLastCommitDate(file: string): string | undefined {
  try {
    if (execFileSync('git', ['rev-parse', '--is-shallow-repository'], { cwd: ROOT, encoding: 'utf8' }).trim() === 'true') return undefined;
    return execFileSync('git', ['log', '-1', '--format=%cs', '--', file], { cwd: ROOT, encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

describe('reading the sample course', () => {
  it('goes home → module → lesson → next lesson, across module boundaries', async () => {
    const page = await browser.page();
    await page.goto(browser.url('/'));
    expect(await page.locator('.module-card').count()).toBe(5);
    await page.locator('main').getByRole('link', { name: '沟通技巧与情绪管理' }).click();
    await page.waitForURL(/\/communication\/$/);
    expect(await page.locator('h1').textContent()).toBe('沟通技巧与情绪管理');
    await page.locator('.lesson-list a').first().click();
    await page.waitForURL(/\/communication\/active-listening\/$/);
    expect(await page.locator('.breadcrumb').textContent()).toContain('沟通技巧与情绪管理');
    await page.locator('a[rel=next]').click();
    await page.waitForURL(/\/communication\/customer-types\/$/);
    // The last lesson of a module leads to the first lesson of the next module.
    await page.goto(browser.url('/communication/de-escalation/'));
    expect(await page.locator('a[rel=next]').getAttribute('href')).toBe('/product-knowledge/company-and-products/');
    await page.close();
  });

  it('shows objectives, an on-page table of contents and a last-updated date on a lesson', async () => {
    const page = await browser.page({ viewport: { width: 1280, height: 900 } });
    await page.goto(browser.url('/communication/complaint-handling/'));
    expect(await page.locator('.objectives li').count()).toBeGreaterThan(0);
    const toc = page.locator('aside.toc-side');
    expect(await toc.isVisible()).toBe(true);
    const firstEntry = toc.locator('a').first();
    const target = decodeURIComponent((await firstEntry.getAttribute('href'))!.slice(1));
    expect(await page.locator(`[id="${target}"]`).count()).toBe(1);
    // The date is the lesson file's last commit; a shallow clone (or no git) shows none rather than a wrong one.
    const lastCommit = gitLastCommitDate(path.join(ROOT, 'content/communication/complaint-handling.md'));
    const meta = await page.locator('.lesson .meta').textContent();
    const t = createTranslator('zh-CN');
    if (lastCommit) expect(meta).toContain(t('lesson.updated', { date: lastCommit }));
    else expect(meta).not.toContain(t('lesson.updated', { date: '' }).trim());
    await page.close();
  });

  it('focuses the search box when `/` is pressed and searches from the header form', async () => {
    const page = await browser.page();
    await page.goto(browser.url('/system-ops/'));
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-input');
    await page.keyboard.type('工单');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    await page.locator('[data-search-results][data-state=done]').waitFor();
    expect(await page.locator('.search-result').count()).toBeGreaterThan(0);
    // On the search page `/` focuses its own box.
    await page.locator('h1').click();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-input');
    await page.close();
  });

  it.each(['/', '/communication/', '/communication/complaint-handling/', '/communication/print/', '/communication/practice/', '/search/?q=投诉', '/changelog/', '/404.html', '/glossary/', '/mistakes/'])(
    'has no horizontal scroll at 360 px: %s',
    async (pathname) => {
      const page = await browser.page({ viewport: { width: 360, height: 740 } });
      await page.goto(browser.url(pathname), { waitUntil: 'networkidle' });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.close();
    },
  );

  it('lists every module and only the current module’s lessons in the navigation, and opens it as a drawer on a phone', async () => {
    const page = await browser.page({ viewport: { width: 1280, height: 900 } });
    await page.goto(browser.url('/communication/complaint-handling/'));
    const nav = page.locator('nav.course-nav');
    expect(await nav.isVisible()).toBe(true);
    expect(await nav.locator('.course-nav-modules > li').count()).toBe(5);
    expect(await nav.locator('.course-nav-lessons a').count()).toBe(4);
    expect(await nav.locator('a[aria-current=page]').textContent()).toContain('投诉处理');
    await nav.locator('[data-status-for="communication/complaint-handling"]:not([hidden])').waitFor();
    expect(await nav.locator('[data-status-for="communication/complaint-handling"]').textContent()).toBe('○');
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await nav.isVisible()).toBe(false);
    await page.getByRole('button', { name: '目录' }).click();
    expect(await nav.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await nav.isVisible()).toBe(false);
    await page.close();
  });

  it('hides navigation, search and quiz buttons when printing', async () => {
    const page = await browser.page();
    await page.goto(browser.url('/communication/complaint-handling/'));
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-header', '.course-nav', '.pagination', '.breadcrumb', '.toc-inline', '.quiz-actions']) {
      expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
    }
    expect(await page.locator('table').first().evaluate((el) => getComputedStyle(el).breakInside)).toBe('avoid');
    await page.close();
  });
});
