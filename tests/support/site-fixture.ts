import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { serveStatic, type StaticSite } from './static-server.ts';

/**
 * Serves a built site and launches Chromium for the tests of one file.
 * Returns getters, because both exist only once `beforeAll` has run.
 */
export function useSiteInBrowser(dir: string, base = '/') {
  let site: StaticSite;
  let browser: Browser;
  beforeAll(async () => {
    site = await serveStatic(dir, base);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  return {
    url: (pathname = '') => new URL(pathname.replace(/^\//, ''), site.url).href,
    async page(options: Parameters<Browser['newPage']>[0] = {}): Promise<Page> {
      const page = await browser.newPage(options);
      page.on('pageerror', (error) => {
        throw error;
      });
      return page;
    },
  };
}
