import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { launchBrowser } from '../tests/support/browser.ts';
import { serveStatic } from '../tests/support/static-server.ts';
import { parseCommandLine, runMain, UsageError } from './cli.ts';
import { PROJECT_ROOT } from './project-config.ts';

const USAGE = `Usage: npm run screenshots -- [/path/ …] [--full] [--site DIR]

Screenshots of the built site at phone, desktop and dark phone size into
.trainbook/screenshots/, for a human to look at. Default page: /.
  --full       the whole page, not only the first screen
  --site DIR   the built site to show (default: dist/; run \`npm run build\` first)`;

/**
 * Returns the names of installed fonts that cover Chinese (`fc-list :lang=zh`), or undefined
 * when fontconfig is missing. Without one, Chromium draws every Chinese character as a box.
 */
export function listCjkFonts(): string[] | undefined {
  try {
    const output = execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return output.split('\n').filter((line) => line.trim() !== '');
  } catch {
    return undefined;
  }
}

/** Takes the screenshots and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, { full: { type: 'boolean' }, site: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const notAPath = positionals.find((p) => !p.startsWith('/'));
  if (notAPath !== undefined) throw new UsageError(`pages are site paths starting with \`/\`, e.g. \`/communication/\`; got \`${notAPath}\``);
  const fonts = listCjkFonts();
  if (!fonts?.length) {
    console.warn(
      `warning: ${fonts ? 'no font with Chinese glyphs is installed (`fc-list :lang=zh` lists none)' : 'fontconfig (`fc-list`) is missing, so no Chinese font could be found'}; ` +
        'Chromium will draw Chinese text as boxes in these screenshots.\n  Install one, e.g. `sudo apt-get install fonts-noto-cjk` (Debian/Ubuntu), then run this again.',
    );
  }
  const outDir = path.join(PROJECT_ROOT, '.trainbook', 'screenshots');
  await mkdir(outDir, { recursive: true });
  const site = await serveStatic(path.resolve(PROJECT_ROOT, values.site ?? 'dist'));
  const browser = await launchBrowser();
  try {
    for (const [name, viewport, scheme] of [
      ['phone', { width: 360, height: 780 }, 'light'],
      ['desktop', { width: 1280, height: 900 }, 'light'],
      ['phone-dark', { width: 360, height: 780 }, 'dark'],
    ] as const) {
      const page = await browser.newPage({ viewport, colorScheme: scheme });
      for (const pathname of positionals.length ? positionals : ['/']) {
        await page.goto(new URL(pathname.slice(1), site.url).href, { waitUntil: 'networkidle' });
        const file = path.join(outDir, `${pathname.replace(/[^a-z0-9]+/gi, '_') || 'home'}-${name}.png`);
        await page.screenshot({ path: file, fullPage: values.full ?? false });
        console.log(file);
      }
      await page.close();
    }
  } finally {
    await browser.close();
    await site.close();
  }
  return 0;
}

if (import.meta.main) process.exitCode = await runMain(main, USAGE);
