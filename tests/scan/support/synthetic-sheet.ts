import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PDFDocument, rgb } from 'pdf-lib';
import { itemKey, qrText, type KeyFile, type LayoutBubble, type LayoutFile, type LayoutPage } from '../../../src/lib/exam/run-files.ts';

const MM = 72 / 25.4;

/**
 * A minimal answer sheet drawn from a layout, independent of the exam command's sheet design:
 * it pins the scanner to the layout.json contract alone. 20 questions: 1–10 single, 11–15 multiple,
 * 16–20 true/false; a 6-digit 工号 grid and an absent box.
 */
export function syntheticLayout(runId: string, variants: string[] = ['A']): { layout: LayoutFile; key: KeyFile } {
  const pages: LayoutPage[] = variants.map((variant) => {
    const bubbles: LayoutBubble[] = [];
    for (let position = 0; position < 6; position++) {
      for (let digit = 0; digit < 10; digit++) bubbles.push({ kind: 'digit', position, digit, x: 30 + position * 7, y: 50 + digit * 6.5, r: 2.2 });
    }
    bubbles.push({ kind: 'absent', x: 100, y: 50, r: 2.2 });
    for (let n = 1; n <= 20; n++) {
      const options = n <= 15 ? ['A', 'B', 'C', 'D'] : ['√', '×'];
      const column = (n - 1) % 2;
      const row = Math.floor((n - 1) / 2);
      options.forEach((option, i) => bubbles.push({ kind: 'option', item: itemKey(n), option, x: 35 + column * 85 + i * 10, y: 130 + row * 14, r: 2.2 }));
    }
    return {
      qr: qrText({ runId, variant, page: 1, pageCount: 1 }),
      variant,
      page: 1,
      pageCount: 1,
      size: { width: 210, height: 297 },
      fiducials: [
        { x: 12, y: 12, size: 6 },
        { x: 198, y: 12, size: 6 },
        { x: 198, y: 285, size: 6 },
        { x: 12, y: 285, size: 6 },
      ],
      qrBox: { x: 160, y: 25, size: 24 },
      bubbles,
      scoreBoxes: [],
      nameBox: { x: 120, y: 60, width: 60, height: 14 },
    };
  });
  const key: KeyFile = {
    trainbook: 1,
    runId,
    title: 'synthetic',
    bank: { title: 't', version: '1.0.0' },
    seed: '1',
    multipleScoring: 'all-or-nothing',
    totalPoints: 20,
    passMark: 12,
    variants: variants.map((label) => ({
      label,
      sections: [],
      items: Array.from({ length: 20 }, (_, i) => ({
        key: itemKey(i + 1),
        number: i + 1,
        ref: `q${i + 1}@1`,
        type: (i < 10 ? 'single' : i < 15 ? 'multiple' : 'truefalse') as 'single' | 'multiple' | 'truefalse',
        points: 1,
        answer: 'A',
      })),
    })),
  };
  return { layout: { trainbook: 1, runId, pages }, key };
}

/** Draws the layout's pages into a PDF: fiducials, QR code, ringed bubbles with their labels. */
export async function drawLayout(layout: LayoutFile): Promise<Uint8Array> {
  const { prepareZXingModule, writeBarcode } = await import('zxing-wasm/full');
  const wasm = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/full/zxing_full.wasm'));
  await prepareZXingModule({ overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) }, fireImmediately: true });
  const doc = await PDFDocument.create();
  const font = await doc.embedFont('Helvetica');
  for (const page of layout.pages) {
    const p = doc.addPage([page.size.width * MM, page.size.height * MM]);
    const y = (mm: number) => (page.size.height - mm) * MM;
    for (const f of page.fiducials) p.drawRectangle({ x: (f.x - f.size / 2) * MM, y: y(f.y + f.size / 2), width: f.size * MM, height: f.size * MM, color: rgb(0, 0, 0) });
    const qr = await writeBarcode(page.qr, { format: 'QRCode', scale: 8, addQuietZones: false } as never);
    const png = await doc.embedPng(new Uint8Array(await (qr.image as Blob).arrayBuffer()));
    p.drawImage(png, { x: page.qrBox.x * MM, y: y(page.qrBox.y + page.qrBox.size), width: page.qrBox.size * MM, height: page.qrBox.size * MM });
    for (const b of page.bubbles) {
      p.drawCircle({ x: b.x * MM, y: y(b.y), size: b.r * MM, borderColor: rgb(0.35, 0.35, 0.35), borderWidth: 0.6 });
      const label = b.kind === 'option' ? (b.option === '√' ? 'T' : b.option === '×' ? 'F' : b.option) : b.kind === 'digit' ? String(b.digit) : '';
      if (label) p.drawText(label, { x: b.x * MM - 2.2, y: y(b.y) - 2.4, size: 7, font, color: rgb(0.55, 0.55, 0.55) });
    }
    if (page.nameBox) p.drawRectangle({ x: page.nameBox.x * MM, y: y(page.nameBox.y + page.nameBox.height), width: page.nameBox.width * MM, height: page.nameBox.height * MM, borderColor: rgb(0, 0, 0), borderWidth: 0.5 });
  }
  return doc.save();
}

/** Renders a PDF's pages with poppler, as a printer-and-scanner would see them at `dpi`. */
export function renderPages(pdfFile: string, outPrefix: string, dpi: number): void {
  execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', pdfFile, outPrefix]);
}
