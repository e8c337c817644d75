import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Distortion } from '../../tests/scan/support/fill-and-distort.ts';
import { ACCEPTED } from '../../tests/scan/support/fill-and-distort.ts';
import { renderSheets, seeded, simulateMarks, writeStack, type SimulatedSheet } from '../../tests/scan/support/scan-set.ts';
import { drawLayout, syntheticLayout } from '../../tests/scan/support/synthetic-sheet.ts';
import { scanRun } from '../../src/lib/scan/index.ts';

export interface ScanBenchRow {
  label: string;
  pages: number;
  bubbles: number;
  /** Bubbles decided differently from what their mark allows, and not flagged: must be 0. */
  silentErrors: number;
  /** Bubbles decided wrongly but flagged for review. */
  flaggedErrors: number;
  accuracy: number;
  /** Share of sheets with at least one flag. */
  sheetsNeedingReview: number;
  pagesPerSecond: number;
}

/** Candidates who fill bubbles as told (pen or pencil): what the scanner itself flags shows here. */
const CAREFUL = 0;

const KINDS: { label: string; dpi: number; awkward: number; distort: (random: () => number) => Partial<Distortion> }[] = [
  { label: '150 dpi, mild', dpi: 150, awkward: CAREFUL, distort: (r) => ({ angle: (r() - 0.5) * 2, noise: 5, quality: 75 }) },
  { label: '200 dpi, mild', dpi: 200, awkward: CAREFUL, distort: (r) => ({ angle: (r() - 0.5) * 2, noise: 5, quality: 80 }) },
  { label: '300 dpi, mild', dpi: 300, awkward: CAREFUL, distort: (r) => ({ angle: (r() - 0.5) * 2, noise: 5, quality: 80 }) },
  {
    label: '200 dpi, hard (±4°, 95–100 %, shift, blur, noise, JPEG 50, 1 in 8 upside down)',
    dpi: 200,
    awkward: CAREFUL,
    distort: (r) => ({ angle: (r() - 0.5) * 8, scale: 0.95 + r() * 0.05, dx: (r() - 0.5) * 6, dy: (r() - 0.5) * 6, blur: r() * 1.2, noise: 14, quality: 50, upsideDown: r() < 0.125 }),
  },
  { label: '200 dpi, mild, 2 % awkward marks', dpi: 200, awkward: 0.02, distort: (r) => ({ angle: (r() - 0.5) * 2, noise: 5, quality: 80 }) },
  { label: '200 dpi, mild, 15 % awkward marks', dpi: 200, awkward: 0.15, distort: (r) => ({ angle: (r() - 0.5) * 2, noise: 5, quality: 80 }) },
];

/**
 * Simulated scanner stacks of `sheetsPerKind` sheets per resolution and distortion: candidates'
 * marks (pen and pencil fills, then 2 % and 15 % awkward ones — half fills, crosses, erasures), then
 * the scanner's own distortions; every bubble's decision is judged against the mark that made it.
 */
export async function benchScanning(work: string, sheetsPerKind = 30): Promise<ScanBenchRow[]> {
  await mkdir(work, { recursive: true });
  const { layout, key } = syntheticLayout('bench-run', ['A', 'B']);
  const sheetPdf = path.join(work, 'sheet.pdf');
  await writeFile(sheetPdf, await drawLayout(layout));
  const rendered = renderSheets(sheetPdf, path.join(work, 'rendered'), layout);
  const rows: ScanBenchRow[] = [];
  for (const [k, kind] of KINDS.entries()) {
    const random = seeded(1000 + k);
    const sheets: SimulatedSheet[] = Array.from({ length: sheetsPerKind }, (_, i) => {
      const page = layout.pages[i % layout.pages.length]!;
      const candidate = String(300000 + k * 1000 + i);
      const distortion: Distortion = { angle: 0, scale: 1, dx: 0, dy: 0, blur: 0, noise: 5, quality: 80, dpi: kind.dpi, seed: 1 + i, ...kind.distort(random) };
      return { page, candidate, marks: simulateMarks(page, candidate, random, kind.awkward), distortion };
    });
    const stack = await writeStack(sheets, rendered, path.join(work, `stack-${k}.pdf`));
    const started = performance.now();
    const result = await scanRun({ layout, key, files: [stack] });
    const seconds = (performance.now() - started) / 1000;
    let bubbles = 0;
    let silentErrors = 0;
    let flaggedErrors = 0;
    for (const [index, sheet] of sheets.entries()) {
      const page = result.pages.find((p) => p.source.page === index + 1);
      if (page?.status !== 'read') {
        // An unread page is reported, so nothing on it is read silently; count its bubbles as flagged.
        flaggedErrors += sheet.page.bubbles.length;
        bubbles += sheet.page.bubbles.length;
        continue;
      }
      const scanned = result.sheets.find((s) => s.pages.includes(page));
      const flaggedItems = new Set(scanned?.readings.filter((r) => r.flag).map((r) => r.item));
      for (const decided of page.bubbles) {
        bubbles++;
        const mark = sheet.marks.find((m) => m.bubble.x === decided.bubble.x && m.bubble.y === decided.bubble.y);
        if ((mark ? ACCEPTED[mark.style] : ['empty']).includes(decided.decision)) continue;
        const flagged = decided.decision === 'ambiguous' || (decided.bubble.kind === 'option' && flaggedItems.has(decided.bubble.item));
        if (flagged) flaggedErrors++;
        else silentErrors++;
      }
    }
    rows.push({
      label: kind.label,
      pages: sheets.length,
      bubbles,
      silentErrors,
      flaggedErrors,
      accuracy: (bubbles - silentErrors - flaggedErrors) / bubbles,
      sheetsNeedingReview: result.sheets.filter((s) => s.readings.some((r) => r.flag)).length / sheets.length,
      pagesPerSecond: sheets.length / seconds,
    });
  }
  return rows;
}

/** Prints the rows as a table. */
export function formatScanBench(rows: readonly ScanBenchRow[]): string {
  const lines = ['| scans | pages | bubbles | accuracy | silent errors | flagged errors | sheets to review | pages/s |', '| --- | --- | --- | --- | --- | --- | --- | --- |'];
  for (const r of rows) {
    lines.push(`| ${r.label} | ${r.pages} | ${r.bubbles} | ${(r.accuracy * 100).toFixed(3)} % | ${r.silentErrors} | ${r.flaggedErrors} | ${(r.sheetsNeedingReview * 100).toFixed(1)} % | ${r.pagesPerSecond.toFixed(1)} |`);
  }
  return lines.join('\n');
}

if (import.meta.main) {
  const rows = await benchScanning(path.resolve('.trainbook/bench/scan'), Number(process.argv[2] ?? 30));
  console.log(formatScanBench(rows));
}
