import type { KeyFile, KeyItem } from '../exam/index.ts';
import { hashSeed } from '../quiz/index.ts';
import { createRandom } from '../quiz/index.ts';
import { indexToLetter } from '../questions/index.ts';
import type { CandidateResponses, ItemResponse, ResponseSet } from './responses.ts';

export interface SimulationOptions {
  candidates: number;
  seed: string;
  /** Share of candidates who are absent; default 0.01. */
  absentRate?: number;
}

/** Standard normal draw (Box–Muller) from a uniform generator. */
function normal(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** Chance of a correct answer: a logistic in ability minus difficulty, with a guessing floor. */
function chance(ability: number, difficulty: number, guess: number): number {
  // Bank difficulty 1–5 maps to −1.6 … +1.6 on the ability scale.
  const b = (difficulty - 3) * 0.8;
  return guess + (1 - guess) / (1 + Math.exp(-1.7 * (ability - b)));
}

function respond(item: KeyItem, ability: number, difficulty: number, random: () => number): ItemResponse | undefined {
  const count = item.options?.length ?? 0;
  switch (item.type) {
    case 'single': {
      if (random() < chance(ability, difficulty, 1 / count)) return { kind: 'choice', letters: item.answer! };
      // Distractors are not equally attractive: each gets a fixed weight from the question and option, so some are rarely chosen.
      const wrong = [...Array(count).keys()].map(indexToLetter).filter((l) => l !== item.answer);
      const weights = wrong.map((l) => (hashSeed(`${item.ref}${item.part ?? ''}${item.options![l.charCodeAt(0) - 65]}`) % 100) ** 2 + 1);
      let pick = random() * weights.reduce((s, w) => s + w, 0);
      for (let i = 0; i < wrong.length; i++) if ((pick -= weights[i]!) <= 0) return { kind: 'choice', letters: wrong[i]! };
      return { kind: 'choice', letters: wrong.at(-1)! };
    }
    case 'multiple': {
      const p = chance(ability, difficulty, 0.25);
      const letters = [...Array(count).keys()].map(indexToLetter).filter((l) => (item.answer!.includes(l) ? random() < Math.min(0.98, p + 0.15) : random() < (1 - p) * 0.35));
      return letters.length ? { kind: 'choice', letters: letters.join('') } : undefined;
    }
    case 'truefalse': {
      const right = random() < chance(ability, difficulty, 0.5);
      return { kind: 'truefalse', value: (item.answer === 'true') === right };
    }
    default: {
      // Markers award whole points (half points on short answers) around the chance of a full answer.
      const p = chance(ability, difficulty, 0);
      if (item.type === 'fill') return { kind: 'points', points: random() < p ? item.points : 0 };
      const raw = Math.min(1, Math.max(0, p + normal(random) * 0.15)) * item.points;
      return { kind: 'points', points: Math.round(raw * 2) / 2 };
    }
  }
}

/**
 * Returns simulated responses for a run: candidates of normally distributed ability answer each
 * item with a chance that falls with the question's bank difficulty (a logistic model with
 * guessing). Seeded, so the same seed gives the same responses. For the bench and for trying
 * the report; never for real results.
 */
export function simulateResponses(key: KeyFile, difficultyOf: (ref: string) => number, { candidates, seed, absentRate = 0.01 }: SimulationOptions): ResponseSet {
  const random = createRandom(`simulate-${seed}`);
  const list: CandidateResponses[] = [];
  for (let c = 0; c < candidates; c++) {
    const variant = key.variants[c % key.variants.length]!;
    // Trained staff: ability centred half a unit above the middle difficulty.
    const ability = 0.5 + normal(random);
    const absent = random() < absentRate;
    const answers = new Map<string, ItemResponse>();
    if (!absent) {
      for (const item of variant.items) {
        const response = respond(item, ability, difficultyOf(item.ref), random);
        if (response) answers.set(item.key, response);
      }
    }
    list.push({ id: `S${String(c + 1).padStart(4, '0')}`, name: `考生${c + 1}`, department: ['客服一部', '客服二部', '售后组'][c % 3]!, variant: variant.label, absent, answers });
  }
  return { source: `simulated (seed ${seed})`, candidates: list };
}
