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
  const residual = (t: Homography) => Math.max(...qrPage.map((p, i) => distance(applyHomography(t, p), qr.corners[i]!) / scale));
  // The perspective fit on four marks when they agree with the QR code; otherwise the best affine
  // fit on three, which survives one corner that is cut off, folded or smudged.
  const fits: Homography[] = [];
  if (found.length === 4) {
    const full = fitHomography(found.map((f) => f.page), found.map((f) => f.image));
    if (full && residual(full) <= 1.5) fits.push(full);
  }
  if (fits.length === 0 && found.length >= 3) {
    for (let skip = 0; skip < found.length; skip++) {
      const three = found.length === 3 ? found : found.filter((_, i) => i !== skip);
      const affine = fitAffine(three.map((f) => f.page), three.map((f) => f.image));
      if (affine) fits.push(affine);
      if (found.length === 3) break;
    }
  }
  if (fits.length === 0) return undefined;
  const transform = fits.reduce((best, t) => (residual(t) < residual(best) ? t : best));
  return { transform, fiducials, residualMm: residual(transform), white };
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
    let touchesEdge = false;
    const x0 = Math.max(0, Math.floor(centre.x - half));
    const x1 = Math.min(image.width - 1, Math.ceil(centre.x + half));
    const y0 = Math.max(0, Math.floor(centre.y - half));
    const y1 = Math.min(image.height - 1, Math.ceil(centre.y + half));
    for (let y = y0; y <= y1; y++) {
      const row = y * image.width;
      for (let x = x0; x <= x1; x++) {
        if (image.data[row + x]! < threshold) {
          if (x === 0 || y === 0 || x === image.width - 1 || y === image.height - 1) touchesEdge = true;
          sx += x;
          sy += y;
          n++;
        }
      }
    }
    // Too little ink: no mark here. Ink on the image's edge: the mark is cut, and its centroid would be
    // off; both are left out rather than trusted.
    if (n < expectedArea * 0.4) return undefined;
    if (pass === 2 && (n < expectedArea * 0.6 || n > expectedArea * 1.6)) return undefined;
    if (pass === 2 && touchesEdge) return undefined;
    centre = { x: sx / n, y: sy / n };
    half = sizePx * 0.9;
  }
  return centre;
}

function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}
