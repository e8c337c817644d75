import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { locateLockEntries } from '../../src/lib/bank/index.ts';
import { copyFixtureCourse, type CourseCopy } from './course-copy.ts';

let course: CourseCopy;
afterEach(() => course?.remove());

/** Returns the 1-based line of the first line of `file` (in the copy) that contains `text`. */
function lineOf(file: string, text: string): number {
  const lines = readFileSync(path.join(course.dir, file), 'utf8').split('\n');
  const index = lines.findIndex((line) => line.includes(text));
  if (index === -1) throw new Error(`lineOf: \`${text}\` not in ${file}`);
  return index + 1;
}

describe('bank messages point at a line of the lock or bank.yaml', () => {
  it('reports a deleted question at its entry in bank.lock.json', async () => {
    course = copyFixtureCourse();
    const questions = 'question-bank/basics/questions.yaml';
    const text = readFileSync(path.join(course.dir, questions), 'utf8');
    course.write(questions, text.slice(0, text.indexOf('  - id: bas-004')));
    const line = lineOf('question-bank/bank.lock.json', '"bas-004": {');
    const { lines } = await course.check();
    expect(lines).toEqual([
      `question-bank/bank.lock.json:${line}:5  error  Unexpected deletion of released question \`bas-004\` (“EXAMSECRET-STEM-ALPHA 以下哪些属于必填…”), expected it to stay in the bank  bank/question-deleted`,
    ]);
  });

  it('reports a hand-edited version at the `version:` line of bank.yaml, with the lock’s version as the cause', async () => {
    course = copyFixtureCourse();
    course.write('question-bank/bank.yaml', '# 题库信息\ntitle: 测试题库\n\nversion: 2.2.0\n');
    const { diagnostics, lines } = await course.check();
    expect(lines).toEqual(['question-bank/bank.yaml:4:1  error  Unexpected bank version `2.2.0`, expected `2.1.0` (the last release in bank.lock.json)  bank/version-mismatch']);
    expect(diagnostics[0]!.cause).toEqual({ file: 'question-bank/bank.lock.json', place: { line: 2, column: 3 }, reason: 'last release recorded' });
  });

  it('reports a lock that is not JSON where the JSON breaks', async () => {
    course = copyFixtureCourse();
    course.edit('question-bank/bank.lock.json', '"version": "2.1.0",', '"version": "2.1.0",,');
    const { lines } = await course.check();
    expect(lines).toEqual(['question-bank/bank.lock.json:2:22  error  Unexpected content in the bank lock, expected the JSON written by `npm run bank:release`  bank/invalid-lock']);
  });

  it('finds lock entries by key, not by text that looks like a key inside values', () => {
    const text = '{\n  "version": "1.0.0",\n  "questions": {\n    "a-001": { "stem": "\\"b-002\\": {", "fields": { "x": "1" } },\n    "b-002": {}\n  },\n  "releases": [{ "version": "0.9.0" }]\n}\n';
    const places = locateLockEntries(text);
    expect(places.version).toEqual({ line: 2, column: 3 });
    expect([...places.questions]).toEqual([
      ['a-001', { line: 4, column: 5 }],
      ['b-002', { line: 5, column: 5 }],
    ]);
  });
});

describe('unknown modules have their own rule and a did-you-mean', () => {
  it('refuses an unknown module in a ::quiz filter at the directive', async () => {
    course = copyFixtureCourse();
    course.edit('content/basics/second-steps.md', '::quiz{module="basics" count="2"}', '::quiz{module="basic" count="2"}');
    const { diagnostics, lines } = await course.check();
    expect(lines).toEqual([
      'content/basics/second-steps.md:17:1  error  Unexpected module `basic` in a quiz filter, expected a module with questions in question-bank/: `advanced-topics`, `basics`  content/unknown-quiz-module',
    ]);
    expect(diagnostics[0]!.note).toBe('did you mean `basics`?');
  });

  it('refuses an unknown module in a blueprint section filter at the module, not as an empty pool', async () => {
    course = copyFixtureCourse();
    const { loadProject } = await import('../../src/lib/project/index.ts');
    const { resolveConfig } = await import('../../src/lib/config.ts');
    const { assembleExam, parseBlueprint } = await import('../../src/lib/exam/index.ts');
    const { bank } = await loadProject(resolveConfig(course.dir, { contentDir: path.join(course.dir, 'content'), bankDir: path.join(course.dir, 'question-bank') }));
    const text = 'title: 模块拼错的试卷\nduration: 30\ntotal_points: 4\npass_mark: 2\nsections:\n  - type: single\n    count: 2\n    points: 2\n    filters:\n      modules: [basics, advanced-topic]\n';
    const { parsed } = parseBlueprint(text, 'question-bank/blueprints/typo.yaml');
    const { exam, diagnostics } = assembleExam(bank, parsed!, { seed: '1' });
    expect(exam).toBeUndefined();
    const { formatDiagnostic } = await import('../../src/lib/diagnostics/index.ts');
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      'question-bank/blueprints/typo.yaml:10:25  error  Unexpected module `advanced-topic` in the filters of section 1, expected a module with questions in question-bank/: `advanced-topics`, `basics`  blueprint/unknown-module\n  note: did you mean `advanced-topics`?',
    ]);
  });
});

describe('a broken link’s suggestion is a link that works from the linking lesson', () => {
  it('suggests a relative file path from the lesson for a relative link to a lesson file', async () => {
    course = copyFixtureCourse();
    course.edit('content/advanced-topics/mdx-lesson.mdx', '## 练习', '见[上一节](../basic/second-step.md#小结)和[工单](./first-steps.md)。\n\n## 练习');
    const { diagnostics, lines } = await course.check();
    expect(lines.map((line) => line.split('  error  ')[0] + ' ' + line.split('  ').at(-1))).toEqual([
      'content/advanced-topics/mdx-lesson.mdx:15:2 content/broken-link',
      'content/advanced-topics/mdx-lesson.mdx:15:36 content/broken-link',
    ]);
    expect(diagnostics.map((d) => d.note)).toEqual(['did you mean `../basics/second-steps.md#小结`?', 'did you mean `../basics/first-steps.md`?']);
  });

  it('keeps a page link relative to the page, and a site path a site path', async () => {
    course = copyFixtureCourse();
    course.edit('content/basics/second-steps.md', '## 小结', '[一](../first-step/) [二](/basics/frist-steps/) [三](/basics/mdx-lesso.md) [四](../../advanced-topics/mdx-leson/)\n\n## 小结');
    const { diagnostics, lines } = await course.check();
    expect(lines.map((line) => line.split('  ')[0])).toEqual([
      'content/basics/second-steps.md:11:1',
      'content/basics/second-steps.md:11:21',
      'content/basics/second-steps.md:11:47',
      'content/basics/second-steps.md:11:73',
    ]);
    expect(diagnostics.map((d) => d.note)).toEqual([
      'did you mean `../first-steps/`?',
      'did you mean `/basics/first-steps/`?',
      'did you mean `/advanced-topics/mdx-lesson.mdx`?',
      'did you mean `../../advanced-topics/mdx-lesson/`?',
    ]);
  });
});

describe('errors found while rendering carry file:line', () => {
  it('reports a <Quiz> whose attributes are expressions at its line in the .mdx lesson, and writes no site', async () => {
    course = copyFixtureCourse();
    course.edit('content/advanced-topics/mdx-lesson.mdx', '<Quiz ids={["adv-001"]} />', '<Quiz ids={["adv-0" + "99"]} />');
    const { existsSync } = await import('node:fs');
    const out = path.join(course.dir, 'site');
    const { courseEnv, runScript } = await import('../support/run-script.ts');
    const { ROOT } = await import('../support/paths.ts');
    // `npm run check` cannot evaluate expressions, so only the render sees this one.
    expect((await runScript('check', [], courseEnv(course.dir))).code).toBe(0);
    const result = await runScript('build', ['--out', out, '--no-exams'], courseEnv(course.dir));
    expect(result.code).toBe(1);
    const file = path.relative(ROOT, path.join(course.dir, 'content/advanced-topics/mdx-lesson.mdx'));
    expect(result.stderr).toContain(`${file}:17:1  error  Unexpected question id \`adv-099\`, expected an id in question-bank/  content/unknown-question-ref\n  note: did you mean \`adv-001\`?`);
    expect(result.stderr).toContain('✖ build stopped');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr).not.toContain('/advanced-topics/print/  error');
    expect(existsSync(out)).toBe(false);
  }, 240_000);
});
