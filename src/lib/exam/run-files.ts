/**
 * The machine-readable files of an exam run folder, shared by the commands that print a run
 * (`exam`), mark it (`mark`) and read scanned sheets (`scan`). Documented in docs/exams.md
 * ("Files for marking and scanning"); change both together and bump `trainbook`.
 */

/** A question number on a paper, or a case part: `38` or `38(2)`. The column name in responses. */
export type ItemKey = string;

/** `key.json`: the canonical answers of every variant, in that variant's printed letters. */
export interface KeyFile {
  trainbook: 1;
  /** The run folder's name as `exam` created it, also recorded in manifest.json as `runId`. */
  runId: string;
  title: string;
  bank: { title: string; version: string };
  seed: string;
  /** How multiple-choice questions are scored (blueprint `multiple_scoring`). */
  multipleScoring: 'all-or-nothing' | 'partial';
  /** Pass mark and total of the theory paper. */
  totalPoints: number;
  passMark: number;
  variants: KeyVariant[];
}

export interface KeyVariant {
  label: string;
  sections: { heading: string; points: number; items: ItemKey[] }[];
  items: KeyItem[];
}

export interface KeyItem {
  /** `38` or `38(2)`; case parts are separate items so each can be marked. */
  key: ItemKey;
  /** Printed question number (a case's parts share it). */
  number: number;
  /** Part number, 1-based, for case parts. */
  part?: number;
  /** `id@rev` of the bank question (a case part: the case's). */
  ref: string;
  type: 'single' | 'multiple' | 'truefalse' | 'fill' | 'short';
  points: number;
  /** Objective answers in this variant's printed letters: `"ACD"`, `"B"`, `"true"` / `"false"`. */
  answer?: string;
  /** Printed letters → bank letters, e.g. `CADB` means printed A is the bank's C (for distractor analysis in bank order). */
  options?: string;
  /** Fill: accepted answers per blank. */
  blanks?: string[][];
  /** Short answers and case short parts: what earns points. */
  scoring?: { point: string; points: number }[];
}

/** `layout.json`: where everything is on every answer-sheet page, in millimetres from the page's top-left corner. */
export interface LayoutFile {
  trainbook: 1;
  runId: string;
  pages: LayoutPage[];
}

export interface LayoutPage {
  /** The text the page's QR code carries, unique per printed page: see `qrText`. */
  qr: string;
  variant: string;
  /** 1-based page number within one candidate's sheet. */
  page: number;
  pageCount: number;
  /** Candidate id (工号) when printed from a roster. */
  candidate?: string;
  size: { width: number; height: number };
  /** Centres of the four fiducial squares: top-left, top-right, bottom-right, bottom-left. */
  fiducials: { x: number; y: number; size: number }[];
  /** The QR code's square. */
  qrBox: { x: number; y: number; size: number };
  bubbles: LayoutBubble[];
  /** Rectangles where markers write points, for reading and review crops. */
  scoreBoxes: { item: ItemKey | 'section' | 'total'; label: string; x: number; y: number; width: number; height: number }[];
  /** The handwritten name field, cropped into review images. */
  nameBox?: { x: number; y: number; width: number; height: number };
}

export type LayoutBubble =
  | { kind: 'option'; item: ItemKey; option: string; x: number; y: number; r: number }
  /** 工号 digit grid: `position` 0-based from the left, `digit` 0–9. */
  | { kind: 'digit'; position: number; digit: number; x: number; y: number; r: number }
  /** 缺考 (absent) box. */
  | { kind: 'absent'; x: number; y: number; r: number };

/** Returns the item key of a question or case part: `38`, `38(2)`. */
export function itemKey(number: number, part?: number): ItemKey {
  return part === undefined ? String(number) : `${number}(${part})`;
}

/** What a sheet page's QR code says. */
export interface QrPayload {
  runId: string;
  variant: string;
  page: number;
  pageCount: number;
  candidate?: string;
}

/** Returns the QR text of a sheet page: `TB1;<runId>;<variant>;<page>/<pageCount>;<candidate or empty>`. */
export function qrText(p: QrPayload): string {
  return ['TB1', p.runId, p.variant, `${p.page}/${p.pageCount}`, p.candidate ?? ''].join(';');
}

/** Parses a QR text written by `qrText`; undefined for anything else (another product's code, a misread). */
export function parseQrText(text: string): QrPayload | undefined {
  const match = /^TB1;([^;]+);([A-Z]);(\d+)\/(\d+);([^;]*)$/.exec(text);
  if (!match) return undefined;
  const [, runId, variant, page, pageCount, candidate] = match;
  return { runId: runId!, variant: variant!, page: Number(page), pageCount: Number(pageCount), ...(candidate ? { candidate } : {}) };
}

/**
 * A candidate of a run printed from a roster, as recorded in `manifest.json` under `candidates`
 * (roster order) and read back by `mark` for its templates and results.
 */
export interface RunCandidate {
  /** 工号, exactly as in the roster (text: `0123` keeps its zero). */
  id: string;
  name: string;
  department: string;
  /** The variant assigned (round-robin in roster order). */
  variant: string;
}
