/** A4 portrait in PDF points. */
export const PAGE = { width: 595.28, height: 841.89 } as const;
/** Page margins (about 20 mm), leaving room for the footer. */
export const MARGIN = { top: 54, right: 54, bottom: 62, left: 54 } as const;
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

export type Weight = 'regular' | 'bold';

/** Something to draw, positioned from the page's top-left corner (y grows downwards). */
export type DrawOp =
  | { type: 'text'; x: number; y: number; text: string; size: number; weight: Weight; align?: 'left' | 'center' | 'right'; width?: number }
  | { type: 'line'; x1: number; y1: number; x2: number; y2: number; width: number; dash?: boolean }
  /** A rectangle, outlined (`lineWidth`) or `fill`ed black; `box` names a score box for layout.json. */
  | { type: 'rect'; x: number; y: number; width: number; height: number; lineWidth: number; fill?: boolean; box?: ScoreBoxTag }
  /** A circle; `mark` names an answer-sheet bubble for layout.json. */
  | { type: 'circle'; x: number; y: number; r: number; lineWidth: number; mark?: BubbleTag }
  /** An image by its source path in the bank (`assets/flow.png`), placed with its top-left corner at x, y. */
  | { type: 'image'; x: number; y: number; width: number; height: number; src: string }
  /**
   * A polyline or polygon: `points` are relative to x, y (so rows move it like any op).
   * `fill` is a grey level from 0 (black) to 1 (white); without `lineWidth` the shape is only filled.
   */
  | { type: 'path'; x: number; y: number; points: [number, number][]; closed?: boolean; lineWidth?: number; fill?: number; dash?: boolean };

/** What a bubble on an answer sheet records: an option of an item, a 工号 digit, or 缺考. */
export type BubbleTag =
  | { kind: 'option'; item: string; option: string }
  | { kind: 'digit'; position: number; digit: number }
  | { kind: 'absent' };

/** What a score box records: the item (`12`, `38(2)`), a section, or the total. */
export interface ScoreBoxTag {
  item: string;
  label: string;
}

/** A laid-out page: what to draw, and which questions it holds (for tests and the no-split rule). */
export interface LaidOutPage {
  ops: DrawOp[];
  /**
   * A page drawn first, under `ops`: the shared body of an answer sheet under each candidate's
   * stamp. Rendered as its own content stream, compressed once however many pages share it.
   */
  underlay?: LaidOutPage;
  /** `id` of each question whose first row is on this page, in order. */
  questions: string[];
}

/** A whole document ready to render: data only, no PDF library involved. */
export interface LaidOutDocument {
  kind: 'paper' | 'key' | 'sheet' | 'rubric' | 'report' | 'transcripts' | 'skills' | 'training' | 'task-card' | 'script' | 'summary';
  title: string;
  pages: LaidOutPage[];
}

/** Widths of text in the font the PDF will embed, and the images questions show. */
export interface FontMetrics {
  widthOf(text: string, size: number, weight: Weight): number;
  /** Pixel size of a question image by its bank path, when it can be printed. */
  imageSize?(src: string): { width: number; height: number } | undefined;
}

/** Returns everything drawn on a page: its underlay's ops, then its own. */
export function pageOps(page: LaidOutPage): DrawOp[] {
  return page.underlay ? [...pageOps(page.underlay), ...page.ops] : page.ops;
}
