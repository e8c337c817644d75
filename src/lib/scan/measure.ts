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

/**
 * Measures every bubble's inside, a disc of 0.7 × the radius (the printed ring stays out, a filled
 * bubble still covers it): its mean darkness, and how much of it is covered by ink. Two numbers,
 * because a light pencil fill and a dark pen cross can have the same mean darkness.
 */
export function measureBubbles(image: GrayImage, bubbles: readonly LayoutBubble[], transform: Homography, white: number): Measured[] {
  return bubbles.map((bubble) => {
    const centre = applyHomography(transform, bubble);
    const r = bubble.r * localScale(transform, bubble);
    const inner = r * 0.7;
    const inner2 = inner * inner;
    let sum = 0;
    let n = 0;
    let inked = 0;
    const inkLevel = white * 0.75;
    const x0 = Math.floor(centre.x - inner);
    const x1 = Math.ceil(centre.x + inner);
    const y0 = Math.floor(centre.y - inner);
    const y1 = Math.ceil(centre.y + inner);
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        const dx = x - centre.x;
        const dy = y - centre.y;
        if (dx * dx + dy * dy > inner2) continue;
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
