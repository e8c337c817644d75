import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { copyFixtureCourse, type CourseCopy } from './course-copy.ts';

/** GBK bytes of `text`, as a Chinese Windows editor saves it (Node has no GBK encoder; iconv does). */
function gbk(text: string): Uint8Array {
  return new Uint8Array(execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: text }));
}

let course: CourseCopy;
afterEach(() => course?.remove());

describe('files that are not UTF-8', () => {
  it('reports a GBK lesson once, at the first non-UTF-8 byte, naming GBK and how to convert', async () => {
    course = copyFixtureCourse();
    course.write('content/basics/second-steps.md', gbk('---\ntitle: 工单\ndescription: x\norder: 2\nduration: 5\n---\n\n标题\n'));
    const { lines, diagnostics } = await course.check();
    // Nothing else: not the link from first-steps, not bas-003's `lesson: second-steps`.
    expect(lines).toEqual([
      'content/basics/second-steps.md:2:8  error  Unexpected file encoding: the file is not UTF-8; it looks like GBK/GB18030 (saved by a Chinese Windows editor), expected UTF-8  encoding/not-utf8',
    ]);
    expect(diagnostics[0]!.note).toContain('Reopen with Encoding');
    expect(diagnostics[0]!.note).toContain('iconv -f GBK -t UTF-8 content/basics/second-steps.md');
  });

  it('reports a GBK question file once, without calling its released questions deleted or unknown in quizzes', async () => {
    course = copyFixtureCourse();
    const original = await import('node:fs').then((fs) => fs.readFileSync(`${course.dir}/question-bank/basics/questions.yaml`, 'utf8'));
    course.write('question-bank/basics/questions.yaml', gbk(original));
    const { lines } = await course.check();
    expect(lines).toEqual([
      'question-bank/basics/questions.yaml:9:11  error  Unexpected file encoding: the file is not UTF-8; it looks like GBK/GB18030 (saved by a Chinese Windows editor), expected UTF-8  encoding/not-utf8',
    ]);
  });

  it('accepts a UTF-8 BOM and refuses UTF-16', async () => {
    course = copyFixtureCourse();
    course.write('content/basics/module.yaml', new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('title: 基础\norder: 1\nsummary: 基础知识。\nobjectives: [了解工单]\nestimated_minutes: 30\n')]));
    course.write('question-bank/bank.yaml', new Uint8Array([0xff, 0xfe, ...Buffer.from('title: x\n', 'utf16le')]));
    const { lines } = await course.check();
    expect(lines).toEqual(['question-bank/bank.yaml:1:1  error  Unexpected file encoding: the file is not UTF-8; it looks like UTF-16LE, expected UTF-8  encoding/not-utf8']);
  });
});

describe('Chinese-keyboard slips in YAML', () => {
  it('names a full-width colon after a key, at the colon', async () => {
    course = copyFixtureCourse();
    course.edit('question-bank/basics/questions.yaml', '    difficulty: 1\n', '    difficulty：1\n');
    const { lines } = await course.check();
    expect(lines).toEqual([
      'question-bank/basics/questions.yaml:7:15  error  Unexpected full-width colon `：` after `difficulty`, expected a half-width colon and a space (`difficulty: `)  yaml/full-width-colon',
    ]);
  });

  it('names full-width spaces used as indentation, also where YAML itself sees no error', async () => {
    course = copyFixtureCourse();
    course.edit('content/basics/module.yaml', /\norder:/, '\n\u3000\u3000order:');
    const { lines } = await course.check();
    expect(lines).toEqual([
      'content/basics/module.yaml:2:1  error  Unexpected full-width space (U+3000 `　`) used as indentation, expected half-width spaces  yaml/full-width-indent',
    ]);
  });

  it('keeps full-width spaces and colons that are text inside a `|` block', async () => {
    course = copyFixtureCourse();
    course.edit('question-bank/basics/questions.yaml', '      CRM 系统里的客户资料可以随意转发给朋友。\n', '      CRM：客户关系管理。\n      \u3000\u3000CRM 系统里的客户资料可以随意转发给朋友。\n');
    course.edit('question-bank/basics/questions.yaml', '    rev: 1\n    type: truefalse', '    rev: 2\n    type: truefalse');
    const { lines } = await course.check();
    expect(lines).toEqual([]);
  });
});

describe('YAML errors do not cascade', () => {
  it('reports an unclosed quote where it opens, and nothing about the questions of that file', async () => {
    course = copyFixtureCourse();
    course.edit('question-bank/basics/questions.yaml', '    explanation: 工单用来记录和跟进客户问题。', '    explanation: "工单用来记录和跟进客户问题。');
    const { lines } = await course.check();
    expect(lines).toEqual([
      'question-bank/basics/questions.yaml:15:18  error  Unexpected double quote `"` that is never closed, expected a closing `"` on the same line  yaml/unclosed-quote',
    ]);
  });

  it('reports a question with a schema error once: not also deleted from the lock nor unknown in the lesson quiz', async () => {
    course = copyFixtureCourse();
    course.edit('question-bank/basics/questions.yaml', '    answer: A\n', '    answer: Z\n');
    const { lines } = await course.check();
    expect(lines).toEqual(['question-bank/basics/questions.yaml:14:13  error  Unexpected answer `Z`, expected one of `A`, `B`, `C`  question/unknown-answer']);
  });

  it('puts the unreadable file first, before problems in other files', async () => {
    course = copyFixtureCourse();
    course.edit('content/basics/first-steps.md', '[第二节](/basics/second-steps/)', '[第二节](/basics/second-step/)');
    course.edit('question-bank/basics/questions.yaml', '    difficulty: 1\n', '    difficulty：1\n');
    const { lines } = await course.check();
    expect(lines.map((l) => l.split('  ').at(-1))).toEqual(['yaml/full-width-colon', 'content/broken-link']);
  });
});

describe('text cut short by a YAML comment', () => {
  it('warns where ` #` ends an unquoted question text, and not for quoted text', async () => {
    course = copyFixtureCourse();
    course.edit('question-bank/basics/questions.yaml', '    explanation: 工单用来记录和跟进客户问题。', '    explanation: 见第 3 条 #退款规则');
    course.edit('question-bank/basics/questions.yaml', '    stem: 首次解决率的英文缩写是 ____。', '    stem: "首次解决率的英文缩写是 ____。 #1"');
    course.edit('question-bank/basics/questions.yaml', '    rev: 2\n', '    rev: 3\n');
    course.edit('question-bank/basics/questions.yaml', '  - id: bas-002\n    rev: 1', '  - id: bas-002\n    rev: 2');
    const { lines } = await course.check();
    expect(lines).toEqual([
      'question-bank/basics/questions.yaml:15:18  warning  Unexpected ` #退款规则` after the text of `explanation`: YAML reads ` #` as the start of a comment, so “退款规则” is not part of the text  question/comment-in-text',
    ]);
  });
});
