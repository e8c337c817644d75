import { RATER_KINDS, type Dimension, type Indicator, type RaterKind, type Role, type SkillModel, type Tier } from './schema.ts';

/** A person evaluated: from the roster or the ratings sheet. */
export interface Person {
  /** 工号, as text (`0123` keeps its zero). */
  id: string;
  name: string;
  department: string;
  /** Role id of the model, e.g. `inbound`. */
  role: string;
}

/** One filled-in form: one rater's scores for one person, by indicator id. */
export interface RatingForm {
  person: string;
  kind: RaterKind;
  rater: string;
  scores: ReadonlyMap<string, number>;
}

/** A mean with how many values it came from. */
export type ByKind = Partial<Record<RaterKind, number>>;

export interface IndicatorResult {
  indicator: Indicator;
  dimension: Dimension;
  /** Mean per rater kind that rated the indicator. */
  byKind: ByKind;
  /** Weighted mean over the kinds that rated it (weights re-normalised); undefined when nobody did. */
  score?: number;
  self?: number;
  /** Weighted mean of every kind except self. */
  others?: number;
  /** Set when two kinds' means differ by at least the model's `disagreement`. */
  disagreement?: { high: RaterKind; low: RaterKind; gap: number };
}

export interface DimensionResult {
  dimension: Dimension;
  /** Per kind: mean of that kind's indicator means in the dimension. */
  byKind: ByKind;
  score?: number;
  self?: number;
  others?: number;
}

export interface KindResult {
  kind: RaterKind;
  /** Weight in the model, percent. */
  weight: number;
  /** Weight actually applied after re-normalising over the kinds present, percent. */
  applied: number;
  /** Mean of the kind's dimension means (1–5); undefined when the kind is missing. */
  score?: number;
  /** Forms of this kind (0 for a practical score taken from the course result). */
  forms: number;
  /** `course` when the practical score came from the course result (score ÷ 20). */
  source?: 'ratings' | 'course';
}

/** Everything a 技能评分报告 prints for one person. */
export interface PersonResult {
  person: Person;
  role: Role;
  kinds: KindResult[];
  dimensions: DimensionResult[];
  indicators: IndicatorResult[];
  /** Kinds with a weight but no scores; their weight went to the others. */
  missing: RaterKind[];
  /** Weighted 360° score before rounding; undefined when no rater scored anything. */
  exact?: number;
  /** The score as printed and compared with the tiers: rounded half up to the model's decimals. */
  score?: number;
  tier?: Tier;
  /** The two highest dimensions (by weighted score). */
  strengths: DimensionResult[];
  /** The three lowest indicators (by weighted score), with their lessons. */
  lowest: IndicatorResult[];
}

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : undefined);

/**
 * Returns `value` rounded half up to `decimals`; the tiny nudge makes 4.445 (stored as
 * 4.44499999…) round to 4.45 as a person doing the sum by hand would.
 * @example roundHalfUp(4.445, 2) // => 4.45
 */
export function roundHalfUp(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor + 1e-7) / factor;
}

/** Returns the tier a rounded score falls in: the first (highest) tier whose `min` it reaches. */
export function tierFor(model: SkillModel, score: number): Tier {
  return model.tiers.find((tier) => score >= tier.min) ?? model.tiers.at(-1)!;
}

/** Returns the weighted mean of the kinds present in `byKind`, or undefined when none is. */
function weighted(model: SkillModel, byKind: ByKind, kinds: readonly RaterKind[] = RATER_KINDS): number | undefined {
  let sum = 0;
  let weights = 0;
  for (const kind of kinds) {
    const value = byKind[kind];
    if (value === undefined || model.weights[kind] === 0) continue;
    sum += model.weights[kind] * value;
    weights += model.weights[kind];
  }
  return weights ? sum / weights : undefined;
}

const OTHERS = RATER_KINDS.filter((kind) => kind !== 'self');

/**
 * Returns the evaluation of one person. Per indicator, each rater kind's forms are averaged;
 * per dimension, each kind's indicator means are averaged; a kind's score is the mean of its
 * dimension means. The 360° score is the weighted mean of the kinds' scores; a kind without
 * scores is left out and the remaining weights are re-normalised (listed in `missing`).
 * `practical` (0–100, the course result) stands in for practical-test forms when there are none.
 */
export function scorePerson(model: SkillModel, person: Person, forms: readonly RatingForm[], practical?: number): PersonResult {
  const role = model.roles.find((r) => r.id === person.role);
  if (!role) throw new TypeError(`scorePerson: unknown role \`${person.role}\` for \`${person.id}\``);
  const dimensions = role.dimensions.map((id) => model.dimensions.find((d) => d.id === id)!);
  const mine = forms.filter((form) => form.person === person.id);

  const indicators: IndicatorResult[] = dimensions.flatMap((dimension) =>
    dimension.indicators.map((indicator) => {
      const byKind: ByKind = {};
      for (const kind of RATER_KINDS) {
        const value = mean(mine.filter((f) => f.kind === kind && f.scores.has(indicator.id)).map((f) => f.scores.get(indicator.id)!));
        if (value !== undefined) byKind[kind] = value;
      }
      const result: IndicatorResult = { indicator, dimension, byKind, score: weighted(model, byKind), self: byKind.self, others: weighted(model, byKind, OTHERS) };
      const present = RATER_KINDS.filter((kind) => byKind[kind] !== undefined);
      if (present.length > 1) {
        const high = present.reduce((a, b) => (byKind[b]! > byKind[a]! ? b : a));
        const low = present.reduce((a, b) => (byKind[b]! < byKind[a]! ? b : a));
        const gap = byKind[high]! - byKind[low]!;
        if (gap >= model.disagreement - 1e-9) result.disagreement = { high, low, gap: roundHalfUp(gap, 2) };
      }
      return result;
    }),
  );

  const dimensionResults: DimensionResult[] = dimensions.map((dimension) => {
    const own = indicators.filter((i) => i.dimension === dimension);
    const byKind: ByKind = {};
    for (const kind of RATER_KINDS) {
      const value = mean(own.flatMap((i) => (i.byKind[kind] === undefined ? [] : [i.byKind[kind]!])));
      if (value !== undefined) byKind[kind] = value;
    }
    return { dimension, byKind, score: weighted(model, byKind), self: byKind.self, others: weighted(model, byKind, OTHERS) };
  });

  const kindScores: ByKind = {};
  const kinds: KindResult[] = RATER_KINDS.map((kind) => {
    const fromRatings = mean(dimensionResults.flatMap((d) => (d.byKind[kind] === undefined ? [] : [d.byKind[kind]!])));
    const count = mine.filter((f) => f.kind === kind && f.scores.size).length;
    let score = fromRatings;
    let source: KindResult['source'] = fromRatings === undefined ? undefined : 'ratings';
    if (score === undefined && kind === 'practical' && practical !== undefined) {
      // The course result is out of 100; 20 points per level puts the pass mark 60 at 3 (达到要求).
      score = Math.min(5, Math.max(1, practical / 20));
      source = 'course';
    }
    if (score !== undefined) kindScores[kind] = score;
    return { kind, weight: model.weights[kind], applied: 0, score, forms: count, ...(source ? { source } : {}) };
  });
  const present = kinds.filter((k) => k.score !== undefined && k.weight > 0);
  const totalWeight = present.reduce((sum, k) => sum + k.weight, 0);
  for (const k of present) k.applied = (k.weight / totalWeight) * 100;
  const missing = kinds.filter((k) => k.score === undefined && k.weight > 0).map((k) => k.kind);

  const exact = weighted(model, kindScores);
  const score = exact === undefined ? undefined : roundHalfUp(exact, model.decimals);
  const scored = <T extends { score?: number }>(items: T[]) => items.filter((i) => i.score !== undefined);
  // Ties keep the model's order, so reports are stable.
  const strengths = scored(dimensionResults)
    .map((d, i) => ({ d, i }))
    .sort((a, b) => b.d.score! - a.d.score! || a.i - b.i)
    .slice(0, 2)
    .map(({ d }) => d);
  const lowest = scored(indicators)
    .map((d, i) => ({ d, i }))
    .sort((a, b) => a.d.score! - b.d.score! || a.i - b.i)
    .slice(0, 3)
    .map(({ d }) => d);
  return {
    person,
    role,
    kinds,
    dimensions: dimensionResults,
    indicators,
    missing,
    ...(exact === undefined ? {} : { exact, score, tier: tierFor(model, score!) }),
    strengths,
    lowest,
  };
}

/** The team summary: tier counts, dimension means and each person's dimension scores. */
export interface TeamResult {
  people: PersonResult[];
  /** People per tier, in the model's tier order; `unscored` counts people without any rating. */
  tiers: { tier: Tier; count: number }[];
  unscored: number;
  /** Mean of people's weighted dimension scores, over those who take the dimension, with n. */
  dimensions: { dimension: Dimension; mean?: number; n: number }[];
  /** Mean of the 360° scores, with n. */
  mean?: number;
  /** Indicators where raters disagreed, across the team. */
  disagreements: { person: Person; indicator: IndicatorResult }[];
}

/** Returns the team summary of people already scored. */
export function summarizeTeam(model: SkillModel, people: PersonResult[]): TeamResult {
  const tiers = model.tiers.map((tier) => ({ tier, count: people.filter((p) => p.tier === tier).length }));
  const dimensions = model.dimensions.map((dimension) => {
    const values = people.flatMap((p) => p.dimensions.filter((d) => d.dimension === dimension && d.score !== undefined).map((d) => d.score!));
    return { dimension, n: values.length, ...(values.length ? { mean: mean(values) } : {}) };
  });
  const scores = people.flatMap((p) => (p.exact === undefined ? [] : [p.exact]));
  return {
    people,
    tiers,
    unscored: people.filter((p) => p.exact === undefined).length,
    dimensions,
    ...(scores.length ? { mean: mean(scores) } : {}),
    disagreements: people.flatMap((p) => p.indicators.filter((i) => i.disagreement).map((indicator) => ({ person: p.person, indicator }))),
  };
}
