import { existsSync, readdirSync, readFileSync } from 'node:fs';
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
    expect(readdirSync(folder).sort()).toEqual(['.trainbook-output', 'key-A.pdf', 'key-B.pdf', 'manifest.json', 'paper-A.pdf', 'paper-B.pdf', 'sheet-A.pdf', 'sheet-B.pdf']);
    const manifest = JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ seed: '5', bank: { version: '1.0.0' }, blueprint: { file: 'question-bank/blueprints/communication-quiz.yaml' } });
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
