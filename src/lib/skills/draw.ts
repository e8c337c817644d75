import { RowBuilder, type Row } from '../exam-pdf/blocks.ts';
import { MARGIN, type DrawOp, type FontMetrics, type Weight } from '../exam-pdf/index.ts';

/** Returns `ops` moved down by `dy` (and right by `dx`). */
export function shift(ops: DrawOp[], dy: number, dx = 0): DrawOp[] {
  return ops.map((op) => {
    switch (op.type) {
      case 'line':
        return { ...op, x1: op.x1 + dx, x2: op.x2 + dx, y1: op.y1 + dy, y2: op.y2 + dy };
      default:
        return { ...op, x: op.x + dx, y: op.y + dy };
    }
  });
}

/** Returns rows stacked from `top`, and the height they took. */
export function stack(rows: Row[], top: number): { ops: DrawOp[]; height: number } {
  const ops: DrawOp[] = [];
  let y = top;
  for (const row of rows) {
    ops.push(...shift(row.ops, y));
    y += row.height;
  }
  return { ops, height: y - top };
}

/** A filled (and optionally framed) rectangle as a path op. */
export function box(x: number, y: number, width: number, height: number, { fill, lineWidth }: { fill?: number; lineWidth?: number }): DrawOp {
  return { type: 'path', x, y, points: [[0, 0], [width, 0], [width, height], [0, height]], closed: true, ...(fill !== undefined ? { fill } : {}), ...(lineWidth ? { lineWidth } : {}) };
}

export interface Cell {
  text: string;
  weight?: Weight;
  size?: number;
  align?: 'left' | 'center' | 'right';
  /** Grey level behind the cell, 0 black … 1 white. */
  fill?: number;
}

/**
 * Returns a framed table at (x, y): cells wrapped to their column, each row as tall as its
 * tallest cell (at least `minRowHeight`), header row shaded.
 */
export function table(
  metrics: FontMetrics,
  x: number,
  y: number,
  widths: number[],
  rows: Cell[][],
  { size = 9, padding = 3, minRowHeight = 0, header = true }: { size?: number; padding?: number; minRowHeight?: number; header?: boolean } = {},
): { ops: DrawOp[]; height: number } {
  const builder = new RowBuilder(metrics);
  const ops: DrawOp[] = [];
  let top = y;
  rows.forEach((cells, r) => {
    let left = x;
    const laidOut = cells.map((cell, c) => {
      const width = widths[c]!;
      const lines = builder.text(cell.text || ' ', {
        size: cell.size ?? size,
        weight: cell.weight ?? (header && r === 0 ? 'bold' : 'regular'),
        indent: left - MARGIN.left + padding,
        width: left - MARGIN.left + width - padding,
        leading: 1.35,
        align: cell.align ?? 'left',
      });
      left += width;
      return lines;
    });
    const height = Math.max(minRowHeight, ...laidOut.map((lines) => lines.reduce((h, l) => h + l.height, 0) + padding * 2));
    left = x;
    cells.forEach((cell, c) => {
      const width = widths[c]!;
      const fill = cell.fill ?? (header && r === 0 ? 0.92 : undefined);
      if (fill !== undefined) ops.push(box(left, top, width, height, { fill }));
      const textHeight = laidOut[c]!.reduce((h, l) => h + l.height, 0);
      ops.push(...stack(laidOut[c]!, top + (height - textHeight) / 2).ops);
      ops.push({ type: 'rect', x: left, y: top, width, height, lineWidth: 0.5 });
      left += width;
    });
    top += height;
  });
  return { ops, height: top - y };
}

/** Returns a one-line text op. */
export function text(x: number, y: number, value: string, size: number, options: { weight?: Weight; align?: 'left' | 'center' | 'right'; width?: number } = {}): DrawOp {
  return { type: 'text', x, y, text: value, size, weight: options.weight ?? 'regular', ...(options.align ? { align: options.align, width: options.width ?? 0 } : {}) };
}

/** Formats a 1–5 mean with one decimal, or `—` when there is none. */
export function formatScore(value: number | undefined, decimals = 1): string {
  return value === undefined ? '—' : value.toFixed(decimals);
}
