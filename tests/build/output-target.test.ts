import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths.ts';
import { courseEnv, runScript } from '../support/run-script.ts';

// Each build below runs on a course that fails its check, so even if the guard let a target
// through, the build would stop before writing anything: a failing guard cannot harm this checkout.
let course: string;
let foreign: string;
beforeAll(async () => {
  course = await mkdtemp(path.join(tmpdir(), 'trainbook-target-'));
  await mkdir(path.join(course, 'content/basics'), { recursive: true });
  await writeFile(path.join(course, 'content/basics/module.yaml'), 'title: [unclosed\n');
  foreign = path.join(course, 'someone-elses');
  await mkdir(foreign);
  await writeFile(path.join(foreign, 'budget.xlsx'), 'not a site');
});
afterAll(() => rm(course, { recursive: true, force: true }));

// One real build per kind of refusal; tests/output/guard.test.ts covers every protected folder.
describe('npm run build --out', () => {
  it.each([
    ['.', 'it is the project folder'],
    ['..', 'or a folder above it'],
    ['content', 'it is the source folder `content`'],
    ['question-bank', 'it is the source folder `question-bank`'],
    ['src/pages', 'it is inside the source folder `src`'],
    ['package.json', '`package.json` is a file, not a folder'],
  ])('refuses `--out %s` with a clear error and touches nothing', async (target, message) => {
    const resolved = path.resolve(ROOT, target);
    // Inside this checkout the folder's listing must not change; beside it no staging folder may appear.
    const listing = async () => {
      if (target === '..') return [];
      return (await stat(resolved)).isDirectory() ? await readdir(resolved) : [await readFile(resolved, 'utf8')];
    };
    const before = await listing();
    const result = await runScript('build', ['--out', target, '--no-exams'], courseEnv(course));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Nothing was written.');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
    expect(await listing()).toEqual(before);
    expect((await readdir(path.dirname(resolved))).filter((name) => name.startsWith(`${path.basename(resolved)}.tmp-`))).toEqual([]);
  });

  it('refuses a non-empty folder trainbook did not write, and leaves its files', async () => {
    const result = await runScript('build', [`--out=${foreign}`, '--no-exams'], courseEnv(course));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the folder has files trainbook did not write (it has no `.trainbook-output` marker)');
    expect(await readdir(foreign)).toEqual(['budget.xlsx']);
    expect(await readFile(path.join(foreign, 'budget.xlsx'), 'utf8')).toBe('not a site');
  });

  it('refuses the course’s own content folder when the course lives elsewhere', async () => {
    const result = await runScript('build', ['--out', path.join(course, 'content'), '--no-exams'], courseEnv(course));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('it is the source folder');
  });
});
