import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSkillModel, roundHalfUp, scorePerson, tierFor, type Person, type RaterKind, type RatingForm } from '../../src/lib/skills/index.ts';
import { ROOT } from '../support/paths.ts';

const model = parseSkillModel(readFileSync(path.join(ROOT, 'question-bank/skills/hotline.yaml'), 'utf8'), 'hotline.yaml').model!;
const inbound: Person = { id: 'P1', name: '测试', department: '', role: 'inbound' };
const outbound: Person = { ...inbound, role: 'outbound' };

/** A form giving every indicator of the person's role the same score, or a score per dimension. */
function form(person: Person, kind: RaterKind, score: number | Record<string, number>): RatingForm {
  const role = model.roles.find((r) => r.id === person.role)!;
  const scores = new Map<string, number>();
  for (const id of role.dimensions) {
    const dimension = model.dimensions.find((d) => d.id === id)!;
    const value = typeof score === 'number' ? score : (score[id] ?? score['*']!);
    for (const indicator of dimension.indicators) scores.set(indicator.id, value);
  }
  return { person: person.id, kind, rater: kind, scores };
}

describe('weighted 360° score', () => {
  it('weights supervisor 40, self 20, peer 10, customer 20 and practical 10', () => {
    const forms = [form(inbound, 'supervisor', 4), form(inbound, 'self', 5), form(inbound, 'peer', 3), form(inbound, 'peer', 4), form(inbound, 'customer', 4.2), form(inbound, 'practical', 4)];
    const result = scorePerson(model, inbound, forms);
    // (40×4 + 20×5 + 10×3.5 + 20×4.2 + 10×4) / 100
    expect(result.exact).toBeCloseTo(4.19, 10);
    expect(result.score).toBe(4.19);
    expect(result.tier?.name).toBe('良好');
    expect(result.missing).toEqual([]);
    expect(result.kinds.map((k) => [k.kind, k.applied, k.forms])).toEqual([['supervisor', 40, 1], ['self', 20, 1], ['peer', 10, 2], ['customer', 20, 1], ['practical', 10, 1]]);
  });

  it('averages a kind’s dimension means, so a dimension with fewer indicators counts as much as any other', () => {
    // Outbound: needs-discovery has 3 indicators, most dimensions 4. Per dimension: (5 + 3 × 5) / 6 = 3.33; per indicator it would be 3.27.
    const result = scorePerson(model, outbound, [form(outbound, 'supervisor', { 'needs-discovery': 5, '*': 3 })]);
    expect(result.kinds[0]!.score).toBeCloseTo(20 / 6, 10);
    expect(result.score).toBe(3.33);
    expect(result.tier?.name).toBe('待提升');
  });

  it('re-normalises the weights of the raters present and lists the missing ones', () => {
    const result = scorePerson(model, inbound, [form(inbound, 'supervisor', 4), form(inbound, 'peer', 3.5)], 80);
    // Supervisor 40, peer 10, practical 10 (course result 80 ÷ 20 = 4.0) → (160 + 35 + 40) / 60
    expect(result.exact).toBeCloseTo(235 / 60, 10);
    expect(result.score).toBe(3.92);
    expect(result.missing).toEqual(['self', 'customer']);
    expect(result.kinds.map((k) => Math.round(k.applied * 100) / 100)).toEqual([66.67, 0, 16.67, 0, 16.67]);
    expect(result.kinds.find((k) => k.kind === 'practical')).toMatchObject({ score: 4, source: 'course', forms: 0 });
  });

  it('prefers practical-test forms to the course result, and clamps the course result to 1–5', () => {
    expect(scorePerson(model, inbound, [form(inbound, 'practical', 2)], 100).kinds[4]).toMatchObject({ score: 2, source: 'ratings' });
    expect(scorePerson(model, inbound, [], 10).kinds[4]).toMatchObject({ score: 1, source: 'course' });
  });

  it('leaves a person without any rating unscored', () => {
    const result = scorePerson(model, inbound, []);
    expect(result.exact).toBeUndefined();
    expect(result.tier).toBeUndefined();
    expect(result.missing).toEqual(['supervisor', 'self', 'peer', 'customer', 'practical']);
  });

  it('flags indicators where two rater kinds differ by 1.5 points or more', () => {
    const self = form(inbound, 'self', 4.4);
    (self.scores as Map<string, number>).set('com-listen', 5);
    (self.scores as Map<string, number>).set('com-clear', 4.49);
    const result = scorePerson(model, inbound, [form(inbound, 'supervisor', 3), self]);
    const flagged = result.indicators.filter((i) => i.disagreement).map((i) => [i.indicator.id, i.disagreement]);
    expect(flagged).toEqual([['com-listen', { high: 'self', low: 'supervisor', gap: 2 }]]);
  });

  it('names the three lowest indicators and the two strongest dimensions', () => {
    const supervisor = form(inbound, 'supervisor', { communication: 5, emotion: 4.5, '*': 3 });
    (supervisor.scores as Map<string, number>).set('in-outage', 1).set('svc-privacy', 2).set('ps-escalate', 2);
    const result = scorePerson(model, inbound, [supervisor]);
    expect(result.lowest.map((i) => i.indicator.id)).toEqual(['in-outage', 'svc-privacy', 'ps-escalate']);
    expect(result.lowest[0]!.indicator.lessons).toEqual(['system-ops/system-outage-scripts']);
    expect(result.strengths.map((d) => d.dimension.id)).toEqual(['communication', 'emotion']);
  });
});

describe('tier boundaries', () => {
  it('rounds half up to two decimals, then includes each tier’s lower bound', () => {
    expect([4.5, 4.499, 4.495, 4.494, 4.45, 4.445, 3.5, 3.495, 3.494, 1].map((v) => tierFor(model, roundHalfUp(v, 2)).name)).toEqual(['优秀', '优秀', '优秀', '良好', '良好', '良好', '良好', '良好', '待提升', '待提升']);
    expect(roundHalfUp(4.445, 2)).toBe(4.45);
    expect(roundHalfUp(4.494999, 2)).toBe(4.49);
  });

  it('puts a weighted 4.495 in 优秀 as printed (4.50), although the exact value is below 4.5', () => {
    const forms = [form(inbound, 'supervisor', 4), form(inbound, 'supervisor', 5), form(inbound, 'self', 4.5), form(inbound, 'peer', 4.5), form(inbound, 'customer', 4.475), form(inbound, 'practical', 4.5)];
    const result = scorePerson(model, inbound, forms);
    expect(result.exact).toBeCloseTo(4.495, 10);
    expect(result.exact! < 4.5).toBe(true);
    expect(result.score).toBe(4.5);
    expect(result.tier?.name).toBe('优秀');
  });

  it('puts a weighted 3.494 in 待提升 and 3.495 in 良好', () => {
    const at = (customer: number) => scorePerson(model, inbound, [form(inbound, 'supervisor', 3.5), form(inbound, 'self', 3.5), form(inbound, 'peer', 3.5), form(inbound, 'practical', 3.5), form(inbound, 'customer', customer)]);
    // 0.8 × 3.5 + 0.2 × customer
    expect(at(3.47).score).toBe(3.49);
    expect(at(3.47).tier?.name).toBe('待提升');
    expect(at(3.475).score).toBe(3.5);
    expect(at(3.475).tier?.name).toBe('良好');
  });
});
