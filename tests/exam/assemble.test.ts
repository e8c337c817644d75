import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostics, formatPlace } from '../../src/lib/diagnostics/index.ts';
import { assembleExam, createManifest, parseBlueprint, scaleScoring } from '../../src/lib/exam/index.ts';
import { loadProject } from '../../src/lib/project/index.ts';
import { resolveConfig } from '../../src/lib/config.ts';
import { loadProjectConfig } from '../../scripts/project-config.ts';
import { FIXTURE_COURSE, ROOT } from '../support/paths.ts';

const fixtureBank = (await loadProject(resolveConfig(ROOT, { contentDir: path.join(FIXTURE_COURSE, 'content'), bankDir: path.join(FIXTURE_COURSE, 'question-bank') }))).bank;
const sampleBank = (await loadProject(loadProjectConfig())).bank;

function blueprint(file: string) {
  const relative = path.relative(ROOT, file);
  const { parsed, diagnostics } = parseBlueprint(readFileSync(file, 'utf8'), relative);
  expect(diagnostics).toEqual([]);
  return parsed!;
}
const fixture = (name: string) => blueprint(path.join(import.meta.dirname, 'fixtures', `${name}.yaml`));
const sample = (name: string) => blueprint(path.join(ROOT, 'question-bank/blueprints', `${name}.yaml`));

describe('assembleExam', () => {
  it('gives the same exam for the same seed and a different one for another seed', () => {
    const a = createManifest(assembleExam(sampleBank, sample('new-hire-theory'), { seed: '1' }).exam!);
    const b = createManifest(assembleExam(sampleBank, sample('new-hire-theory'), { seed: '1' }).exam!);
    const c = createManifest(assembleExam(sampleBank, sample('new-hire-theory'), { seed: '2' }).exam!);
    expect(a).toEqual(b);
    expect(c.variants[0]!.questions).not.toEqual(a.variants[0]!.questions);
  });

  it('puts the same questions in every variant, in a different order, with equal points per section', () => {
    const exam = assembleExam(sampleBank, sample('new-hire-theory'), { seed: '9', variants: 3 }).exam!;
    const [a, b, c] = exam.variants;
    const ids = (v: typeof a) => v!.sections.map((s) => s.items.map((i) => i.question.id));
    expect(ids(b).map((s) => [...s].sort())).toEqual(ids(a).map((s) => [...s].sort()));
    expect(ids(c).map((s) => [...s].sort())).toEqual(ids(a).map((s) => [...s].sort()));
    expect(ids(b)).not.toEqual(ids(a));
    expect(b!.sections.map((s) => s.points)).toEqual(a!.sections.map((s) => s.points));
    expect(a!.sections.reduce((sum, s) => sum + s.points, 0)).toBe(100);
  });

  it('meets the blueprint constraints and uses only current exam questions', () => {
    const exam = assembleExam(sampleBank, sample('new-hire-theory'), { seed: '3' }).exam!;
    const items = exam.variants[0]!.sections.flatMap((s) => s.items.map((i) => i.question));
    const perModule = Object.groupBy(items, (q) => q.module);
    expect(Object.keys(perModule).sort()).toEqual(['communication', 'problem-solving', 'product-knowledge', 'service-mindset', 'system-ops']);
    for (const questions of Object.values(perModule)) expect(questions!.length).toBeGreaterThanOrEqual(5);
    const average = items.reduce((sum, q) => sum + q.difficulty, 0) / items.length;
    expect(average).toBeGreaterThanOrEqual(2);
    expect(average).toBeLessThanOrEqual(3.5);
    expect(items.every((q) => q.visibility === 'exam' && !q.retired)).toBe(true);
    expect(new Set(items.map((q) => q.id)).size).toBe(items.length);
  });

  it('names the section, its filters, the matches and the need when the pool is too small', () => {
    const { exam, diagnostics } = assembleExam(fixtureBank, fixture('too-small'), { seed: '1' });
    expect(exam).toBeUndefined();
    expect(formatDiagnostics(diagnostics)).toBe(
      'tests/exam/fixtures/too-small.yaml:6:5  error  Unexpected 0 matching questions for section 1 `单项选择题` (type `single`, modules `basics`, difficulty 1–2, exam only), expected at least 5  blueprint/pool-too-small\n  note: loosen the filters, lower `count`, or add questions to the bank.\n\ntests/exam/fixtures/too-small.yaml:10:5  error  Unexpected 0 matching questions for section 2 `判断题` (type `truefalse`, exam only), expected at least 1  blueprint/pool-too-small\n  note: loosen the filters, lower `count`, or add questions to the bank.\n\n✖ 2 errors',
    );
  });

  it('says by how much the points miss the total', () => {
    const { diagnostics } = assembleExam(fixtureBank, fixture('points-mismatch'), { seed: '1' });
    expect(formatDiagnostics(diagnostics)).toBe(
      'tests/exam/fixtures/points-mismatch.yaml:3:15  error  Unexpected sections worth 5 points in total (section 1: 2, section 2: 3), expected `total_points: 100`; short by 95  blueprint/points-mismatch\n  note: change the sections’ `count` or `points`, or `total_points`.\n\n✖ 1 error',
    );
  });

  it('reports unknown fixed ids like `npm run check`, with a suggestion', () => {
    const { diagnostics } = assembleExam(fixtureBank, fixture('bad-ids'), { seed: '1' });
    expect(formatDiagnostics(diagnostics)).toBe(
      'tests/exam/fixtures/bad-ids.yaml:10:11  error  Unexpected question id `bas-01`, expected an id in question-bank/  blueprint/unknown-question\n  note: did you mean `bas-001`?\n\ntests/exam/fixtures/bad-ids.yaml:10:19  error  Unexpected `bas-003` of type `truefalse` in a `single` section, expected a `single` question  blueprint/wrong-question-type\n  note: move `bas-003` to a `truefalse` section or pick another question.\n\n✖ 2 errors',
    );
  });

  it('refuses a pass mark above the total, a question used twice, a practice question and an unknown module', () => {
    const { exam, diagnostics } = assembleExam(fixtureBank, fixture('bad-rules'), { seed: '1' });
    expect(exam).toBeUndefined();
    expect(diagnostics.map((d) => `${formatPlace('', d.place).slice(1)} ${d.ruleId}`)).toEqual([
      '4:12 blueprint/pass-mark-too-high',
      '9:11 blueprint/practice-question',
      '9:20 blueprint/duplicate-question',
      '11:21 blueprint/unknown-module',
    ]);
    expect(diagnostics[3]!.note).toBe('did you mean `basics`?');
  });

  it('records every question as id@rev and every option permutation in the manifest', () => {
    const exam = assembleExam(fixtureBank, fixture('fixture-paper'), { seed: 'x' }).exam!;
    const manifest = createManifest(exam);
    expect(manifest.bank).toEqual({ title: '测试题库', version: '2.1.0' });
    expect(manifest.blueprint.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.variants.map((v) => v.label)).toEqual(['A', 'B', 'C']);
    const single = manifest.variants[0]!.sections[0]!.items[0]!;
    expect(single.ref).toBe('bas-001@2');
    // The pinned third option (以上都不是) never moves.
    for (const variant of manifest.variants) expect(variant.sections[0]!.items[0]!.options).toMatch(/^(AB|BA)C$/);
    expect(manifest.variants[0]!.sections[4]!.items[0]!.parts).toHaveLength(2);
  });
});

describe('scaleScoring', () => {
  it('scales scoring points to the paper’s points in half points, adding up exactly', () => {
    const scaled = scaleScoring([{ point: 'a', points: 2 }, { point: 'b', points: 2 }, { point: 'c', points: 3 }], 10);
    expect(scaled.map((s) => s.points)).toEqual([3, 3, 4]);
    expect(scaleScoring([{ point: 'a', points: 3 }, { point: 'b', points: 3 }, { point: 'c', points: 3 }], 10).reduce((s, p) => s + p.points, 0)).toBe(10);
    // Never negative, even when there are more scoring points than half points to share.
    const tiny = scaleScoring(Array.from({ length: 5 }, (_, i) => ({ point: String(i), points: 1 })), 1).map((s) => s.points);
    expect(tiny.every((p) => p >= 0)).toBe(true);
    expect(tiny.reduce((a, b) => a + b, 0)).toBe(1);
  });
});
