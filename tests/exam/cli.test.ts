import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScript } from '../support/run-script.ts';

const out = await mkdtemp(path.join(tmpdir(), 'trainbook-exams-'));
afterAll(() => rm(out, { recursive: true, force: true }));

describe('npm run exam', () => {
  it('lists blueprints and rubrics', async () => {
    const result = await runScript('exam', ['--list']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('new-hire-theory');
    expect(result.stdout).toContain('delayed-delivery-complaint');
  });

  it('writes one folder per run, named by blueprint, bank version and seed, with a manifest', async () => {
    const result = await runScript('exam', ['communication-quiz', '--seed', '5', '--variants', '2', '--out', out]);
    expect(result.stderr).not.toContain('error');
    expect(result.code).toBe(0);
    const folder = path.join(out, 'communication-quiz-bank-1.0.0-seed-5');
    expect(readdirSync(folder).sort()).toEqual(['.trainbook-output', 'key-A.pdf', 'key-B.pdf', 'key.json', 'keys.pdf', 'layout.json', 'manifest.json', 'paper-A.pdf', 'paper-B.pdf', 'papers.pdf', 'sheet-A.pdf', 'sheet-B.pdf', 'sheets.pdf']);
    const manifest = JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ runId: 'communication-quiz-bank-1.0.0-seed-5', seed: '5', bank: { version: '1.0.0' }, blueprint: { file: 'question-bank/blueprints/communication-quiz.yaml' } });
    const layout = JSON.parse(readFileSync(path.join(folder, 'layout.json'), 'utf8'));
    expect(layout.runId).toBe(manifest.runId);
    expect(layout.pages[0]).toMatchObject({ qr: 'TB1;communication-quiz-bank-1.0.0-seed-5;A;1/' + layout.pages[0].pageCount + ';', variant: 'A', page: 1, size: { width: 210, height: 297 } });
    expect(manifest.variants[0].questions).toHaveLength(12);
    // No temporary folder is left behind.
    expect(readdirSync(out).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });

  it('prints the selection without writing anything on --dry-run', async () => {
    const result = await runScript('exam', ['new-hire-theory', '--seed', '5', '--dry-run', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/1\. [a-z]+-\d{3}@\d+/);
    expect(existsSync(path.join(out, 'new-hire-theory-bank-1.0.0-seed-5'))).toBe(false);
  });

  it('prints a practical score sheet from a rubric', async () => {
    const result = await runScript('exam', ['delayed-delivery-complaint', '--out', out]);
    expect(result.code).toBe(0);
    expect(existsSync(path.join(out, 'rubric-delayed-delivery-complaint', 'score-sheet.pdf'))).toBe(true);
  });

  it('fails with positioned errors and writes nothing for a bad blueprint', async () => {
    const blueprint = path.join(import.meta.dirname, 'fixtures', 'points-mismatch.yaml');
    const result = await runScript('exam', [blueprint, '--seed', '1', '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('tests/exam/fixtures/points-mismatch.yaml:3:15  error  Unexpected sections worth 5 points');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(out).some((name) => name.startsWith('points-mismatch'))).toBe(false);
  });

  it('explains a usage mistake', async () => {
    const result = await runScript('exam', ['no-such-blueprint']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error: no blueprint or rubric `no-such-blueprint`; available: `communication-quiz`, `new-hire-theory`, `delayed-delivery-complaint`');
    expect(result.stderr).toContain('Usage:');
  });
});

describe('rosters, manifests and answers on paper', () => {
  const roster = path.join(import.meta.dirname, 'fixtures', 'roster.csv');

  it('prints one personalised sheet per roster candidate and records the assignment; --manifest rebuilds the same bytes', async () => {
    const result = await runScript('exam', ['communication-quiz', '--seed=7', '--roster', roster, '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const folder = path.join(out, 'communication-quiz-bank-1.0.0-seed-7');
    const manifest = JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8'));
    expect(manifest.candidates).toEqual([
      { id: '00012301', name: '林晓雨', department: '售后服务部', variant: 'A' },
      { id: '00012302', name: '陈志远', department: '售前咨询组', variant: 'B' },
      { id: '00012303', name: '欧阳若曦', department: '售后服务部', variant: 'A' },
      { id: '0123', name: '王磊', department: '', variant: 'B' },
    ]);
    const layout = JSON.parse(readFileSync(path.join(folder, 'layout.json'), 'utf8'));
    expect(layout.pages.filter((p: { candidate?: string }) => p.candidate === '0123').every((p: { variant: string }) => p.variant === 'B')).toBe(true);

    const again = await mkdtemp(path.join(tmpdir(), 'trainbook-exams-again-'));
    const rerun = await runScript('exam', ['--manifest', path.join(folder, 'manifest.json'), '--out', again]);
    expect(rerun.stderr).toBe('');
    expect(rerun.code).toBe(0);
    for (const name of readdirSync(folder)) expect(readFileSync(path.join(again, 'communication-quiz-bank-1.0.0-seed-7', name)).equals(readFileSync(path.join(folder, name))), name).toBe(true);
    await rm(again, { recursive: true, force: true });
  });

  it('reports every wrong roster cell and writes nothing', async () => {
    const result = await runScript('exam', ['communication-quiz', '--seed', '8', '--roster', path.join(import.meta.dirname, 'fixtures', 'bad-roster.csv'), '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('tests/exam/fixtures/bad-roster.csv!A3  error  Unexpected empty 工号');
    expect(result.stderr).toContain('tests/exam/fixtures/bad-roster.csv!B5  error  Unexpected empty 姓名');
    expect(existsSync(path.join(out, 'communication-quiz-bank-1.0.0-seed-8'))).toBe(false);
  });

  it('refuses a manifest whose seed or version would leave --out, at its line, and writes nothing', async () => {
    const source = await mkdtemp(path.join(tmpdir(), 'trainbook-manifest-'));
    const first = await runScript('exam', ['communication-quiz', '--seed', '9', '--out', source]);
    expect(first.code).toBe(0);
    const file = path.join(source, 'communication-quiz-bank-1.0.0-seed-9', 'manifest.json');
    const manifest = readFileSync(file, 'utf8');
    writeFileSync(file, manifest.replace('"seed": "9"', '"seed": "../../escaped"').replace('"version": "1.0.0"', '"version": "/tmp"'));
    const target = await mkdtemp(path.join(tmpdir(), 'trainbook-target-'));
    const result = await runScript('exam', ['--manifest', file, '--out', target]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/manifest\.json:\d+:\d+  error  .*`seed`.*manifest\//);
    expect(result.stderr).toMatch(/manifest\.json:\d+:\d+  error  .*`bank\.version`.*manifest\//);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(target)).toEqual([]);
    expect(existsSync(path.join(source, 'escaped'))).toBe(false);
    await rm(source, { recursive: true, force: true });
    await rm(target, { recursive: true, force: true });
  });

  it('refuses an unknown or misspelt flag with exit 2', async () => {
    const result = await runScript('exam', ['communication-quiz', '--dry-rn']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Unknown option '--dry-rn'");
  });

  it('prints no sheet when the blueprint says `answers: paper`: the paper carries brackets, lines and score boxes', async () => {
    const blueprint = path.join(import.meta.dirname, 'fixtures', 'answers-on-paper.yaml');
    const result = await runScript('exam', [blueprint, '--seed', '1', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const folder = path.join(out, 'answers-on-paper-bank-1.0.0-seed-1');
    expect(readdirSync(folder).sort()).toEqual(['.trainbook-output', 'key-A.pdf', 'key.json', 'keys.pdf', 'manifest.json', 'paper-A.pdf', 'papers.pdf']);
    const { execFileSync } = await import('node:child_process');
    const text = execFileSync('pdftotext', ['-layout', path.join(folder, 'paper-A.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('本试卷没有答题卡，所有答案直接写在试卷上');
    expect(text).toMatch(/（\s+）/);
    expect(text).toContain('评卷人');
    expect(text.match(/得分/g)!.length).toBeGreaterThanOrEqual(1 + 3 + 2);
  });

  it('prints English papers, sheets and keys with `lang: en`', async () => {
    const result = await runScript('exam', ['communication-quiz', '--seed', '10', '--out', out], { TRAINBOOK_LANG: 'en' });
    expect(result.code).toBe(0);
    const { execFileSync } = await import('node:child_process');
    const read = (name: string) => execFileSync('pdftotext', [path.join(out, 'communication-quiz-bank-1.0.0-seed-10', name), '-'], { encoding: 'utf8' });
    expect(read('paper-A.pdf')).toContain('Instructions');
    expect(read('paper-A.pdf')).toContain('Part 1. Single choice');
    expect(read('sheet-A.pdf')).toContain('Answer sheet, version A');
    expect(read('key-A.pdf')).toContain('How to mark');
    // Only the blueprint's and the questions' own text stays Chinese.
    for (const name of ['paper-A.pdf', 'sheet-A.pdf', 'key-A.pdf']) expect(read(name)).not.toMatch(/[A-Z] 卷|得分|评卷人|考生须知|单项选择题|第 \d+ 页|（\d）|分）/);
  });
});

describe('question images on paper', () => {
  it('embeds a PNG scaled to the text width', async () => {
    const { execFileSync } = await import('node:child_process');
    const { courseEnv } = await import('../support/run-script.ts');
    const { FIXTURE_COURSE } = await import('../support/paths.ts');
    const blueprint = path.join(import.meta.dirname, 'fixtures', 'with-image.yaml');
    const result = await runScript('exam', [blueprint, '--seed', '1', '--out', out], courseEnv(FIXTURE_COURSE));
    expect(result.code).toBe(0);
    const paper = path.join(out, 'with-image-bank-2.1.0-seed-1', 'paper-A.pdf');
    const images = execFileSync('pdfimages', ['-list', paper], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images).toHaveLength(1);
    expect(images[0]).toMatch(/^\s+1\s+0\s+image\s+640\s+200\s+rgb/);
    // 640 px at 96 dpi is 480 pt: it fits the 487 pt text width minus the number's indent, so ~97 ppi.
    const ppi = Number(images[0]!.trim().split(/\s+/)[12]);
    expect(ppi).toBeGreaterThanOrEqual(96);
  });
});
