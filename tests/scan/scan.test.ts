import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KeyFile, LayoutFile } from '../../src/lib/exam/run-files.ts';
import { responsesTable, scanRun, type ScanResult } from '../../src/lib/scan/index.ts';
import { ACCEPTED, type Distortion } from './support/fill-and-distort.ts';
import { renderSheets, seeded, simulateMarks, writeStack, type SimulatedSheet } from './support/scan-set.ts';
import { drawLayout, syntheticLayout } from './support/synthetic-sheet.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'trainbook-scan-'));
let layout: LayoutFile;
let key: KeyFile;
let sheets: SimulatedSheet[];
let result: ScanResult;
let otherRunPage: Buffer;

const base: Distortion = { angle: 0, scale: 1, dx: 0, dy: 0, blur: 0, noise: 4, quality: 85, dpi: 200, seed: 1 };

beforeAll(async () => {
  ({ layout, key } = syntheticLayout('test-run', ['A', 'B']));
  writeFileSync(path.join(dir, 'sheet.pdf'), await drawLayout(layout));
  const rendered = renderSheets(path.join(dir, 'sheet.pdf'), path.join(dir, 'rendered'), layout);
  const random = seeded(7);
  const distortions: Distortion[] = [
    base,
    { ...base, angle: 4, scale: 0.97, dx: 3, dy: 2, seed: 2 },
    { ...base, angle: -4, scale: 0.95, dx: -3, dy: 4, blur: 1, noise: 12, quality: 50, dpi: 150, seed: 3 },
    { ...base, angle: 1.5, dpi: 300, noise: 8, quality: 70, seed: 4 },
    { ...base, angle: -2, scale: 1.02, upsideDown: true, seed: 5 },
    { ...base, angle: 0.5, blur: 0.6, dpi: 150, quality: 60, seed: 6 },
  ];
  sheets = distortions.map((distortion, i) => {
    const page = layout.pages[i % 2]!;
    const candidate = String(100201 + i);
    return { page, candidate, marks: simulateMarks(page, candidate, random, 0.3), distortion };
  });
  // A page of another run and a blank page are mixed into the stack, as they are in real life.
  const other = syntheticLayout('another-run');
  writeFileSync(path.join(dir, 'other.pdf'), await drawLayout(other.layout));
  const otherRendered = renderSheets(path.join(dir, 'other.pdf'), path.join(dir, 'other'), other.layout);
  const { scanLike } = await import('./support/fill-and-distort.ts');
  const { default: sharp } = await import('sharp');
  otherRunPage = await scanLike([...otherRendered.values()][0]!, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="2480" height="3508"/>'), base);
  const blank = await sharp({ create: { width: 1654, height: 2339, channels: 3, background: { r: 248, g: 248, b: 248 } } }).greyscale().jpeg().toBuffer();
  const stack = await writeStack(sheets, rendered, path.join(dir, 'scans.pdf'), [otherRunPage, blank]);
  result = await scanRun({ layout, key, files: [stack] });
}, 180_000);

describe('scanning simulated sheets', () => {
  it('reads every sheet, whatever its rotation, scale, resolution and compression', () => {
    expect(result.sheets.map((s) => s.candidateId).sort()).toEqual(sheets.map((s) => s.candidate).sort());
    const upsideDown = result.pages.find((p) => p.status === 'read' && p.rotated);
    expect(upsideDown?.source.page).toBe(5);
  });

  it('decides every bubble as its mark deserves: never a mark read as empty, never a blank read as a mark', () => {
    const wrong: string[] = [];
    for (const [index, sheet] of sheets.entries()) {
      const page = result.pages.find((p) => p.source.page === index + 1);
      if (page?.status !== 'read') throw new Error(`page ${index + 1} not read`);
      for (const decided of page.bubbles) {
        const mark = sheet.marks.find((m) => m.bubble === sheet.page.bubbles.find((b) => b.x === decided.bubble.x && b.y === decided.bubble.y));
        const accepted = mark ? ACCEPTED[mark.style] : ['empty'];
        if (!accepted.includes(decided.decision)) wrong.push(`page ${index + 1} ${JSON.stringify(decided.bubble)} ${mark?.style ?? 'blank'} → ${decided.decision} (${decided.relative}, ${decided.covered})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('writes answers that match what candidates marked, and flags the rest', () => {
    const table = responsesTable(result, key);
    for (const sheet of sheets) {
      const row = table.rows.find((r) => r[0] === sheet.candidate)!;
      expect(row[3]).toBe(sheet.page.variant);
      for (const item of key.variants[0]!.items) {
        const cell = row[table.header.indexOf(item.key)]!;
        const marks = sheet.marks.filter((m) => m.bubble.kind === 'option' && m.bubble.item === item.key);
        const certain = marks.filter((m) => m.style === 'pen' || m.style === 'pencil').map((m) => (m.bubble.kind === 'option' ? m.bubble.option : ''));
        const unsure = marks.some((m) => m.style === 'cross' || m.style === 'half' || m.style === 'erased');
        if (cell.startsWith('?')) {
          expect(unsure || certain.length > 1, `${sheet.candidate} ${item.key} flagged without cause`).toBe(true);
        } else if (!unsure) {
          expect(cell, `${sheet.candidate} question ${item.key}`).toBe(certain.sort().join(''));
        }
      }
    }
  });

  it('reports the page of another run and the blank page by file and page, and never marks them', () => {
    const kinds = result.issues.map((i) => `${i.kind} ${path.basename(i.source?.file ?? '')}#${i.source?.page}`);
    expect(kinds).toContain(`other-run scans.pdf#${sheets.length + 1}`);
    expect(kinds).toContain(`no-qr scans.pdf#${sheets.length + 2}`);
    expect(result.sheets).toHaveLength(sheets.length);
  });
});

describe('scanning problems in the stack', () => {
  it('reports a duplicated page and a candidate of the roster with no sheet', async () => {
    const stack = path.join(dir, 'scans.pdf');
    const twice = await scanRun({
      layout,
      key,
      files: [stack, stack],
      roster: [{ id: '999999', name: '缺考人', department: '客服一部', variant: 'A' }],
    });
    const kinds = twice.issues.map((i) => i.kind);
    expect(kinds.filter((k) => k === 'duplicate-page')).toHaveLength(sheets.length);
    expect(twice.issues.find((i) => i.kind === 'not-scanned')?.message).toContain('999999');
    expect(readFileSync(stack).length).toBeGreaterThan(0);
  });
});
