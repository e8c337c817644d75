import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/lib/config.ts';
import { assertOutputTarget, commitStagingDir, listProtectedFolders, OUTPUT_MARKER, prepareStagingDir, writeFileAtomic } from '../../src/lib/output/index.ts';

// A throwaway project: the guard only reads, so every case starts from this tree.
let root: string;
let protect: string[];

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'trainbook-guard-'));
  for (const folder of ['content/basics', 'question-bank', 'src', 'public', 'scripts', 'tests', '.git']) await mkdir(path.join(root, folder), { recursive: true });
  await writeFile(path.join(root, 'content/basics/lesson.md'), '# 课');
  await writeFile(path.join(root, 'notes.txt'), '自己的笔记');
  await mkdir(path.join(root, 'mine'));
  await writeFile(path.join(root, 'mine/report.docx'), 'not trainbook’s');
  await mkdir(path.join(root, 'earlier'));
  await writeFile(path.join(root, 'earlier', OUTPUT_MARKER), '');
  await writeFile(path.join(root, 'earlier/index.html'), '<p>old site</p>');
  await mkdir(path.join(root, 'empty'));
  await symlink(path.join(root, 'content'), path.join(root, 'link-to-content'));
  protect = listProtectedFolders(resolveConfig(root, {}));
});
afterAll(() => rm(root, { recursive: true, force: true }));

const refusal = async (target: string) => {
  try {
    await assertOutputTarget(path.join(root, target), { protect });
  } catch (error) {
    return String((error as Error).message);
  }
  return undefined;
};

describe('assertOutputTarget', () => {
  it.each([
    ['.', 'it is the project folder'],
    ['..', 'it is the project folder or a folder above it'],
    ['content', 'it is the source folder `content`'],
    ['content/basics', 'it is inside the source folder `content`'],
    ['question-bank', 'it is the source folder `question-bank`'],
    ['src', 'it is the source folder `src`'],
    ['public', 'it is the source folder `public`'],
    ['scripts', 'it is the source folder `scripts`'],
    ['tests', 'it is the source folder `tests`'],
    ['.git', 'it is the source folder `.git`'],
    ['link-to-content', 'it is the source folder `content`'],
    ['notes.txt', '`notes.txt` is a file, not a folder'],
    ['mine', 'refusing to replace `mine`: the folder has files trainbook did not write'],
  ])('refuses `%s`: %s', async (target, message) => {
    expect(await refusal(target)).toContain(message);
  });

  it.each(['dist', 'empty', 'earlier', 'out/site'])('accepts `%s` (new, empty or marked as trainbook’s)', async (target) => {
    expect(await refusal(target)).toBeUndefined();
  });

  it('protects a content folder configured outside the project, and the folder holding it', async () => {
    const course = await mkdtemp(path.join(tmpdir(), 'trainbook-course-'));
    try {
      await mkdir(path.join(course, 'content'));
      const outside = listProtectedFolders(resolveConfig(root, { contentDir: path.join(course, 'content') }));
      await expect(assertOutputTarget(course, { protect: outside })).rejects.toThrow('it holds the source folder');
      await expect(assertOutputTarget(path.join(course, 'site'), { protect: outside })).resolves.toBeUndefined();
    } finally {
      await rm(course, { recursive: true, force: true });
    }
  });

  it('accepts a folder an earlier version wrote when the caller recognises it', async () => {
    await mkdir(path.join(root, 'old-dist/_astro'), { recursive: true });
    await writeFile(path.join(root, 'old-dist/index.html'), '');
    const options = { protect, isEarlierOutput: (names: string[]) => names.includes('_astro') };
    await expect(assertOutputTarget(path.join(root, 'old-dist'), options)).resolves.toBeUndefined();
    await expect(assertOutputTarget(path.join(root, 'mine'), options)).rejects.toThrow('has files trainbook did not write');
  });

  it('touches nothing when it refuses', async () => {
    await refusal('mine');
    await refusal('content');
    expect(await readdir(path.join(root, 'mine'))).toEqual(['report.docx']);
    expect(await readFile(path.join(root, 'content/basics/lesson.md'), 'utf8')).toBe('# 课');
  });
});

describe('staging and atomic writes', () => {
  it('marks a committed folder, so the next run may replace it', async () => {
    const target = path.join(root, 'runs/site');
    for (const text of ['first', 'second']) {
      await assertOutputTarget(target, { protect });
      const staging = await prepareStagingDir(target);
      await writeFile(path.join(staging, 'index.html'), text);
      await commitStagingDir(staging, target);
    }
    expect((await readdir(target)).sort()).toEqual([OUTPUT_MARKER, 'index.html']);
    expect(await readFile(path.join(target, 'index.html'), 'utf8')).toBe('second');
    expect(await readdir(path.join(root, 'runs'))).toEqual(['site']);
  });

  it('writes a file atomically, leaving no temporary file behind', async () => {
    const file = path.join(root, 'atomic.json');
    await writeFileAtomic(file, '{"a":1}\n');
    await Promise.all([1, 2, 3, 4].map((n) => writeFileAtomic(file, `{"a":${n}}\n`)));
    expect(await readFile(file, 'utf8')).toMatch(/^\{"a":[1-4]\}\n$/);
    expect((await readdir(root)).filter((name) => name.startsWith('atomic.json'))).toEqual(['atomic.json']);
  });
});
