import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_COURSE } from '../support/paths.ts';
import { courseEnv, runScript } from '../support/run-script.ts';

// A temporary git repository holding a copy of the fixture course, edited the way a pull request would.
let repo: string;
let env: Record<string, string>;
const questions = () => path.join(repo, 'question-bank/basics/questions.yaml');
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });

async function edit(file: string, from: string | RegExp, to: string) {
  const text = await readFile(file, 'utf8');
  const next = text.replace(from, to);
  expect(next, `edit of ${file}`).not.toBe(text);
  await writeFile(file, next);
}

beforeAll(async () => {
  repo = await mkdtemp(path.join(tmpdir(), 'trainbook-bank-'));
  await cp(FIXTURE_COURSE, repo, { recursive: true });
  git('init', '-q', '-b', 'main');
  git('-c', 'user.name=Test', '-c', 'user.email=test@example.com', 'commit', '-q', '--allow-empty', '-m', 'empty');
  git('add', '-A');
  git('-c', 'user.name=Test', '-c', 'user.email=test@example.com', 'commit', '-q', '-m', 'course');
  env = courseEnv(repo);
});
afterAll(() => rm(repo, { recursive: true, force: true }));

describe('the versioned question bank', () => {
  it('starts clean', async () => {
    const result = await runScript('check', [], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('regenerates a recorded exam run byte for byte while its questions are unchanged', async () => {
    const blueprint = path.join(import.meta.dirname, '../exam/fixtures/fixture-paper.yaml');
    const out = path.join(repo, 'exams');
    expect((await runScript('exam', [blueprint, '--seed', '3', '--out', out], env)).code).toBe(0);
    const folder = path.join(out, 'fixture-paper-bank-2.1.0-seed-3');
    const before = await readFile(path.join(folder, 'paper-B.pdf'));
    const result = await runScript('exam', ['--manifest', path.join(folder, 'manifest.json'), '--out', out], env);
    expect(result.code).toBe(0);
    expect(Buffer.compare(await readFile(path.join(folder, 'paper-B.pdf')), before)).toBe(0);
  }, 180_000); // two exam runs: over a minute on a busy two-core machine

  it('refuses a content change without a new rev, naming the fields', async () => {
    await edit(questions(), '工单的主要用途是什么？', '工单最主要的用途是什么？');
    const result = await runScript('check', [], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/question-bank\/basics\/questions\.yaml:2:5  error  Unexpected change to `bas-001` \(`stem`\) without a new revision, expected `rev: 3`  bank\/rev-not-bumped/);
  });

  it('refuses to regenerate an exam run whose questions changed, listing them', async () => {
    await edit(questions(), /id: bas-001\n    rev: 2/, 'id: bas-001\n    rev: 3');
    const manifest = path.join(repo, 'exams/fixture-paper-bank-2.1.0-seed-3/manifest.json');
    const result = await runScript('exam', ['--manifest', manifest, '--out', path.join(repo, 'exams')], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('✖ cannot regenerate 测试试卷 (bank 2.1.0, seed 3) byte for byte; since then:\n  - bas-001@2: now rev 3\n');
    await edit(questions(), /id: bas-001\n    rev: 3/, 'id: bas-001\n    rev: 2');
  });

  it('ignores pure reformatting of the YAML', async () => {
    // Same content, different YAML style: quoted scalar and flow list instead of plain and block.
    await edit(questions(), 'explanation: 工单用来记录和跟进客户问题。', "explanation: '工单用来记录和跟进客户问题。'");
    const result = await runScript('check', [], env);
    expect(result.stderr).not.toContain('explanation');
  });

  it('accepts the change once rev is raised, and reports a rev that goes down', async () => {
    await edit(questions(), /id: bas-001\n    rev: 2/, 'id: bas-001\n    rev: 3');
    expect((await runScript('check', [], env)).code).toBe(0);
    await edit(questions(), /id: bas-002\n    rev: 1/, 'id: bas-002\n    rev: 0');
    const lowered = await runScript('check', [], env);
    expect(lowered.stderr).toContain('question/out-of-range');
    await edit(questions(), /id: bas-002\n    rev: 0/, 'id: bas-002\n    rev: 1');
  });

  it('refuses a deleted question and an id reused for another question', async () => {
    const original = await readFile(questions(), 'utf8');
    const withoutLast = original.slice(0, original.indexOf('  - id: bas-004'));
    try {
      await writeFile(questions(), withoutLast);
      const deleted = await runScript('check', [], env);
      expect(deleted.code).toBe(1);
      expect(deleted.stderr).toContain('question-bank/bank.lock.json:144:5  error  Unexpected deletion of released question `bas-004` (“EXAMSECRET-STEM-ALPHA 以下哪些属于必填…”), expected it to stay in the bank  bank/question-deleted');
      expect(deleted.stderr).toContain('note: put it back and add `retired: true`');
      // The same id, now a different (valid) question of another type.
      await writeFile(questions(), original.replace(/answer: false\n/, 'options: [转发, 保密]\n    answer: B\n').replace(/id: bas-003\n    rev: 1\n    type: truefalse/, 'id: bas-003\n    rev: 2\n    type: single'));
      const reused = await runScript('check', [], env);
      expect(reused.stderr).toContain('Unexpected reuse of released id `bas-003` (was a `truefalse` question in `basics`');
    } finally {
      await writeFile(questions(), original);
    }
  });

  it('reports lessons that still name a retired question', async () => {
    await edit(questions(), /id: bas-002\n    rev: 1/, 'id: bas-002\n    rev: 1\n    retired: true');
    const result = await runScript('check', [], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/content\/basics\/first-steps\.md:\d+:1  error  Unexpected retired question `bas-002` in a self-check/);
    await edit(questions(), /id: bas-002\n    rev: 1\n    retired: true/, 'id: bas-002\n    rev: 1');
  });

  it('summarises a pull request that edits one question, adds one and retires one', async () => {
    await edit(questions(), /id: bas-003\n    rev: 1/, 'id: bas-003\n    rev: 1\n    retired: true');
    const added = `  - id: bas-005\n    rev: 1\n    type: truefalse\n    module: basics\n    difficulty: 1\n    visibility: practice\n    stem: 回访可以确认问题是否真正解决。\n    answer: true\n    explanation: 回访是闭环的一部分。\n`;
    await writeFile(questions(), `${await readFile(questions(), 'utf8')}${added}`);
    const result = await runScript('bank-diff', ['HEAD', '--markdown'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        '## 题库变更 Question bank changes since `HEAD`',
        '',
        '### 新增 Added (1)',
        '',
        '- `bas-005` 判断 · 练习 · basics：回访可以确认问题是否真正解决。',
        '',
        '### 修改 Changed (1)',
        '',
        '- `bas-001` rev 2 → 3：题干 `stem` — 工单最主要的用途是什么？',
        '',
        '### 停用 Retired (1)',
        '',
        '- `bas-003` 判断 · 练习：CRM 系统里的客户资料可以随意转发给朋友。',
        '',
        '',
      ].join('\n'),
    );
    const json = JSON.parse((await runScript('bank-diff', ['HEAD', '--json'], env)).stdout);
    expect(json.changed[0]).toMatchObject({ id: 'bas-001', fromRev: 2, rev: 3, fields: ['stem'] });
  });

  it('releases nothing on --dry-run, and nothing on a misspelt --dry-run either', async () => {
    const files = ['bank.yaml', 'bank.lock.json', 'CHANGELOG.md'].map((name) => path.join(repo, 'question-bank', name));
    const before = await Promise.all(files.map((file) => readFile(file, 'utf8')));
    const dry = await runScript('bank-release', ['minor', '--dry-run', '--date', '2026-11-24'], env);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('dry run: the question bank would be released as 2.2.0; nothing was written.');
    expect(dry.stdout).toContain('bas-005');
    const misspelt = await runScript('bank-release', ['minor', '--dryrun'], env);
    expect(misspelt.code).toBe(2);
    expect(misspelt.stderr).toContain("Unknown option '--dryrun'");
    expect(await Promise.all(files.map((file) => readFile(file, 'utf8')))).toEqual(before);
  });

  it('releases: bumps the version, rewrites the lock and prepends the changelog', async () => {
    const result = await runScript('bank-release', ['minor', '--date', '2026-11-24'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(await readFile(path.join(repo, 'question-bank/bank.yaml'), 'utf8')).toContain('version: 2.2.0');
    const lock = JSON.parse(await readFile(path.join(repo, 'question-bank/bank.lock.json'), 'utf8'));
    expect(lock.version).toBe('2.2.0');
    expect(lock.questions['bas-001'].rev).toBe(3);
    expect(lock.releases[0]).toEqual({
      version: '2.2.0',
      date: '2026-11-24',
      added: [{ id: 'bas-005', visibility: 'practice' }],
      changed: [{ id: 'bas-001', visibility: 'practice', rev: 3, fields: ['stem'] }],
      retired: [{ id: 'bas-003', visibility: 'practice' }],
    });
    const changelog = await readFile(path.join(repo, 'question-bank/CHANGELOG.md'), 'utf8');
    expect(changelog.indexOf('## 2.2.0 — 2026-11-24')).toBeLessThan(changelog.indexOf('## 2.1.0'));
    expect((await runScript('check', [], env)).code).toBe(0);
    expect((await runScript('bank-release', ['patch'], env)).stderr).toContain('nothing to release');
  });

  it('refuses a hand-edited version', async () => {
    await edit(path.join(repo, 'question-bank/bank.yaml'), 'version: 2.2.0', 'version: 3.0.0');
    const result = await runScript('check', [], env);
    expect(result.stderr).toContain('question-bank/bank.yaml:2:1  error  Unexpected bank version `3.0.0`, expected `2.2.0` (the last release in bank.lock.json)  bank/version-mismatch');
    await edit(path.join(repo, 'question-bank/bank.yaml'), 'version: 3.0.0', 'version: 2.2.0');
  });
});
