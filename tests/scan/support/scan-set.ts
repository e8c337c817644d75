import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LayoutBubble, LayoutFile, LayoutPage } from '../../../src/lib/exam/run-files.ts';
import { marksSvg, scanLike, scannerPdf, type Distortion, type Mark, type MarkStyle } from './fill-and-distort.ts';
import { renderPages } from './synthetic-sheet.ts';

/** What a simulated candidate did on one sheet: the truth a scan is judged against. */
export interface SimulatedSheet {
  page: LayoutPage;
  candidate: string;
  marks: Mark[];
  distortion: Distortion;
}

/** A small seeded generator, so every simulated stack is the same on every machine. */
export function seeded(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

/**
 * Simulates candidates answering: a 工号 filled in pen, then per question mostly one clean mark,
 * sometimes two (multiple choice), and the awkward marks the scanner must handle (pencil, half
 * fills, crosses, erasures) at the given rate.
 */
export function simulateMarks(page: LayoutPage, candidate: string, random: () => number, awkwardRate = 0.15): Mark[] {
  const marks: Mark[] = [];
  const digits = page.bubbles.filter((b): b is Extract<LayoutBubble, { kind: 'digit' }> => b.kind === 'digit');
  [...candidate].forEach((d, position) => {
    const bubble = digits.find((b) => b.position === position && b.digit === Number(d));
    if (bubble) marks.push({ bubble, style: 'pen' });
  });
  const items = new Map<string, LayoutBubble[]>();
  for (const b of page.bubbles) if (b.kind === 'option') (items.get(b.item) ?? items.set(b.item, []).get(b.item)!).push(b);
  const awkward: MarkStyle[] = ['pencil', 'half', 'cross', 'erased'];
  for (const options of items.values()) {
    if (random() < 0.05) continue; // skipped question
    const chosen = options[Math.floor(random() * options.length)]!;
    const style: MarkStyle = random() < awkwardRate ? awkward[Math.floor(random() * awkward.length)]! : random() < 0.5 ? 'pen' : 'pencil';
    marks.push({ bubble: chosen, style });
    if (style === 'erased') {
      const other = options.find((o) => o !== chosen)!;
      marks.push({ bubble: other, style: 'pen' });
    }
  }
  return marks;
}

/**
 * Renders a sheet PDF once at 300 dpi (as printed) and returns its pages by QR text; `pages` are the
 * layout pages the PDF holds, in its order (all of them by default).
 */
export function renderSheets(sheetPdf: string, workDir: string, layout: LayoutFile, pages = layout.pages): Map<string, Buffer> {
  mkdirSync(workDir, { recursive: true });
  renderPages(sheetPdf, path.join(workDir, 'page'), 300);
  const images = new Map<string, Buffer>();
  const digits = String(pages.length).length;
  pages.forEach((page, i) => {
    const candidates = [`page-${String(i + 1).padStart(digits, '0')}.png`, `page-${i + 1}.png`, `page-${String(i + 1).padStart(2, '0')}.png`, `page-${String(i + 1).padStart(3, '0')}.png`];
    const name = candidates.find((n) => {
      try {
        readFileSync(path.join(workDir, n));
        return true;
      } catch {
        return false;
      }
    });
    if (!name) throw new Error(`pdftoppm wrote no image for page ${i + 1}`);
    images.set(page.qr, readFileSync(path.join(workDir, name)));
  });
  return images;
}

/** Writes the simulated stack as one scanner PDF and returns its path. */
export async function writeStack(sheets: readonly SimulatedSheet[], rendered: Map<string, Buffer>, file: string, extra: Buffer[] = []): Promise<string> {
  const jpegs: Buffer[] = [];
  for (const sheet of sheets) {
    const png = rendered.get(sheet.page.qr)!;
    const { width, height } = { width: Math.round((sheet.page.size.width * 300) / 25.4), height: Math.round((sheet.page.size.height * 300) / 25.4) };
    jpegs.push(await scanLike(png, marksSvg(width, height, 300, sheet.marks), sheet.distortion));
  }
  writeFileSync(file, await scannerPdf([...jpegs, ...extra]));
  return file;
}
