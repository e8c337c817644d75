import { afterEach, describe, expect, it } from 'vitest';
import { copyFixtureCourse, type CourseCopy } from './course-copy.ts';

let course: CourseCopy;
afterEach(() => course?.remove());

const rules = (lines: string[]) => lines.map((line) => line.split('  ').at(-1));

describe('what reaches the site', () => {
  it('refuses javascript:, vbscript: and data: URLs in lesson links and images, at their place', async () => {
    course = copyFixtureCourse();
    course.edit('content/basics/second-steps.md', '## 小结', '## 小结\n\n[点我](javascript:alert(1)) 和 ![图](data:image/svg+xml;base64,PHN2Zz4=) 和 [旧](VBScript:x)');
    const { lines } = await course.check();
    expect(lines).toEqual([
      'content/basics/second-steps.md:13:1  error  Unexpected `javascript:` URL in a link, expected a page, a file or an http(s) address  content/unsafe-url',
      'content/basics/second-steps.md:13:29  error  Unexpected `data:` URL in an image, expected a page, a file or an http(s) address  content/unsafe-url',
      'content/basics/second-steps.md:13:72  error  Unexpected `vbscript:` URL in a link, expected a page, a file or an http(s) address  content/unsafe-url',
    ]);
  });

  it('refuses scripts, iframes, event handlers and hiding styles in lesson HTML, and keeps tables, details, kbd and images', async () => {
    course = copyFixtureCourse();
    course.edit(
      'content/basics/second-steps.md',
      '## 小结',
      '## 小结\n\n<details><summary>展开</summary>按 <kbd>F5</kbd> 刷新。</details>\n\n<table><tr><td><img src="https://example.org/a.png" alt="a"></td></tr></table>\n\n<script>alert(1)</script>\n\n<div>\n<iframe src="https://example.org"></iframe>\n</div>\n\n<p onclick="steal()">点击</p>\n\n<span style="display: none">隐藏的答案</span>',
    );
    const { lines } = await course.check();
    expect(lines).toEqual([
      'content/basics/second-steps.md:17:1  error  Unexpected element `<script>` in a lesson, expected HTML without scripts, embedded pages, event handlers or hidden text  content/unsafe-html',
      'content/basics/second-steps.md:20:1  error  Unexpected element `<iframe>` in a lesson, expected HTML without scripts, embedded pages, event handlers or hidden text  content/unsafe-html',
      'content/basics/second-steps.md:23:1  error  Unexpected event handler `onclick=` on `<p>` in a lesson, expected HTML without scripts, embedded pages, event handlers or hidden text  content/unsafe-html',
      'content/basics/second-steps.md:25:1  error  Unexpected hiding style `style="display: none"` on `<span>` in a lesson, expected HTML without scripts, embedded pages, event handlers or hidden text  content/unsafe-html',
    ]);
  });

  it('refuses unsafe elements written as JSX in an .mdx lesson', async () => {
    course = copyFixtureCourse();
    course.edit('content/advanced-topics/mdx-lesson.mdx', '## 练习', '<iframe src="https://example.org" />\n\n## 练习');
    const { lines } = await course.check();
    expect(rules(lines)).toEqual(['content/unsafe-html']);
    expect(lines[0]).toMatch(/^content\/advanced-topics\/mdx-lesson\.mdx:15:1 /);
  });

  it('refuses question images outside question-bank/ and unsafe URLs in question text', async () => {
    course = copyFixtureCourse();
    course.edit('question-bank/basics/questions.yaml', '![工单流程](assets/ticket-flow.svg)', '![工单流程](../../content/basics/flow.svg) [说明](javascript:void(0))');
    course.edit('question-bank/basics/questions.yaml', '    rev: 1\n    type: truefalse', '    rev: 2\n    type: truefalse');
    const { lines } = await course.check();
    expect(lines).toEqual([
      'question-bank/basics/questions.yaml:26:5  error  Unexpected image `../../content/basics/flow.svg` in `bas-003`, expected a path inside question-bank/  question/image-outside-bank',
      'question-bank/basics/questions.yaml:26:5  error  Unexpected `javascript:` URL in `bas-003`, expected an http(s) address or an image in question-bank/assets/  question/unsafe-url',
    ]);
  });

  it('treats a change of visibility as a change that needs a new revision', async () => {
    course = copyFixtureCourse();
    course.edit('question-bank/basics/questions.yaml', '    lesson: second-steps\n    difficulty: 2\n    visibility: practice\n', '    lesson: second-steps\n    difficulty: 2\n    visibility: exam\n');
    const { lines } = await course.check();
    expect(lines).toContain('question-bank/basics/questions.yaml:26:5  error  Unexpected change to `bas-003` (`visibility`) without a new revision, expected `rev: 2`  bank/rev-not-bumped');
  });
});
