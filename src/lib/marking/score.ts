import type { ItemKey, KeyFile, KeyItem } from '../exam/index.ts';
import { letterToIndex } from '../questions/index.ts';
import { indexItems, isObjective, type ItemIndex } from './items.ts';
import type { CandidateResponses, ItemResponse, ResponseSet } from './responses.ts';

/** One item on a candidate's paper: what they gave, the key, and the points, in the variant's own numbering. */
export interface MarkedItem {
  key: ItemKey;
  type: KeyItem['type'];
  /** The candidate's answer as printed letters, `√`/`×`, or '' when blank; for subjective items the points as text. */
  given: string;
  /** The key in printed letters or `√`/`×`; '' for subjective items. */
  answer: string;
  points: number;
  max: number;
}

/** A candidate after scoring. */
export interface MarkedCandidate {
  candidate: CandidateResponses;
  /** Points per canonical item (see `ItemIndex.items`). */
  points: number[];
  /** Points per section. */
  sections: number[];
  total: number;
  passed: boolean;
  /** Paper order of the candidate's variant. */
  items: MarkedItem[];
}

/** How often each option was chosen, in the bank's own letter order (so variants add up). */
export interface DistractorCounts {
  /** Count per bank option: index 0 is the bank's A. */
  options: number[];
  /** Candidates who left it blank. */
  blank: number;
  /** Bank letters of the correct options, e.g. `AC`. */
  correct: string;
}

/** The scored run: every candidate, and per canonical item its distractor counts (choice items). */
export interface Marking {
  key: KeyFile;
  index: ItemIndex;
  candidates: MarkedCandidate[];
  distractors: (DistractorCounts | undefined)[];
}

/** Returns the points a response earns on an objective item under the key's multiple-choice rule. */
export function scoreObjective(item: KeyItem, response: ItemResponse | undefined, multipleScoring: KeyFile['multipleScoring']): number {
  if (!response) return 0;
  if (response.kind === 'truefalse') return String(response.value) === item.answer ? item.points : 0;
  if (response.kind !== 'choice') return 0;
  if (response.letters === item.answer) return item.points;
  if (item.type !== 'multiple' || multipleScoring !== 'partial' || response.letters === '') return 0;
  // Partial credit: half the points for a correct, incomplete choice; any wrong option scores 0.
  const correct = new Set(item.answer);
  return [...response.letters].every((l) => correct.has(l)) ? item.points / 2 : 0;
}

function givenText(response: ItemResponse | undefined): string {
  if (!response) return '';
  if (response.kind === 'choice') return response.letters;
  if (response.kind === 'truefalse') return response.value ? '√' : '×';
  return String(response.points);
}

const printedKey = (item: KeyItem) => (item.type === 'truefalse' ? (item.answer === 'true' ? '√' : '×') : (item.answer ?? ''));

/**
 * Returns every candidate's points per item and section, total and pass/fail, and the
 * distractor counts in bank order. Objective items are scored against the key of the
 * candidate's variant; subjective items take the points the marker entered; blanks score 0.
 */
export function scoreResponses(key: KeyFile, responses: ResponseSet): Marking {
  const index = indexItems(key);
  const distractors = index.items.map((item) => {
    if (item.type !== 'single' && item.type !== 'multiple') return undefined;
    // The correct bank letters are the same in every variant; read them off variant A.
    const keyItem = [...index.variants.values()][0]!.get(item.label)!.item;
    const correct = [...keyItem.answer!].map((l) => keyItem.options![letterToIndex(l)]!).sort().join('');
    return { options: Array<number>(item.optionCount ?? 0).fill(0), blank: 0, correct };
  });
  const candidates = responses.candidates.map((candidate): MarkedCandidate => {
    const items = index.variants.get(candidate.variant)!;
    const points = Array<number>(index.items.length).fill(0);
    const marked: MarkedItem[] = [];
    for (const [itemKey, { index: i, item }] of items) {
      const response = candidate.answers.get(itemKey);
      const earned = isObjective(item.type) ? scoreObjective(item, response, key.multipleScoring) : response?.kind === 'points' ? response.points : 0;
      points[i] = earned;
      marked.push({ key: itemKey, type: item.type, given: givenText(response), answer: isObjective(item.type) ? printedKey(item) : '', points: earned, max: item.points });
      const counts = distractors[i];
      if (counts && !candidate.absent) {
        if (response?.kind === 'choice' && response.letters) for (const l of response.letters) counts.options[letterToIndex(item.options![letterToIndex(l)]!)]!++;
        else counts.blank++;
      }
    }
    const sections = index.sections.map(() => 0);
    index.items.forEach((item, i) => (sections[item.section]! += points[i]!));
    const total = points.reduce((s, p) => s + p, 0);
    return { candidate, points, sections, total, passed: !candidate.absent && total >= key.passMark, items: marked };
  });
  return { key, index, candidates, distractors };
}
