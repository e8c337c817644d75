import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths.ts';
import { runScript } from '../support/run-script.ts';
import { FIXTURES } from './support.ts';

/** The sample content with an empty bank (bank.yaml only), so imports land in a bank of our own. */
function emptyBank(): { dir: string; env: Record<string, string> } {
  const dir = mkdtempSync(path.join(tmpdir(), 'trainbook-import-'));
  mkdirSync(path.join(dir, 'question-bank'));
  cpSync(path.join(ROOT, 'question-bank', 'bank.yaml'), path.join(dir, 'question-bank', 'bank.yaml'));
  return { dir, env: { TRAINBOOK_BANK_DIR: path.join(dir, 'question-bank') } };
}

const files = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();

// Each test runs two to four CLI processes that load the whole project; on a shared 2-core machine that can pass a minute.
describe('npm run import', { timeout: 240_000 }, () => {
  it('imports a spreadsheet into files that pass npm run check, and a second import appends with the next ids', async () => {
    // A copy of the whole sample bank: the sample lessons' quizzes need its questions.
    const dir = mkdtempSync(path.join(tmpdir(), 'trainbook-import-'));
    cpSync(path.join(ROOT, 'question-bank'), path.join(dir, 'question-bank'), { recursive: true });
    const env = { TRAINBOOK_BANK_DIR: path.join(dir, 'question-bank') };
    const first = await runScript('import', [path.join(FIXTURES, 'forgiving.csv'), '--module', 'communication'], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`wrote ${path.join(dir, 'question-bank', 'communication', 'forgiving.yaml')}: 7 question(s)`);
    const file = path.join(dir, 'question-bank', 'communication', 'forgiving.yaml');
    expect(readFileSync(file, 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\.\/schema\/question-file\.schema\.json\nquestions:\n  - id: com-037\n    rev: 1\n    type: single\n/);
    const again = await runScript('import', [path.join(FIXTURES, 'forgiving.csv'), '--module', 'communication'], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('appended to');
    const text = readFileSync(file, 'utf8');
    expect(text.match(/^ {2}- id: /gm)).toHaveLength(14);
    expect(text).toContain('  - id: com-050\n');
    const check = await runScript('check', [], env);
    expect(check.stdout + check.stderr).not.toMatch(/ error /);
    expect(check.stdout).toContain('194 questions checked');
    expect(check.code).toBe(0);
  });

  it('writes nothing with --dry-run', async () => {
    const { dir, env } = emptyBank();
    const before = files(dir);
    const result = await runScript('import', [path.join(FIXTURES, 'moodle-import.xml'), '--dry-run'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`would write ${path.join(dir, 'question-bank', 'system-ops', 'moodle-import.yaml')}: 7 question(s) (ops-902…ops-907)`);
    expect(result.stdout).toContain('matching  “工单类型配对”: matching pairs have no trainbook type');
    expect(files(dir)).toEqual(before);
  });

  it('writes nothing when any row has a problem, and reports them all at their cells', async () => {
    const { dir, env } = emptyBank();
    const before = files(dir);
    const result = await runScript('import', [path.join(FIXTURES, 'errors.csv'), '--module', 'communication'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('errors.csv!F2  error');
    expect(result.stderr).toContain('✖ 8 errors');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(files(dir)).toEqual(before);
  });

  it('refuses an id that is already in the bank, pointing at both', async () => {
    const result = await runScript('import', [path.join(FIXTURES, 'full-syntax.gift'), '--dry-run'], {});
    expect(result.code).toBe(0);
    const { env } = emptyBank();
    const csv = path.join(mkdtempSync(path.join(tmpdir(), 'trainbook-ids-')), 'ids.csv');
    writeFileSync(csv, '题号,题型,题干,答案,解析\ncom-010,判断,重复的题号,对,解析\n');
    const clash = await runScript('import', [csv, '--module', 'communication'], {});
    expect(clash.code).toBe(1);
    expect(clash.stderr).toContain('ids.csv!C2  error  Unexpected id `com-010`, it is already in the bank  interop/id-in-bank');
    expect(clash.stderr).toContain('cause: `com-010` defined at question-bank/communication/complaint-handling.yaml:3:5');
    expect((await runScript('import', [csv, '--module', 'communication', '--dry-run'], env)).code).toBe(0);
  });

  it('rejects unknown flags and modules as usage errors', async () => {
    expect((await runScript('import', [path.join(FIXTURES, 'forgiving.csv'), '--modul', 'x'])).code).toBe(2);
    const result = await runScript('import', [path.join(FIXTURES, 'forgiving.csv'), '--module', 'comunication']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no module `comunication`');
  });
});

describe('npm run export', { timeout: 240_000 }, () => {
  it('exports practice questions only unless exam questions are asked for by name', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'trainbook-export-'));
    const practice = await runScript('export', ['--format', 'gift', '--out', path.join(out, 'p.gift')]);
    expect(practice.code).toBe(0);
    expect(practice.stdout).not.toContain('exam question(s) included');
    const text = readFileSync(path.join(out, 'p.gift'), 'utf8');
    expect(text).toContain('::com-010::');
    expect(text).not.toContain('::com-014::');
    expect(text).not.toContain('trainbook:visibility=exam');
    const all = await runScript('export', ['--format', 'moodle-xml', '--visibility', 'all', '--out', path.join(out, 'a.xml')]);
    expect(all.stdout).toMatch(/! \d+ exam question\(s\) included: keep .*a\.xml private\./);
    expect(readFileSync(path.join(out, 'a.xml'), 'utf8')).toContain('<idnumber>com-014</idnumber>');
  });

  it('writes the xlsx template with `npm run new -- import-template`, which imports cleanly', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'trainbook-template-')), 'template.xlsx');
    const created = await runScript('new', ['import-template', out]);
    expect(created.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect((await runScript('new', ['import-template', out])).code).toBe(2);
    const { env, dir } = emptyBank();
    const imported = await runScript('import', [out, '--module', 'communication'], env);
    expect(imported.code).toBe(0);
    const yaml = readFileSync(path.join(dir, 'question-bank', 'communication', 'template.yaml'), 'utf8');
    expect(yaml.match(/^ {4}type: (\w+)$/gm)!.map((l) => l.trim().slice(6))).toEqual(['single', 'multiple', 'truefalse', 'fill', 'short', 'case']);
  });

  it('rejects an unknown format', async () => {
    const result = await runScript('export', ['--format', 'pdf']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown format `pdf`; use one of xlsx, csv, moodle-xml, gift');
  });
});
