import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { SITES } from '../support/paths.ts';
import { useSiteInBrowser } from '../support/site-fixture.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const browser = useSiteInBrowser(SITES.sample);

describe('accessibility (axe-core)', () => {
  it.each([
    ['home', '/'],
    ['module', '/communication/'],
    ['lesson', '/communication/complaint-handling/'],
    ['print', '/communication/print/'],
    ['practice', '/communication/practice/'],
    ['search', '/search/?q=投诉'],
    ['changelog', '/changelog/'],
  ])('finds no serious or critical violation on the %s page', async (_, pathname) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser.page({ colorScheme });
      await page.goto(browser.url(pathname), { waitUntil: 'networkidle' });
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
        return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      });
      expect(violations, colorScheme).toEqual([]);
      await page.close();
    }
  });
});
