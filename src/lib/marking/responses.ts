import type { Diagnostic } from '../diagnostics/index.ts';
import type { ItemKey, RunCandidate } from '../exam/index.ts';
import type { ItemIndex } from './items.ts';

/** What one candidate gave for one item, after reading and validating it. */
export type ItemResponse =
  /** Printed option letters, sorted, e.g. `ACD`. */
  | { kind: 'choice'; letters: string }
  | { kind: 'truefalse'; value: boolean }
  /** Points the marker awarded (fill, short answers, case short parts). */
  | { kind: 'points'; points: number };

/** One candidate's row: who, which variant, and their responses by the variant's item keys (blank items absent). */
export interface CandidateResponses {
  /** 工号. */
  id: string;
  name: string;
  department: string;
  variant: string;
  /** 缺考: no response at all; counted in results, left out of statistics. */
  absent: boolean;
  answers: Map<ItemKey, ItemResponse>;
}

/** The response matrix every source produces (a spreadsheet today, scanned sheets later). */
export interface ResponseSet {
  /** Where the responses came from, for messages, e.g. `responses.xlsx`. */
  source: string;
  candidates: CandidateResponses[];
}

/** What a source needs to read responses: the key's items and the run's roster, if any. */
export interface ResponseContext {
  index: ItemIndex;
  roster?: RunCandidate[];
}

/**
 * A way responses come in. Each source validates its own input and reports located
 * diagnostics (cells for spreadsheets, pages for scans); marking only sees a ResponseSet.
 */
export type ResponseSource = (context: ResponseContext) => Promise<{ responses?: ResponseSet; diagnostics: Diagnostic[] }>;
