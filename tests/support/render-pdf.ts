import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A rendered page in greyscale: 0 is black, 255 white. */
export interface GreyPage {
  width: number;
  height: number;
  /** Dots per millimetre, to turn layout.json's millimetres into pixels. */
  dpmm: number;
  pixels: Uint8Array;
}

/** Returns every page of a PDF rendered by poppler's `pdftoppm` at `dpi`, in greyscale. */
export function renderPdfPages(pdf: string, dpi = 150): GreyPage[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'trainbook-render-'));
  try {
    execFileSync('pdftoppm', ['-gray', '-r', String(dpi), pdf, path.join(dir, 'page')]);
    return readdirSync(dir)
      .filter((f) => f.endsWith('.pgm'))
      .sort()
      .map((f) => readPgm(readFileSync(path.join(dir, f)), dpi / 25.4));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Parses a binary PGM (P5) as pdftoppm writes it. */
function readPgm(bytes: Buffer, dpmm: number): GreyPage {
  const header: string[] = [];
  let offset = 0;
  while (header.length < 4) {
    while (/\s/.test(String.fromCharCode(bytes[offset]!))) offset++;
    let token = '';
    while (!/\s/.test(String.fromCharCode(bytes[offset]!))) token += String.fromCharCode(bytes[offset++]!);
    header.push(token);
  }
  offset++;
  const [magic, width, height] = header;
  if (magic !== 'P5') throw new Error(`readPgm: expected P5, got ${magic}`);
  return { width: Number(width), height: Number(height), dpmm, pixels: bytes.subarray(offset, offset + Number(width) * Number(height)) };
}

/** Returns the darkest pixel within `radius` pixels of a point given in millimetres. */
export function darkestNear(page: GreyPage, xMm: number, yMm: number, radius = 1): number {
  const cx = Math.round(xMm * page.dpmm);
  const cy = Math.round(yMm * page.dpmm);
  let darkest = 255;
  for (let y = cy - radius; y <= cy + radius; y++) for (let x = cx - radius; x <= cx + radius; x++) darkest = Math.min(darkest, page.pixels[y * page.width + x] ?? 255);
  return darkest;
}

/** Returns the page as RGBA, what QR decoders read. */
export function toRgba(page: GreyPage): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(page.width * page.height * 4);
  for (let i = 0; i < page.pixels.length; i++) {
    const v = page.pixels[i]!;
    rgba[i * 4] = v;
    rgba[i * 4 + 1] = v;
    rgba[i * 4 + 2] = v;
    rgba[i * 4 + 3] = 255;
  }
  return rgba;
}
