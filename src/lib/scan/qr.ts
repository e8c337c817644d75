import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { GrayImage } from './gray-image.ts';
import type { Point } from './homography.ts';

/** A QR code found on a scan: its text, its corners in image pixels and how far it is turned. */
export interface FoundQr {
  text: string;
  /** Corners in the code's own order: top-left, top-right, bottom-right, bottom-left. */
  corners: [Point, Point, Point, Point];
  /** Rotation in degrees as zxing reports it; about ±180 for a sheet fed upside down. */
  orientation: number;
}

/** A rectangle of the image in pixels. */
export interface PixelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

type ZxingReader = typeof import('zxing-wasm/reader');
let reader: Promise<ZxingReader> | undefined;

/**
 * Loads zxing's reader once, with its wasm read from node_modules: by default zxing-wasm fetches
 * the wasm from a CDN, which would make scanning fail offline and send nothing useful anywhere.
 */
function loadReader(): Promise<ZxingReader> {
  reader ??= (async () => {
    const zxing = await import('zxing-wasm/reader');
    const wasmPath = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
    const bytes = await readFile(wasmPath);
    const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    await zxing.prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
    return zxing;
  })();
  return reader;
}

/** Reads the QR codes in a region of the page (the whole page when no box is given). */
export async function findQrCodes(image: GrayImage, box?: PixelBox): Promise<FoundQr[]> {
  const zxing = await loadReader();
  const region = clampBox(image, box ?? { x: 0, y: 0, width: image.width, height: image.height });
  if (region.width < 20 || region.height < 20) return [];
  const rgba = new Uint8ClampedArray(region.width * region.height * 4);
  for (let y = 0; y < region.height; y++) {
    const row = (region.y + y) * image.width + region.x;
    for (let x = 0; x < region.width; x++) {
      const grey = image.data[row + x]!;
      const o = (y * region.width + x) * 4;
      rgba[o] = rgba[o + 1] = rgba[o + 2] = grey;
      rgba[o + 3] = 255;
    }
  }
  const results = await zxing.readBarcodes(
    { data: rgba, width: region.width, height: region.height, colorSpace: 'srgb' } as ImageData,
    { formats: ['QRCode'], tryHarder: true, maxNumberOfSymbols: 2 },
  );
  return results
    .filter((r) => r.isValid)
    .map((r) => {
      const at = (p: { x: number; y: number }): Point => ({ x: p.x + region.x, y: p.y + region.y });
      const { topLeft, topRight, bottomRight, bottomLeft } = r.position;
      return { text: r.text, corners: [at(topLeft), at(topRight), at(bottomRight), at(bottomLeft)], orientation: r.orientation };
    });
}

function clampBox(image: GrayImage, box: PixelBox): PixelBox {
  const x = Math.max(0, Math.floor(box.x));
  const y = Math.max(0, Math.floor(box.y));
  const right = Math.min(image.width, Math.ceil(box.x + box.width));
  const bottom = Math.min(image.height, Math.ceil(box.y + box.height));
  return { x, y, width: Math.max(0, right - x), height: Math.max(0, bottom - y) };
}
