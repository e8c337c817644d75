import type { LayoutBubble } from '../../../src/lib/exam/run-files.ts';

/** How a candidate marked a bubble, and what the scanner must make of it. */
export type MarkStyle = 'pen' | 'pencil' | 'half' | 'cross' | 'erased';

/** The decisions a style may get: a real mark is read or flagged, never read as empty. */
export const ACCEPTED: Record<MarkStyle, readonly string[]> = {
  pen: ['filled'],
  pencil: ['filled'],
  half: ['filled', 'ambiguous'],
  cross: ['ambiguous'],
  erased: ['empty', 'ambiguous'],
};

export interface Mark {
  bubble: LayoutBubble;
  style: MarkStyle;
}

/** SVG for the marks on a page rendered at `dpi`, in the page's pixel grid. */
export function marksSvg(width: number, height: number, dpi: number, marks: readonly Mark[]): Buffer {
  const px = (mm: number) => (mm * dpi) / 25.4;
  const shapes = marks.map(({ bubble: b, style }) => {
    const x = px(b.x);
    const y = px(b.y);
    const r = px(b.r);
    switch (style) {
      case 'pen':
        return `<circle cx="${x}" cy="${y}" r="${r * 0.95}" fill="#151515"/>`;
      case 'pencil':
        return `<circle cx="${x}" cy="${y}" r="${r * 0.9}" fill="#808080"/>`;
      case 'half':
        return `<path d="M ${x - r * 0.9} ${y} A ${r * 0.9} ${r * 0.9} 0 0 1 ${x + r * 0.9} ${y} Z" fill="#151515" transform="rotate(200 ${x} ${y})"/><circle cx="${x}" cy="${y}" r="${r * 0.5}" fill="#151515"/>`;
      case 'cross': {
        const d = r * 0.8;
        const w = px(0.45);
        return `<path d="M ${x - d} ${y - d} L ${x + d} ${y + d} M ${x + d} ${y - d} L ${x - d} ${y + d}" stroke="#151515" stroke-width="${w}"/>`;
      }
      case 'erased':
        // Graphite left behind by an eraser: a faint grey over the bubble; the printed letter stays.
        return `<circle cx="${x}" cy="${y}" r="${r * 0.85}" fill="#000000" fill-opacity="0.1"/>`;
    }
  });
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${shapes.join('')}</svg>`);
}

export interface Distortion {
  angle: number;
  scale: number;
  dx: number;
  dy: number;
  blur: number;
  noise: number;
  quality: number;
  /** Output resolution; the page is rendered at 300 dpi and resampled. */
  dpi: number;
  upsideDown?: boolean;
  seed: number;
}

/**
 * Makes a scanner's JPEG of a filled sheet: marks drawn on the rendered page, then rotated, scaled,
 * shifted, blurred, noised, resampled to the scan resolution and JPEG-compressed.
 */
export async function scanLike(renderedPng: Buffer, marks: Buffer, d: Distortion): Promise<Buffer> {
  const { default: sharp } = await import('sharp');
  const marked = await sharp(renderedPng).composite([{ input: marks }]).greyscale().png().toBuffer();
  const meta = await sharp(marked).metadata();
  const factor = (d.dpi / 300) * d.scale;
  const width = Math.round(meta.width! * (d.dpi / 300));
  const height = Math.round(meta.height! * (d.dpi / 300));
  let image = sharp(marked).resize({ width: Math.round(meta.width! * factor) }).rotate(d.angle + (d.upsideDown ? 180 : 0), { background: '#ffffff' });
  if (d.blur >= 0.3) image = image.blur(d.blur);
  const raw = await image.greyscale().raw().toBuffer({ resolveWithObject: true });
  // Place on a page-sized white canvas, shifted; then add seeded noise.
  const canvas = Buffer.alloc(width * height, 250);
  const ox = Math.round((width - raw.info.width) / 2 + d.dx * (d.dpi / 25.4));
  const oy = Math.round((height - raw.info.height) / 2 + d.dy * (d.dpi / 25.4));
  let state = d.seed >>> 0 || 1;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sx = x - ox;
      const sy = y - oy;
      const inside = sx >= 0 && sy >= 0 && sx < raw.info.width && sy < raw.info.height;
      const value = inside ? raw.data[(sy * raw.info.width + sx) * raw.info.channels]! : 250;
      canvas[y * width + x] = Math.max(0, Math.min(255, Math.round(value * 0.98 + (random() - 0.5) * 2 * d.noise)));
    }
  }
  return sharp(canvas, { raw: { width, height, channels: 1 } }).jpeg({ quality: d.quality }).toBuffer();
}

/** Puts JPEG pages into one PDF the way a multifunction printer's "scan to PDF" does. */
export async function scannerPdf(jpegs: readonly Buffer[]): Promise<Uint8Array> {
  const { PDFDocument } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  for (const jpeg of jpegs) {
    const image = await doc.embedJpg(jpeg);
    const page = doc.addPage([595.28, 841.89]);
    page.drawImage(image, { x: 0, y: 0, width: 595.28, height: 841.89 });
  }
  return doc.save();
}
