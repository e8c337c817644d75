import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFString, type PDFContext, type PDFRef } from 'pdf-lib';
import { PAGE, pageOps, type DrawOp, type LaidOutDocument, type LaidOutPage } from './layout-types.ts';
import type { ExamImage } from './images.ts';
import { widthInFont, type PreparedFont } from './prepared-font.ts';

export interface RenderOptions {
  /** The run's subset font, prepared once (see `prepareFont`). */
  font: PreparedFont;
  /** Question images by bank path, for `image` ops. */
  images?: ReadonlyMap<string, ExamImage>;
  /** Document metadata; no dates, so the same input gives the same bytes. */
  subject: string;
  keywords: string[];
  /** Document language (BCP 47) for screen readers; default `zh-CN`. */
  language?: string;
}

/**
 * Compressed content streams by page: a collated file (`papers.pdf`) shows the very pages the
 * per-variant files show, so each is drawn and deflated once per run.
 */
const contentCache = new WeakMap<LaidOutPage, { font: PreparedFont; bytes: Uint8Array }>();

const FONT_KEY = PDFName.of('F0');

/**
 * Adds the font as a Type0/CIDFontType2 font with Identity-H encoding (CID = glyph id).
 * Done by hand rather than with pdf-lib's `embedFont`: the program is compressed once per run
 * instead of once per document, and text is encoded without fontkit's shaping, whose locale
 * guesses swapped digits for glyphs pdf-lib then lost.
 */
function embedPreparedFont(context: PDFContext, font: PreparedFont): PDFRef {
  const program = context.register(context.stream(font.program, { Filter: 'FlateDecode', Length1: font.programLength }));
  const toUnicode = context.register(context.stream(font.toUnicode, { Filter: 'FlateDecode' }));
  const descriptor = context.register(
    context.obj({
      Type: 'FontDescriptor',
      FontName: font.name,
      Flags: 4,
      FontBBox: font.bbox,
      ItalicAngle: 0,
      Ascent: font.ascent,
      Descent: font.descent,
      CapHeight: font.capHeight,
      StemV: 80,
      FontFile2: program,
    }),
  );
  const widths = [...new Map([...font.glyphs.values()].map((g) => [g.gid, g.width])).entries()].sort((a, b) => a[0] - b[0]);
  const cidFont = context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      BaseFont: font.name,
      CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
      FontDescriptor: descriptor,
      DW: 1000,
      W: widths.flatMap(([gid, width]) => [gid, [width]]),
      CIDToGIDMap: 'Identity',
    }),
  );
  return context.register(
    context.obj({ Type: 'Font', Subtype: 'Type0', BaseFont: font.name, Encoding: 'Identity-H', DescendantFonts: [cidFont], ToUnicode: toUnicode }),
  );
}

function encode(font: PreparedFont, text: string): string {
  let hex = '';
  for (const char of text) hex += (font.glyphs.get(char)?.gid ?? 0).toString(16).padStart(4, '0');
  return hex;
}

/** PDF numbers: at most two decimals, no trailing zeros. */
const n = (value: number) => String(Math.round(value * 100) / 100);

/** Bézier constant for drawing a circle with four curves. */
const KAPPA = 0.5522847498;

/**
 * Returns the content-stream operators for one drawing op. Written directly rather than
 * through pdf-lib's drawing API: an exam run draws tens of thousands of ops, and this is
 * several times faster while producing the same marks.
 */
function operatorsFor(op: DrawOp, font: PreparedFont, imageNames: ReadonlyMap<string, string>): string {
  const flip = (y: number) => PAGE.height - y;
  switch (op.type) {
    case 'text': {
      let x = op.x;
      if (op.align && op.align !== 'left' && op.width !== undefined) {
        const free = op.width - widthInFont(font, op.text, op.size);
        x += op.align === 'center' ? free / 2 : free;
      }
      // Bold is drawn by outlining the regular glyphs as well as filling them: one font, not two.
      const bold = op.weight === 'bold' ? `2 Tr ${n(op.size * 0.035)} w ` : '';
      return `q ${bold}BT 0 g /F0 ${n(op.size)} Tf ${n(x)} ${n(flip(op.y))} Td <${encode(font, op.text)}> Tj ET Q\n`;
    }
    case 'line':
      return `q ${n(op.width)} w 0 G ${op.dash ? '[2 2] 0 d ' : ''}${n(op.x1)} ${n(flip(op.y1))} m ${n(op.x2)} ${n(flip(op.y2))} l S Q\n`;
    case 'rect':
      return op.fill
        ? `0 g ${n(op.x)} ${n(flip(op.y + op.height))} ${n(op.width)} ${n(op.height)} re f\n`
        : `q ${n(op.lineWidth)} w 0 G ${n(op.x)} ${n(flip(op.y + op.height))} ${n(op.width)} ${n(op.height)} re S Q\n`;
    case 'image': {
      const name = imageNames.get(op.src);
      return name ? `q ${n(op.width)} 0 0 ${n(op.height)} ${n(op.x)} ${n(flip(op.y + op.height))} cm /${name} Do Q\n` : '';
    }
    case 'path': {
      if (op.points.length < 2) return '';
      const [first, ...rest] = op.points.map(([px, py]) => `${n(op.x + px)} ${n(flip(op.y + py))}`);
      const shape = `${first} m ${rest.map((point) => `${point} l `).join('')}${op.closed ? 'h ' : ''}`;
      const stroke = op.lineWidth ? `${n(op.lineWidth)} w 0 G ${op.dash ? '[3 2] 0 d ' : ''}` : '';
      const fill = op.fill !== undefined ? `${n(op.fill)} g ` : '';
      const paint = op.fill !== undefined ? (op.lineWidth ? 'B' : 'f') : 'S';
      return `q ${stroke}${fill}${shape}${paint} Q\n`;
    }
    case 'circle': {
      const { r } = op;
      const [cx, cy, k] = [op.x, flip(op.y), r * KAPPA];
      return (
        `q ${n(op.lineWidth)} w 0 G ${n(cx + r)} ${n(cy)} m ` +
        `${n(cx + r)} ${n(cy + k)} ${n(cx + k)} ${n(cy + r)} ${n(cx)} ${n(cy + r)} c ` +
        `${n(cx - k)} ${n(cy + r)} ${n(cx - r)} ${n(cy + k)} ${n(cx - r)} ${n(cy)} c ` +
        `${n(cx - r)} ${n(cy - k)} ${n(cx - k)} ${n(cy - r)} ${n(cx)} ${n(cy - r)} c ` +
        `${n(cx + k)} ${n(cy - r)} ${n(cx + r)} ${n(cy - k)} ${n(cx + r)} ${n(cy)} c S Q\n`
      );
    }
  }
}

/** Returns a page's compressed content stream, from the cache when the same page was drawn before with the same font. */
function contentBytes(page: LaidOutPage, font: PreparedFont, imageNames: ReadonlyMap<string, string>, hasImages: boolean): Uint8Array {
  const cached = contentCache.get(page);
  // Image names are numbered per document, so pages of documents with images are drawn afresh.
  if (cached && cached.font === font && !hasImages) return cached.bytes;
  const bytes = new Uint8Array(deflateSync(page.ops.map((op) => operatorsFor(op, font, imageNames)).join('')));
  if (!hasImages) contentCache.set(page, { font, bytes });
  return bytes;
}

/**
 * Returns the PDF bytes of a laid-out document. With `prepared-font.ts`, the only code that
 * knows about PDF. Byte-identical for identical input: no dates, fixed names.
 */
export async function renderPdf(document: LaidOutDocument, options: RenderOptions): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.setTitle(document.title, { showInWindowTitleBar: true });
  pdf.setSubject(options.subject);
  pdf.setKeywords(options.keywords);
  pdf.setProducer('trainbook (pdf-lib)');
  pdf.setCreator('trainbook');
  pdf.setLanguage(options.language ?? 'zh-CN');
  const fontRef = embedPreparedFont(pdf.context, options.font);
  // Each image is embedded once per document, however many pages show it.
  const imageRefs = new Map<string, { name: string; ref: PDFRef }>();
  for (const op of document.pages.flatMap(pageOps)) {
    if (op.type !== 'image') continue;
    const image = options.images?.get(op.src);
    if (!image || imageRefs.has(op.src)) continue;
    const embedded = image.format === 'png' ? await pdf.embedPng(image.bytes) : await pdf.embedJpg(image.bytes);
    imageRefs.set(op.src, { name: `Im${imageRefs.size}`, ref: embedded.ref });
  }
  const imageNames = new Map([...imageRefs].map(([src, { name }]) => [src, name]));
  for (const laidOut of document.pages) {
    const page = pdf.addPage([PAGE.width, PAGE.height]);
    page.node.setFontDictionary(FONT_KEY, fontRef);
    for (const op of pageOps(laidOut)) if (op.type === 'image' && imageRefs.has(op.src)) page.node.setXObject(PDFName.of(imageRefs.get(op.src)!.name), imageRefs.get(op.src)!.ref);
    const layers = laidOut.underlay ? [laidOut.underlay, laidOut] : [laidOut];
    const streams = layers.map((layer) => pdf.context.register(pdf.context.stream(contentBytes(layer, options.font, imageNames, imageRefs.size > 0), { Filter: 'FlateDecode' })));
    page.node.set(PDFName.of('Contents'), streams.length === 1 ? streams[0]! : pdf.context.obj(streams));
  }
  // Object streams (PDF 1.5) compress the dictionaries too: about 10 KB less per paper.
  return pdf.save({ useObjectStreams: true });
}
