import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SITES } from '../support/paths.ts';
import { useSiteInBrowser } from '../support/site-fixture.ts';

const browser = useSiteInBrowser(SITES.sample);

describe('reading offline on a phone', () => {
  it('writes a service worker that precaches the shell and Pagefind’s core, not every page', () => {
    const source = readFileSync(path.join(SITES.sample, 'sw.js'), 'utf8');
    const precache = JSON.parse(source.match(/const PRECACHE = (\[.*\]);/)![1]!) as string[];
    expect(precache).toEqual(expect.arrayContaining(['/', '/search/', '/glossary/', '/pagefind/pagefind.js', '/pagefind/pagefind-entry.json', '/progress.json', '/manifest.webmanifest']));
    expect(precache.some((url) => url.includes('/fragment/'))).toBe(false);
    expect(precache.some((url) => url.startsWith('/communication/'))).toBe(false);
  });

  it('saves a module, then opens its lessons and searches them with the network cut', async () => {
    const page = await browser.page({ viewport: { width: 360, height: 740 } });
    const context = page.context();
    await page.goto(browser.url('/'));
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.goto(browser.url('/communication/'));
    await page.getByRole('button', { name: '离线保存本模块' }).click();
    const status = page.locator('[data-offline-status]');
    await page.waitForFunction(() => /已保存|失败|不支持/.test(document.querySelector('[data-offline-status]')!.textContent!), undefined, { timeout: 60_000 });
    expect(await status.textContent()).toBe('本模块已保存，可离线阅读');

    await context.setOffline(true);
    // A lesson of the saved module that this browser never opened.
    await page.goto(browser.url('/communication/de-escalation/'));
    expect(await page.locator('h1').textContent()).toBe('情绪安抚五步法');
    expect(await page.locator('[data-offline-notice]').isVisible()).toBe(true);
    await page.goto(browser.url('/search/?q=情绪安抚'));
    await page.locator('[data-search-results][data-state=done]').waitFor({ timeout: 30_000 });
    expect(await page.locator('.search-result a').first().getAttribute('href')).toBe('/communication/de-escalation/');
    // A module that was not saved falls back to the site's not-found page rather than the browser's error.
    const response = await page.goto(browser.url('/system-ops/tickets/'));
    expect(response?.ok()).toBe(false);
    await context.setOffline(false);
    await page.close();
  }, 120_000);

  it('offers a web app manifest with icons', async () => {
    const page = await browser.page();
    await page.goto(browser.url('/'));
    const href = await page.locator('link[rel=manifest]').getAttribute('href');
    const manifest = await page.evaluate(async (url) => (await fetch(url)).json(), href!);
    expect(manifest).toMatchObject({ name: '客服培训手册', start_url: '/', display: 'standalone' });
    expect(manifest.icons.length).toBeGreaterThan(0);
    await page.close();
  });
});
