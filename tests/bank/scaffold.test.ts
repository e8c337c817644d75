import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_COURSE } from '../support/paths.ts';
import { courseEnv, runScript } from '../support/run-script.ts';

let course: string;
beforeAll(async () => {
  course = await mkdtemp(path.join(tmpdir(), 'trainbook-new-'));
  await cp(FIXTURE_COURSE, course, { recursive: true });
});
afterAll(() => rm(course, { recursive: true, force: true }));

describe('npm run new', () => {
  it('scaffolds a question with the next free id, the schema line and placeholders the check rejects', async () => {
    const result = await runScript('new', ['question', 'basics', 'fill'], courseEnv(course));
    expect(result.code).toBe(0);
    const file = path.join(course, 'question-bank/basics/bas-005.yaml');
    const text = await readFile(file, 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=\.\.\/schema\/question-file\.schema\.json/);
    expect(text).toContain('  - id: bas-005\n    rev: 1\n    type: fill\n    module: basics');
    const check = await runScript('check', [], courseEnv(course));
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('question-bank/basics/bas-005.yaml:4:5  error  Unexpected placeholder `【待填写】` in `bas-005`, expected real text  question/placeholder');
    // Once the editor writes the question, it is valid.
    await writeFile(file, text.replace(/【待填写】题干，空格处写四个下划线：____。/, '升级前应先____。').replace(/- \[【待填写】答案, 【待填写】可接受的其他写法\]/, '- [确认权限]').replace(/【待填写】解析：为什么这个答案是对的。/, '超出权限才升级。'));
    expect((await runScript('check', [], courseEnv(course))).stderr).not.toContain('error');
  });

  it('scaffolds a draft lesson with the next order, which the site leaves out until it is ready', async () => {
    const result = await runScript('new', ['lesson', 'basics', 'third-steps'], courseEnv(course));
    expect(result.code).toBe(0);
    const text = await readFile(path.join(course, 'content/basics/third-steps.md'), 'utf8');
    expect(text).toContain('order: 4');
    expect(text).toContain('draft: true');
    expect((await runScript('check', [], courseEnv(course))).code).toBe(0);
  });

  it('explains a wrong module or type', async () => {
    const wrongModule = await runScript('new', ['question', 'basic', 'single'], courseEnv(course));
    expect(wrongModule.code).toBe(2);
    expect(wrongModule.stderr).toContain('error: no module `basic`; did you mean `basics`?');
    const wrongType = await runScript('new', ['question', 'basics', 'essay'], courseEnv(course));
    expect(wrongType.stderr).toContain('error: unknown question type `essay`; use one of single, multiple, truefalse, fill, short, case');
  });
});
