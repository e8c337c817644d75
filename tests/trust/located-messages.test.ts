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
