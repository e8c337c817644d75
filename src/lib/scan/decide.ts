import type { ItemKey } from '../exam/run-files.ts';
import type { Measured } from './measure.ts';

export type MarkDecision = 'filled' | 'empty' | 'ambiguous';

/** A bubble with its decision; `relative` and `covered` are its darkness and coverage above an empty bubble of the same label. */
export interface Decided extends Measured {
  relative: number;
  covered: number;
  decision: MarkDecision;
}

/** The levels a page was judged by, kept in scan.json so a trainer can see why. */
export interface PageThresholds {
  /** Typical darkness above empty of a clearly filled bubble on this page. */
  filledLevel: number;
  /** Relative darkness below which a hardly covered bubble is empty. */
  low: number;
  /** Relative darkness a well-covered bubble needs to count as filled. */
  high: number;
}

/** When a page has too few clear marks to learn from, a filled bubble is assumed this dark. */
const DEFAULT_FILLED_LEVEL = 0.6;

/** A fill covers at least this share of a bubble's inside (beyond its printed label); a cross or a tick covers about 40 %. */
const FILLED_COVERAGE = 0.7;
/** Below this share the bubble holds no mark worth a look. */
const EMPTY_COVERAGE = 0.2;

/**
 * Decides every bubble of one page relative to that page. An empty bubble's darkness and ink
 * coverage are learnt per printed label (the letter inside adds ink, `B` more than `I`; see `emptyLevels`), a filled
 * bubble's darkness from the page's clear marks. Filled: covered like a fill and dark enough (a
 * pencil fill counts). Empty: hardly covered and light (a good erasure). Everything between — a
 * cross, a tick, a half fill, a smudge, a poor erasure — is ambiguous and flagged, never guessed.
 * Documented in docs/scanning.md.
 */
export function decideBubbles(measured: readonly Measured[]): { decided: Decided[]; thresholds: PageThresholds } {
  const emptyDarkness = emptyLevels(measured, (m) => m.darkness, 0.12);
  const emptyCoverage = emptyLevels(measured, (m) => m.coverage, 0.25);
  const relative = measured.map((m) => Math.max(0, m.darkness - emptyDarkness(m)));
  const covered = measured.map((m) => Math.max(0, m.coverage - emptyCoverage(m)));
  const clear = relative.filter((r, i) => r >= 0.3 && covered[i]! >= FILLED_COVERAGE).sort((a, b) => a - b);
  const filledLevel = clear.length >= 3 ? clear[Math.floor(clear.length / 2)]! : DEFAULT_FILLED_LEVEL;
  const low = Math.max(0.08, filledLevel * 0.25);
  const high = Math.max(0.15, filledLevel * 0.3);
  const decided = measured.map((m, i) => {
    const r = relative[i]!;
    const c = covered[i]!;
    const decision: MarkDecision = c >= FILLED_COVERAGE && r >= high ? 'filled' : c < EMPTY_COVERAGE && r < low ? 'empty' : 'ambiguous';
    return { ...m, relative: round3(r), covered: round3(c), darkness: round3(m.darkness), coverage: round3(m.coverage), decision };
  });
  return { decided, thresholds: { filledLevel: round3(filledLevel), low: round3(low), high: round3(high) } };
}

/**
 * Returns each bubble's empty level of a measure: the lowest value among bubbles of its label, so a
 * label most candidates filled (every true/false `×` on the page) still finds an unfilled one, capped
 * at the page's typical empty bubble plus `allowance` for the printed letter, so a label that is
 * filled everywhere can never make a filled bubble look empty.
 */
function emptyLevels(measured: readonly Measured[], value: (m: Measured) => number, allowance: number): (m: Measured) => number {
  const byLabel = new Map<string, number>();
  for (const m of measured) byLabel.set(labelOf(m), Math.min(byLabel.get(labelOf(m)) ?? Infinity, value(m)));
  const cap = lowerQuartile(measured.map(value)) + allowance;
  return (m) => Math.min(byLabel.get(labelOf(m))!, cap);
}

function labelOf(m: Measured): string {
  const b = m.bubble;
  return b.kind === 'option' ? `o:${b.option}` : b.kind === 'digit' ? `d:${b.digit}` : 'absent';
}

/** The lower quartile, so a label most candidates filled (a popular `A`) still gets its level from unfilled bubbles. */
function lowerQuartile(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 4)]!;
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** What one question's bubbles say: the letters read, or a flag saying why a person must look. */
export interface ItemReading {
  item: ItemKey;
  /** Letters read as filled, in printed order; `true`/`false` for true/false questions. */
  answer: string;
  flag?: 'multiple-marks' | 'ambiguous-mark';
}

/**
 * Turns one question's decided bubbles into an answer. A single-choice or true/false question with
 * two marks, or any question with an ambiguous bubble, is flagged; no answer is ever guessed.
 */
export function readItem(item: ItemKey, type: string, bubbles: readonly Decided[]): ItemReading {
  const filled = bubbles.filter((b) => b.decision === 'filled').map((b) => (b.bubble.kind === 'option' ? b.bubble.option : ''));
  const ambiguous = bubbles.some((b) => b.decision === 'ambiguous');
  const single = type !== 'multiple';
  const answer = type === 'truefalse' ? filled.map(trueFalseOf).join('') : filled.join('');
  if (single && filled.length > 1) return { item, answer, flag: 'multiple-marks' };
  if (ambiguous) return { item, answer, flag: 'ambiguous-mark' };
  return { item, answer };
}

/** True/false bubbles are labelled `√`/`×` or `T`/`F` on the sheet; responses take `√`/`×`. */
function trueFalseOf(label: string): string {
  return /^(T|√|对|true)$/i.test(label) ? '√' : /^(F|×|错|false)$/i.test(label) ? '×' : label;
}
