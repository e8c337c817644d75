import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isShallowClone, readGitDates } from '../../src/lib/content/index.ts';

// A repository whose lessons have Chinese names (git quotes them unless asked for -z), committed on known dates.
let repo: string;
let shallow: string;
const git = (cwd: string, args: string[], date?: string) =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...(date ? { GIT_AUTHOR_DATE: `${date}T10:00:00Z`, GIT_COMMITTER_DATE: `${date}T10:00:00Z` } : {}) },
  });

beforeAll(async () => {
  repo = await mkdtemp(path.join(tmpdir(), 'trainbook-dates-'));
  await mkdir(path.join(repo, 'content/售后'), { recursive: true });
  git(repo, ['init', '-q', '-b', 'main']);
  await writeFile(path.join(repo, 'content/售后/退款规则.md'), '# 退款规则\n');
  await writeFile(path.join(repo, 'content/售后/plain name.md'), '# 普通\n');
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-q', '-m', 'first'], '2026-01-05');
  await writeFile(path.join(repo, 'content/售后/退款规则.md'), '# 退款规则\n\n更新。\n');
  git(repo, ['commit', '-q', '-am', 'second'], '2026-03-09');
  shallow = `${repo}-shallow`;
  execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo}`, shallow]);
});
afterAll(async () => {
  await rm(repo, { recursive: true, force: true });
  await rm(shallow, { recursive: true, force: true });
});

describe('last-updated dates from git', () => {
  it('reads the last commit date of files with Chinese names and spaces', () => {
    const dates = readGitDates(path.join(repo, 'content'));
    expect(Object.fromEntries([...dates].map(([file, date]) => [path.relative(repo, file), date]))).toEqual({
      [path.join('content', '售后', '退款规则.md')]: '2026-03-09',
      [path.join('content', '售后', 'plain name.md')]: '2026-01-05',
    });
  });

  it('gives no dates in a shallow clone, where every file would seem changed in the newest commit', () => {
    expect(isShallowClone(repo)).toBe(false);
    expect(isShallowClone(shallow)).toBe(true);
    expect(readGitDates(path.join(shallow, 'content')).size).toBe(0);
  });

  it('gives no dates outside a git repository', () => {
    expect(readGitDates(tmpdir()).size).toBe(0);
  });
});
