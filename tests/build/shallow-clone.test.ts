import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/lib/i18n/index.ts';
import { FIXTURE_COURSE } from '../support/paths.ts';
import { courseEnv, runScript } from '../support/run-script.ts';

// The fixture course in a repository with two commits, cloned with `--depth 1` as many CI checkouts are.
let dir: string;
let clone: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'trainbook-shallow-'));
  const origin = path.join(dir, 'origin');
  await cp(FIXTURE_COURSE, origin, { recursive: true });
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd: origin, env: { ...process.env, GIT_COMMITTER_DATE: '2025-05-05T10:00:00Z' } });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'course');
  await writeFile(path.join(origin, 'notes.txt'), 'a later commit that touches no lesson');
  git('add', '-A');
  git('commit', '-q', '-m', 'notes');
  clone = path.join(dir, 'clone');
  execFileSync('git', ['clone', '-q', '--depth', '1', `file://${origin}`, clone]);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('a build from a shallow clone', () => {
  it('warns once and shows no last-updated dates rather than wrong ones', async () => {
    const out = path.join(dir, 'site');
    const result = await runScript('build', ['--out', out, '--no-exams'], courseEnv(clone));
    expect(result.code).toBe(0);
    expect(result.stderr.match(/shallow git clone/g)).toHaveLength(1);
    const lesson = await readFile(path.join(out, 'basics/first-steps/index.html'), 'utf8');
    expect(lesson).toContain('<h1');
    expect(lesson).not.toContain(createTranslator('zh-CN')('lesson.updated', { date: '' }).trim());
  }, 180_000);
});
