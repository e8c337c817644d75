import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launchBrowser } from '../tests/support/browser.ts';
import { serveStatic } from '../tests/support/static-server.ts';
import { PROJECT_ROOT } from './project-config.ts';

// Screenshots of the built site for a human to look at: `npm run screenshots -- /path/ …`.
const pages = process.argv.slice(2).filter((a) => a.startsWith('/'));
const outDir = path.join(PROJECT_ROOT, '.trainbook', 'screenshots');
await mkdir(outDir, { recursive: true });
const site = await serveStatic(path.join(PROJECT_ROOT, 'dist'));
const browser = await launchBrowser();
try {
  for (const [name, viewport, scheme] of [
    ['phone', { width: 360, height: 780 }, 'light'],
    ['desktop', { width: 1280, height: 900 }, 'light'],
    ['phone-dark', { width: 360, height: 780 }, 'dark'],
  ] as const) {
    const page = await browser.newPage({ viewport, colorScheme: scheme });
    for (const pathname of pages.length ? pages : ['/']) {
      await page.goto(new URL(pathname.slice(1), site.url).href, { waitUntil: 'networkidle' });
      const file = path.join(outDir, `${pathname.replace(/[^a-z0-9]+/gi, '_') || 'home'}-${name}.png`);
      await page.screenshot({ path: file, fullPage: process.argv.includes('--full') });
      console.log(file);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await site.close();
}
