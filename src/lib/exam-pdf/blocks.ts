import { wrapText } from './line-break.ts';
import { CONTENT_WIDTH, MARGIN, PAGE, type DrawOp, type FontMetrics, type LaidOutPage, type Weight } from './layout-types.ts';

/** A horizontal slice of a block that is never split; ops are relative to the row's top. */
export interface Row {
  height: number;
  ops: DrawOp[];
}

/** Consecutive rows that belong together, e.g. one question. */
export interface Block {
  rows: Row[];
  /** Move the whole block to the next page rather than split it, when it fits on one page. */
  keepTogether: boolean;
  /** The question this block prints, recorded on the page for tests. */
  questionId?: string;
  /** Extra space above the block. */
  spaceBefore?: number;
  /** Never leave this block (a section heading) last on a page: it moves on with the next block's first rows. */
  keepWithNext?: boolean;
}

/** Page areas: the body starts `top` points from the page's top edge and ends `bottom` points above the bottom. */
export interface PageArea {
  top: number;
  bottom: number;
}

export interface TextStyle {
  size: number;
  weight?: Weight;
  /** Line height as a multiple of size. Default 1.65: CJK text needs more leading than Latin. */
  leading?: number;
  indent?: number;
  /** Hanging indent for lines after the first (e.g. past "12. "). */
  hanging?: number;
  width?: number;
  align?: 'left' | 'center' | 'right';
}

/** Builds rows of wrapped text and simple figures; all layout code goes through it. */
export class RowBuilder {
  readonly metrics: FontMetrics;

  constructor(metrics: FontMetrics) {
    this.metrics = metrics;
  }

  /** Returns one row per wrapped line of `text`. */
  text(text: string, style: TextStyle): Row[] {
    const { size, weight = 'regular', leading = 1.65, indent = 0, hanging = 0, width = CONTENT_WIDTH, align = 'left' } = style;
    const measure = (s: string) => this.metrics.widthOf(s, size, weight);
    const first = wrapText(text, width - indent, measure);
    // Re-wrap everything after the first line at the hanging indent's width.
    const lines = hanging && first.length > 1 ? [first[0]!, ...wrapText(text.slice(first[0]!.length).replace(/^\s+/, ''), width - indent - hanging, measure)] : first;
    const lineHeight = size * leading;
    return lines.map((line, i) => {
      const x = MARGIN.left + indent + (i > 0 ? hanging : 0);
      const lineWidth = width - indent - (i > 0 ? hanging : 0);
      return {
        height: lineHeight,
        ops: [{ type: 'text', x, y: size * 0.88 + (lineHeight - size) / 2, text: line, size, weight, align, width: lineWidth }],
      };
    });
  }

  /** Returns an empty row of the given height. */
  space(height: number): Row {
    return { height, ops: [] };
  }

  /**
   * Returns a row showing an image scaled to fit the text width (and at most 220 pt high),
   * or a bracketed alt text when the image cannot be printed (e.g. SVG).
   */
  image(src: string, alt: string, indent = 0): Row[] {
    const size = this.metrics.imageSize?.(src);
    if (!size) return this.text(`［图：${alt || src}］`, { size: 9.5, indent });
    const available = CONTENT_WIDTH - indent;
    // 96 px per inch is how editors' screens show the image; never enlarge it beyond that.
    const natural = { width: (size.width * 72) / 96, height: (size.height * 72) / 96 };
    const scale = Math.min(1, available / natural.width, 220 / natural.height);
    const width = natural.width * scale;
    const height = natural.height * scale;
    return [{ height: height + 8, ops: [{ type: 'image', x: MARGIN.left + indent, y: 4, width, height, src }] }];
  }

  /** Returns a row of ruled answer lines, e.g. for short answers. */
  answerLines(count: number, { indent = 0, spacing = 24 } = {}): Row[] {
    return Array.from({ length: count }, () => ({
      height: spacing,
      ops: [{ type: 'line', x1: MARGIN.left + indent, y1: spacing - 4, x2: MARGIN.left + CONTENT_WIDTH, y2: spacing - 4, width: 0.4, dash: true }],
    }));
  }
}

/** Places `ops` of a row at vertical offset `top` on the page. */
function offset(ops: DrawOp[], top: number): DrawOp[] {
  return ops.map((op) => {
    switch (op.type) {
      case 'text':
        return { ...op, y: op.y + top };
      case 'line':
        return { ...op, y1: op.y1 + top, y2: op.y2 + top };
      default:
        return { ...op, y: op.y + top };
    }
  });
}

const heightOf = (block: Block) => block.rows.reduce((h, r) => h + r.height, 0);

/** What must fit below a block for it to stay on the page: the block, and with `keepWithNext` the start of the next one. */
function neededHeight(block: Block, next: Block | undefined, bodyHeight: number): number {
  const height = heightOf(block);
  if (!block.keepWithNext || !next) return height;
  const nextHeight = heightOf(next);
  const following = next.keepTogether && nextHeight <= bodyHeight - height ? nextHeight : (next.rows[0]?.height ?? 0);
  return height + (next.spaceBefore ?? 0) + following;
}

/**
 * Returns pages filled with blocks in order. A block marked `keepTogether` that does not fit
 * on the rest of the page starts a new page when it would fit on an empty one; otherwise it
 * flows row by row. A `keepWithNext` block (a heading) moves on when its next block would.
 */
export function paginate(blocks: Block[], area: PageArea = MARGIN): LaidOutPage[] {
  const bodyHeight = PAGE.height - area.top - area.bottom;
  const pages: LaidOutPage[] = [{ ops: [], questions: [] }];
  let y = 0;
  for (const [index, block] of blocks.entries()) {
    const space = y === 0 ? 0 : (block.spaceBefore ?? 0);
    const height = heightOf(block);
    const needed = neededHeight(block, blocks[index + 1], bodyHeight);
    if ((block.keepTogether || block.keepWithNext) && y + space + needed > bodyHeight && needed <= bodyHeight && y > 0) {
      pages.push({ ops: [], questions: [] });
      y = 0;
    } else {
      y += space;
    }
    if (block.questionId) pages.at(-1)!.questions.push(block.questionId);
    for (const row of block.rows) {
      if (y + row.height > bodyHeight && y > 0) {
        pages.push({ ops: [], questions: [] });
        y = 0;
      }
      pages.at(-1)!.ops.push(...offset(row.ops, area.top + y));
      y += row.height;
    }
  }
  return pages;
}

/** Adds "第 x 页 共 y 页 · … " footers to every page. */
export function addFooters(pages: LaidOutPage[], label: (page: number, total: number) => string): LaidOutPage[] {
  return pages.map((page, i) => ({
    ...page,
    ops: [
      ...page.ops,
      { type: 'line', x1: MARGIN.left, y1: PAGE.height - MARGIN.bottom + 20, x2: PAGE.width - MARGIN.right, y2: PAGE.height - MARGIN.bottom + 20, width: 0.4 },
      { type: 'text', x: MARGIN.left, y: PAGE.height - MARGIN.bottom + 36, text: label(i + 1, pages.length), size: 8.5, weight: 'regular', align: 'center', width: CONTENT_WIDTH },
    ],
  }));
}
