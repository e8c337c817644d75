import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KeyFile, LayoutFile, LayoutPage } from '../../src/lib/exam/run-files.ts';
import { runScript } from '../support/run-script.ts';
import type { Mark } from './support/fill-and-distort.ts';
import { renderSheets, writeStack, type SimulatedSheet } from './support/scan-set.ts';

// The whole chain on real sheets: `npm run exam` with a roster prints them, a simulated scanner
// scans them filled in, and `npm run mark -- --scans` reads and marks them.
const out = mkdtempSync(path.join(tmpdir(), 'trainbook-mark-scans-'));
const roster = path.join(import.meta.dirname, '..', 'exam', 'fixtures', 'roster.csv');
let run: string;
let layout: LayoutFile;
let key: KeyFile;

/** The personalised sheet pages, in roster order as sheets.pdf holds them. */
const personal = () => layout.pages.filter((p) => p.candidate !== undefined);

/** Pen marks answering every objective item of the page: the key's answer, or always `A`/√ when `right` is false. */
function answerPage(page: LayoutPage, right: boolean): Mark[] {
  const items = key.variants.find((v) => v.label === page.variant)!.items;
  const marks: Mark[] = [];
  for (const bubble of page.bubbles) {
    if (bubble.kind !== 'option') continue;
    const item = items.find((i) => i.key === bubble.item)!;
    const chosen = right ? (item.type === 'truefalse' ? item.answer : item.answer!.split('')) : item.type === 'truefalse' ? 'true' : ['A'];
    if (item.type === 'truefalse' ? bubble.option === chosen : chosen!.includes(bubble.option)) marks.push({ bubble, style: 'pen' });
  }
  return marks;
}

beforeAll(async () => {
  const printed = await runScript('exam', ['communication-quiz', '--seed', '11', '--roster', roster, '--out', out]);
  expect(printed.code, printed.stderr).toBe(0);
  run = path.join(out, 'communication-quiz-bank-1.0.0-seed-11');
  layout = JSON.parse(readFileSync(path.join(run, 'layout.json'), 'utf8'));
  key = JSON.parse(readFileSync(path.join(run, 'key.json'), 'utf8'));
}, 600_000);

describe('mark --scans on sheets printed by exam', () => {
  it('reads every candidate from the QR code and marks objective answers exactly', async () => {
    const rendered = renderSheets(path.join(run, 'sheets.pdf'), path.join(out, 'rendered'), layout, personal());
    const candidates = [...new Set(personal().map((p) => p.candidate))];
    expect(candidates.length).toBeGreaterThanOrEqual(3);
    // The first candidate answers everything right, the others always A (or √); one sheet upside down.
    const sheets: SimulatedSheet[] = personal().map((page, i) => ({
      page,
      candidate: page.candidate!,
      marks: answerPage(page, page.candidate === candidates[0]),
      distortion: { angle: i % 2 ? 1.5 : -2, scale: 0.98, dx: 1, dy: -1, blur: 0.4, noise: 6, quality: 75, dpi: 200, seed: i + 1, upsideDown: i === 1 },
    }));
    await writeStack(sheets.reverse(), rendered, path.join(out, 'stack.pdf'));
    const scanned = await runScript('mark', [run, '--scans', path.join(out, 'stack.pdf')]);
    expect(scanned.code, scanned.stdout + scanned.stderr).toBe(0);
    // The paper has written answers: reading stops for the markers' points, which are typed in next.
    expect(scanned.stdout).toContain('type the points awarded into');
    const responses = path.join(run, 'scan', 'responses.csv');
    const written = key.variants[0]!.items.filter((i) => i.type === 'fill' || i.type === 'short').map((i) => i.key);
    const lines = readFileSync(responses, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/).map((line) => line.split(','));
    const columns = written.map((k) => lines[0]!.indexOf(k));
    for (const row of lines.slice(1)) for (const c of columns) row[c] = '0';
    writeFileSync(responses, `\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}\r\n`);
    const marked = await runScript('mark', [run, '--responses', responses]);
    expect(marked.code, marked.stdout + marked.stderr).toBe(0);
    const results = readFileSync(path.join(run, 'results', 'results.csv'), 'utf8').replace(/^\uFEFF/, '');
    const [header, ...rows] = results.trim().split(/\r?\n/).map((line) => line.split(','));
    const total = header!.indexOf('总分');
    const objective = (label: string) => key.variants.find((v) => v.label === label)!.items.filter((i) => i.answer !== undefined);
    const first = layout.pages.find((p) => p.candidate === candidates[0])!;
    const best = rows.find((r) => r[0] === candidates[0])!;
    expect(Number(best[total])).toBe(objective(first.variant).reduce((sum, i) => sum + i.points, 0));
    for (const row of rows.filter((r) => r[0] !== candidates[0])) {
      const variant = layout.pages.find((p) => p.candidate === row[0])!.variant;
      const expected = objective(variant).filter((i) => i.answer === (i.type === 'truefalse' ? 'true' : 'A')).reduce((sum, i) => sum + i.points, 0);
      expect(Number(row[total]), `candidate ${row[0]}`).toBe(expected);
    }
  });

  it('stops before marking when a single-choice question has two marks, naming the page and question', async () => {
    const rendered = renderSheets(path.join(run, 'sheets.pdf'), path.join(out, 'rendered-2'), layout, personal());
    const page = personal()[0]!;
    const single = key.variants.find((v) => v.label === page.variant)!.items.find((i) => i.type === 'single')!;
    const double = page.bubbles.filter((b) => b.kind === 'option' && b.item === single.key).slice(0, 2).map((bubble) => ({ bubble, style: 'pen' as const }));
    const sheet: SimulatedSheet = { page, candidate: page.candidate!, marks: double, distortion: { angle: 0, scale: 1, dx: 0, dy: 0, blur: 0, noise: 4, quality: 80, dpi: 200, seed: 9 } };
    await writeStack([sheet], rendered, path.join(out, 'double.pdf'));
    const marked = await runScript('mark', [run, '--scans', path.join(out, 'double.pdf')]);
    expect(marked.code).toBe(1);
    expect(marked.stderr).toContain(`double.pdf page 1  warning  ${page.candidate}: two or more marks`);
    expect(marked.stderr).toContain(`single-answer question ${single.key}`);
    expect(marked.stderr).toContain('not marked');
  });
});
