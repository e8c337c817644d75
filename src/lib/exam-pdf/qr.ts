import { encodeQR } from 'qr';
import type { DrawOp } from './layout-types.ts';

/**
 * Returns a QR code for `text` as filled squares in a `size`-point square with its top-left at
 * x, y: vector marks, sharp at any print resolution. Dark modules next to each other on a row
 * are one rectangle, so a code is a few hundred operators, not a thousand.
 * Error correction `medium` (15 %) survives a pen stroke or a fold across the code.
 * The caller keeps a quiet zone of at least four modules around it clear.
 */
export function qrCodeOps(text: string, x: number, y: number, size: number): DrawOp[] {
  // The library insists on a border of at least one module; the sheet's layout keeps its own quiet zone.
  const modules = encodeQR(text, 'raw', { ecc: 'medium', border: 1 })
    .slice(1, -1)
    .map((row) => row.slice(1, -1));
  const cell = size / modules.length;
  const ops: DrawOp[] = [];
  modules.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) {
      if (!row[c]) continue;
      const start = c;
      while (c + 1 < row.length && row[c + 1]) c++;
      // A hair of overlap between neighbouring rows avoids white seams in some viewers' anti-aliasing.
      ops.push({ type: 'rect', x: x + start * cell, y: y + r * cell, width: (c - start + 1) * cell, height: cell + 0.05, lineWidth: 0, fill: true });
    }
  });
  return ops;
}
