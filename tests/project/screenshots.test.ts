import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITES } from '../support/paths.ts';
import { runScript } from '../support/run-script.ts';

// fontconfig reads its font list from FONTCONFIG_FILE: a configuration holding one Latin-only font
// is a fresh machine without a Chinese font.
let noFonts: string;
beforeAll(async () => {
  noFonts = await mkdtemp(path.join(tmpdir(), 'trainbook-fonts-'));
  const list = (pattern: string) => execFileSync('fc-list', [pattern, 'file'], { encoding: 'utf8' }).split('\n').map((line) => line.replace(/:\s*$/, '').trim()).filter(Boolean);
  const chinese = new Set(list(':lang=zh'));
  const latin = list(':lang=en').find((file) => !chinese.has(file) && /\.(ttf|otf)$/.test(file));
  if (!latin) throw new Error('this test needs one installed font without Chinese glyphs (e.g. fonts-dejavu)');
  await symlink(latin, path.join(noFonts, path.basename(latin)));
  await writeFile(path.join(noFonts, 'fonts.conf'), `<?xml version="1.0"?>\n<fontconfig><dir>${noFonts}</dir><cachedir>${noFonts}/cache</cachedir></fontconfig>\n`);
});
afterAll(() => rm(noFonts, { recursive: true, force: true }));

const WARNING = 'Chromium will draw Chinese text as boxes';

describe('npm run screenshots', () => {
  it('warns when no font with Chinese glyphs is installed, and still takes the screenshots', async () => {
    const result = await runScript('screenshots', ['--site', SITES.sample, '/search/'], { FONTCONFIG_FILE: path.join(noFonts, 'fonts.conf') });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('no font with Chinese glyphs is installed (`fc-list :lang=zh` lists none)');
    expect(result.stderr).toContain(WARNING);
    expect(result.stderr).toContain('apt-get install fonts-noto-cjk');
    expect(result.stdout.trim().split('\n')).toHaveLength(3);
  }, 180_000);

  it('does not warn when such a font is installed', async () => {
    const installed = execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim();
    const result = await runScript('screenshots', ['--site', SITES.sample, '/search/']);
    expect(result.code).toBe(0);
    // This machine's fonts decide which way it must go; both ways are checked against fontconfig itself.
    if (installed) expect(result.stderr).not.toContain(WARNING);
    else expect(result.stderr).toContain(WARNING);
  }, 180_000);
});
