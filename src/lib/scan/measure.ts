import type { LayoutBubble } from '../exam/run-files.ts';
import type { GrayImage } from './gray-image.ts';
import { applyHomography, localScale, type Homography } from './homography.ts';

/** One bubble as read: how dark its inside is, 0 (paper) to 1 (solid black). */
export interface Measured {
  bubble: LayoutBubble;
  /** Centre on the scan, in pixels (for review images). */
  at: { x: number; y: number; r: number };
  darkness: number;
  /** Share of the inside covered by ink darker than a quarter of the way to black: a fill covers it, a cross or tick does not. */
  coverage: number;
}

/** The measured band of a bubble, as fractions of its radius: outside the printed letter, inside the printed ring. */
const INNER = 0.55;
const OUTER = 0.82;

/**
 * Measures every bubble in a band between 0.55 and 0.82 × its radius: the printed letter (`A`, `√`)
 * stays inside the band and the printed ring outside it, so an empty bubble reads as paper whatever
 * its label, while a fill covers the band all round. Two numbers come out, the band's mean darkness
 * and how much of it is covered by ink, because a light pencil fill and a dark pen cross can have
 * the same mean darkness but not the same coverage.
 */
export function measureBubbles(image: GrayImage, bubbles: readonly LayoutBubble[], transform: Homography, white: number): Measured[] {
  return bubbles.map((bubble) => {
    const centre = applyHomography(transform, bubble);
    const r = bubble.r * localScale(transform, bubble);
    const outer = r * OUTER;
    const outer2 = outer * outer;
    const inner2 = (r * INNER) ** 2;
    let sum = 0;
    let n = 0;
    let inked = 0;
    const inkLevel = white * 0.75;
    const x0 = Math.floor(centre.x - outer);
    const x1 = Math.ceil(centre.x + outer);
    const y0 = Math.floor(centre.y - outer);
    const y1 = Math.ceil(centre.y + outer);
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        const dx = x - centre.x;
        const dy = y - centre.y;
        const d2 = dx * dx + dy * dy;
        if (d2 > outer2 || d2 < inner2) continue;
        const inside = x >= 0 && y >= 0 && x < image.width && y < image.height;
        const grey = inside ? image.data[y * image.width + x]! : white;
        sum += grey;
        if (grey < inkLevel) inked++;
        n++;
      }
    }
    const mean = n ? sum / n : white;
    return { bubble, at: { x: centre.x, y: centre.y, r }, darkness: Math.min(1, Math.max(0, 1 - mean / white)), coverage: n ? inked / n : 0 };
  });
}
