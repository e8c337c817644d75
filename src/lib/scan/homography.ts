/** A point in millimetres on the printed page or in pixels on the scan. */
export interface Point {
  x: number;
  y: number;
}

/** A plane-to-plane perspective transform: 3×3 matrix in row-major order with h[8] = 1. */
export type Homography = readonly number[];

/**
 * Fits the perspective transform mapping four page points (mm) onto their scanned pixels.
 * A scanner shifts, scales and rotates a sheet and may skew it slightly; a perspective fit covers
 * all of these, where an affine fit would leave millimetre errors at the far corners.
 */
export function fitHomography(from: readonly Point[], to: readonly Point[]): Homography | undefined {
  if (from.length !== 4 || to.length !== 4) return undefined;
  const a: number[][] = [];
  const b: number[] = [];
  for (let i = 0; i < 4; i++) {
    const { x, y } = from[i]!;
    const { x: u, y: v } = to[i]!;
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y]);
    b.push(u);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y]);
    b.push(v);
  }
  const h = solve(a, b);
  return h ? [...h, 1] : undefined;
}

/**
 * Fits the affine transform of three or more point pairs by least squares; used when a fiducial
 * is missing (a folded or torn corner) and from the QR code's corners for a first estimate.
 */
export function fitAffine(from: readonly Point[], to: readonly Point[]): Homography | undefined {
  if (from.length < 3 || from.length !== to.length) return undefined;
  // Normal equations for [a b c] (x) and [d e f] (y) separately.
  const ata = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  const atu = [0, 0, 0];
  const atv = [0, 0, 0];
  from.forEach((p, i) => {
    const row = [p.x, p.y, 1];
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 3; c++) ata[r]![c]! += row[r]! * row[c]!;
      atu[r]! += row[r]! * to[i]!.x;
      atv[r]! += row[r]! * to[i]!.y;
    }
  });
  const first = solve(ata.map((r) => [...r]), atu);
  const second = solve(ata.map((r) => [...r]), atv);
  if (!first || !second) return undefined;
  return [...first, ...second, 0, 0, 1];
}

/** Maps a page point through the transform. */
export function applyHomography(h: Homography, p: Point): Point {
  const w = h[6]! * p.x + h[7]! * p.y + h[8]!;
  return { x: (h[0]! * p.x + h[1]! * p.y + h[2]!) / w, y: (h[3]! * p.x + h[4]! * p.y + h[5]!) / w };
}

/** Pixels per millimetre near a page point: the local scale, for radii and search windows. */
export function localScale(h: Homography, p: Point): number {
  const a = applyHomography(h, p);
  const b = applyHomography(h, { x: p.x + 1, y: p.y });
  const c = applyHomography(h, { x: p.x, y: p.y + 1 });
  return (Math.hypot(b.x - a.x, b.y - a.y) + Math.hypot(c.x - a.x, c.y - a.y)) / 2;
}

/** Gaussian elimination with partial pivoting; undefined for a singular system (collinear points). */
function solve(a: number[][], b: number[]): number[] | undefined {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    if (Math.abs(m[pivot]![col]!) < 1e-12) return undefined;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const factor = m[r]![col]! / m[col]![col]!;
      for (let c = col; c <= n; c++) m[r]![c]! -= factor * m[col]![c]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}
