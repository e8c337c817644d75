import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/lib/config.ts';
import { formatDiagnostics } from '../../src/lib/diagnostics/index.ts';
import { checkProject } from '../../src/lib/project/index.ts';
import { FIXTURE_COURSE, ROOT } from '../support/paths.ts';

const course = (dir: string) =>
  resolveConfig(ROOT, { contentDir: path.join(dir, 'content'), bankDir: path.join(dir, 'question-bank') });

describe('checkProject', () => {
  it('accepts the fixture course and counts what it read', async () => {
    const { diagnostics, counts } = await checkProject(course(FIXTURE_COURSE));
    expect(formatDiagnostics(diagnostics)).toBe('');
    // The draft lesson is left out.
    expect(counts).toEqual({ modules: 2, lessons: 3, questions: 6 });
  });

  it('reports every problem of a broken course at once, with positions and fixes', async () => {
    const { diagnostics } = await checkProject(course(path.join(import.meta.dirname, 'fixtures/bad-course')));
    expect(diagnostics.map((d) => d.ruleId).sort()).toEqual(
      [
        'bank/missing-lock',
        // Blueprints and rubrics are part of the check (question-bank/blueprints/typo.yaml, rubrics/weights.yaml).
        'blueprint/unknown-field',
        'rubric/weights-not-100',
        'content/broken-link',
        'content/empty-module',
        'content/exam-question-in-quiz',
        'content/inline-quiz',
        'content/invalid-slug',
        'content/invalid-value',
        'content/missing-field',
        'content/missing-field',
        'content/missing-front-matter',
        'content/missing-image',
        'content/unknown-callout',
        'content/unknown-field',
        'content/unknown-question-ref',
        'content/unknown-quiz-attribute',
        'content/wrong-type',
      ].sort(),
    );
    const text = formatDiagnostics(diagnostics);
    expect(text).toContain('tests/content/fixtures/bad-course/content/basics/bad-body.md:8:3  error  Unexpected link to `/basics/goood/`, expected a page of this course  content/broken-link');
    expect(text).toContain('note: did you mean `/basics/good/`?');
    expect(text).toContain('bad-front-matter.md:4:11  error  Unexpected `duration` value `十分钟`, expected a number  content/wrong-type');
    await expect(text).toMatchFileSnapshot('fixtures/bad-course.expected.txt');
  });
});
