import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_MARKER } from '../../src/lib/output/index.ts';
import { FIXTURE_COURSE } from '../support/paths.ts';
import { courseEnv, runScript } from '../support/run-script.ts';

let course: string;
let out: string;

beforeAll(async () => {
  course = await mkdtemp(path.join(tmpdir(), 'trainbook-broken-'));
  await cp(FIXTURE_COURSE, course, { recursive: true });
  const lesson = path.join(course, 'content/basics/second-steps.md');
  const source = await readFile(lesson, 'utf8');
  await writeFile(lesson, source.replace('## 小结', '## 小结\n\n参见[不存在的课](/basics/thrid-steps/)。'));
  out = path.join(course, 'previous-site');
  await mkdir(out);
  await writeFile(path.join(out, 'index.html'), 'the site that was already published');
  // A folder an earlier build wrote carries trainbook's marker; any other folder would be refused.
  await writeFile(path.join(out, OUTPUT_MARKER), '');
});
afterAll(() => rm(course, { recursive: true, force: true }));

// Each test runs a whole build (Astro renders before the link problem shows); on two busy cores that can take a minute.
describe('a build with a broken internal link', () => {
  it('fails with file:line:col, a fix and no stack trace, and keeps the previous output', async () => {
    const result = await runScript('build', ['--out', out], courseEnv(course));
    expect(result.code).toBe(1);
    const file = path.relative(path.resolve(import.meta.dirname, '../..'), path.join(course, 'content/basics/second-steps.md'));
    expect(result.stderr).toContain(`${file}:13:3  error  Unexpected link to \`/basics/thrid-steps/\`, expected a page of this course  content/broken-link`);
    expect(result.stderr).toContain('note: did you mean `/basics/first-steps/`?');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('the site that was already published');
  }, 180_000);

  it('is reported the same way by `npm run check`', async () => {
    const result = await runScript('check', [], courseEnv(course));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('content/broken-link');
    expect(result.stderr).toContain('✖ check failed');
  });
});

describe('a build with a link to a draft lesson', () => {
  it('fails like `npm run check`: drafts are not published, so the link would be dead', async () => {
    const lesson = path.join(course, 'content/basics/second-steps.md');
    const source = await readFile(lesson, 'utf8');
    await writeFile(lesson, source.replace('(/basics/thrid-steps/)', '(/basics/draft-lesson/)'));
    try {
      const result = await runScript('build', ['--out', out, '--no-exams'], courseEnv(course));
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('Unexpected link to `/basics/draft-lesson/`, expected a page of this course  content/broken-link');
    } finally {
      await writeFile(lesson, source);
    }
  }, 180_000);
});

describe('a build with a lesson saved as GBK', () => {
  it('stops before Astro with the same one located error as `npm run check`, and keeps the previous output', async () => {
    const lesson = path.join(course, 'content/basics/second-steps.md');
    const source = await readFile(lesson, 'utf8');
    const { execFileSync } = await import('node:child_process');
    await writeFile(lesson, execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: source.replace('(/basics/thrid-steps/)', '(/basics/first-steps/)') }));
    try {
      const file = path.relative(path.resolve(import.meta.dirname, '../..'), lesson);
      const expected = `${file}:2:8  error  Unexpected file encoding: the file is not UTF-8; it looks like GBK/GB18030 (saved by a Chinese Windows editor), expected UTF-8  encoding/not-utf8`;
      const build = await runScript('build', ['--out', out, '--no-exams'], courseEnv(course));
      expect(build.code).toBe(1);
      expect(build.stderr).toContain(expected);
      expect(build.stderr).toContain('✖ 1 error');
      expect(build.stderr).not.toContain('\uFFFD');
      expect(await readFile(path.join(out, 'index.html'), 'utf8')).toBe('the site that was already published');
      const check = await runScript('check', [], courseEnv(course));
      expect(check.stderr).toContain(expected);
    } finally {
      await writeFile(lesson, source);
    }
  });
});
