import type { LayoutPage } from '../exam/run-files.ts';
import { paperWhite, type GrayImage } from './gray-image.ts';
import { applyHomography, fitAffine, fitHomography, type Homography, type Point } from './homography.ts';
import type { FoundQr } from './qr.ts';

/** How the printed page lies on the scan: the transform from page millimetres to image pixels. */
export interface Registration {
  transform: Homography;
  /** Fiducials found, in layout order; undefined where one could not be found. */
  fiducials: (Point | undefined)[];
  /** Largest distance in mm between where the QR code's corners are and where the transform puts them. */
  residualMm: number;
  white: number;
}

/**
 * Registers a scanned sheet page: a first affine estimate from the QR code's corners, then each
 * corner fiducial's centre searched near where that estimate puts it, and a perspective fit on the
 * four (affine on three, when a corner is folded or torn off). Undefined when fewer than three
 * fiducials are found: such a page is reported, never read.
 */
export function registerPage(image: GrayImage, layout: LayoutPage, qr: FoundQr): Registration | undefined {
  const q = layout.qrBox;
  const qrPage: Point[] = [
    { x: q.x, y: q.y },
    { x: q.x + q.size, y: q.y },
    { x: q.x + q.size, y: q.y + q.size },
    { x: q.x, y: q.y + q.size },
  ];
  const estimate = fitAffine(qrPage, qr.corners);
  if (!estimate) return undefined;
  const white = paperWhite(image);
  const scale = Math.hypot(estimate[0]!, estimate[3]!);
  const fiducials = layout.fiducials.map((f) => findFiducial(image, applyHomography(estimate, f), f.size * scale, white));
  const found = layout.fiducials.flatMap((f, i) => (fiducials[i] ? [{ page: f, image: fiducials[i]! }] : []));
  let transform: Homography | undefined;
  if (found.length === 4) transform = fitHomography(found.map((f) => f.page), found.map((f) => f.image));
  else if (found.length === 3) transform = fitAffine(found.map((f) => f.page), found.map((f) => f.image));
  if (!transform) return undefined;
  const t = transform;
  const residualMm = Math.max(...qrPage.map((p, i) => distance(applyHomography(t, p), qr.corners[i]!) / scale));
  return { transform, fiducials, residualMm, white };
}

/**
 * Finds a solid square's centre near a predicted point: the centroid of dark pixels in a window,
 * re-centred twice with a tighter window so nearby print does not pull it. Undefined when the
 * window holds much less ink than the square would (the corner is missing or blank).
 */
function findFiducial(image: GrayImage, predicted: Point, sizePx: number, white: number): Point | undefined {
  const threshold = white * 0.5;
  const expectedArea = sizePx * sizePx;
  let centre = predicted;
  let half = sizePx * 2;
  for (let pass = 0; pass < 3; pass++) {
    let sx = 0;
    let sy = 0;
    let n = 0;
    const x0 = Math.max(0, Math.floor(centre.x - half));
    const x1 = Math.min(image.width - 1, Math.ceil(centre.x + half));
    const y0 = Math.max(0, Math.floor(centre.y - half));
    const y1 = Math.min(image.height - 1, Math.ceil(centre.y + half));
    for (let y = y0; y <= y1; y++) {
      const row = y * image.width;
      for (let x = x0; x <= x1; x++) {
        if (image.data[row + x]! < threshold) {
          sx += x;
          sy += y;
          n++;
        }
      }
    }
    if (n < expectedArea * 0.4) return undefined;
    centre = { x: sx / n, y: sy / n };
    half = sizePx * 0.9;
  }
  return centre;
}

function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}
