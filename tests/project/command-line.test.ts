import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths.ts';
import { runScript } from '../support/run-script.ts';

// Every command but `exam` (tested with its own options in tests/exam/cli.test.ts), as `npm run` starts it.
const COMMANDS = ['build', 'check', 'bank-release', 'bank-diff', 'new', 'bench', 'screenshots', 'generate-schemas'];

describe('command-line arguments of every script', () => {
  it('parses every script\'s command line with parseCommandLine (exam has its own tests)', () => {
    const scripts = readdirSync(path.join(ROOT, 'scripts')).filter((name) => name.endsWith('.ts') && /import\.meta\.main/.test(readFileSync(path.join(ROOT, 'scripts', name), 'utf8')));
    expect(scripts.map((name) => name.replace(/\.ts$/, ''))).toEqual(expect.arrayContaining(COMMANDS));
    const unparsed = scripts.filter((name) => name !== 'exam.ts' && !/parseCommandLine\(/.test(readFileSync(path.join(ROOT, 'scripts', name), 'utf8')));
    expect(unparsed).toEqual([]);
  });

  it.each(COMMANDS)('`%s` refuses a misspelt flag with exit 2, naming it, before doing anything', async (name) => {
    const result = await runScript(name, ['--dry-rn']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Unknown option '--dry-rn'");
    expect(result.stderr).toMatch(/Usage:\s+npm run/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
  });

  it.each(COMMANDS)('`%s --help` prints its usage and exits 0', async (name) => {
    const result = await runScript(name, ['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage:\s+npm run /);
  });

  it('accepts `--flag=value` and `--flag value` alike', async () => {
    for (const args of [['--lessons=0'], ['--lessons', '0']]) {
      const result = await runScript('bench', args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('`--lessons` needs a whole number of at least 1, got `0`');
    }
  });

  it('names a flag that is missing its value', async () => {
    const result = await runScript('build', ['--out']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Option '--out <value>' argument missing");
  });
});
