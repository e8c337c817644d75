import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadExamFont } from '../../scripts/exam-font.ts';
import { loadProjectConfig } from '../../scripts/project-config.ts';
import { formatDiagnostics } from '../../src/lib/diagnostics/index.ts';
import { assembleExam, assignVariants, examToKeyFile, itemKey, parseBlueprint, parseQrText, rosterFromTable, type Exam, type LayoutFile, type RunCandidate } from '../../src/lib/exam/index.ts';
import { generateExamFiles, type ExamFile, type FontSet } from '../../src/lib/exam-pdf/index.ts';
import { loadProject } from '../../src/lib/project/index.ts';
import { readSpreadsheet } from '../../src/lib/spreadsheet/index.ts';
import { ROOT } from '../support/paths.ts';
import { darkestNear, renderPdfPages, toRgba, type GreyPage } from '../support/render-pdf.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'trainbook-sheet-'));
const RUN_ID = 'new-hire-theory-bank-1.0.0-seed-sheet-test';
let fonts: FontSet;
let exam: Exam;
let candidates: RunCandidate[];
let files: ExamFile[];
let layout: LayoutFile;

const write = (name: string) => {
  const target = path.join(dir, name);
  writeFileSync(target, files.find((f) => f.name === name)!.bytes);
  return target;
};
const text = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1).map((p) => p.replace(/\s+/g, ''));

beforeAll(async () => {
  fonts = await loadExamFont();
  const { bank } = await loadProject(loadProjectConfig());
  const file = 'question-bank/blueprints/new-hire-theory.yaml';
  const { parsed } = parseBlueprint(readFileSync(path.join(ROOT, file), 'utf8'), file);
  const assembled = assembleExam(bank, parsed!, { seed: 'sheet-test', variants: 3 });
  expect(formatDiagnostics(assembled.diagnostics)).toBe('');
  exam = assembled.exam!;
  const roster = await readSpreadsheet(path.join(import.meta.dirname, 'fixtures', 'roster.csv'), 'roster.csv');
  candidates = assignVariants(rosterFromTable(roster.tables[0]!).candidates, exam.variants.map((v) => v.label));
  const generated = await generateExamFiles(exam, fonts, { runId: RUN_ID, candidates });
  expect(formatDiagnostics(generated.diagnostics)).toBe('');
  files = generated.files;
  layout = generated.layout!;
});

describe('answer sheets', () => {
  it('writes per-variant files and collated papers, keys and personalised sheets that qpdf accepts', () => {
    expect(files.map((f) => f.name).sort()).toEqual(['key-A.pdf', 'key-B.pdf', 'key-C.pdf', 'keys.pdf', 'paper-A.pdf', 'paper-B.pdf', 'paper-C.pdf', 'papers.pdf', 'sheet-A.pdf', 'sheet-B.pdf', 'sheet-C.pdf', 'sheets.pdf']);
    for (const file of files) expect(execFileSync('qpdf', ['--check', write(file.name)], { encoding: 'utf8' }), file.name).toContain('No syntax or stream encoding errors found');
    const pages = (name: string) => files.find((f) => f.name === name)!.document.pages.length;
    expect(pages('papers.pdf')).toBe(pages('paper-A.pdf') + pages('paper-B.pdf') + pages('paper-C.pdf'));
    expect(pages('sheets.pdf')).toBe(candidates.reduce((n, c) => n + pages(`sheet-${c.variant}.pdf`), 0));
  });

  it('assigns variants round-robin in roster order and keeps a 工号 as written', () => {
    expect(candidates.map((c) => [c.id, c.variant])).toEqual([['00012301', 'A'], ['00012302', 'B'], ['00012303', 'C'], ['0123', 'A']]);
  });

  it('prints each candidate’s name, 工号 and the run on every page of their sheet, in roster order', () => {
    const pages = text(write('sheets.pdf'));
    let page = 0;
    for (const candidate of candidates) {
      const count = files.find((f) => f.name === `sheet-${candidate.variant}.pdf`)!.document.pages.length;
      for (let i = 0; i < count; i++, page++) {
        expect(pages[page], `${candidate.id} page ${i + 1}`).toContain(`${candidate.name}`);
        expect(pages[page]).toContain(candidate.id);
        expect(pages[page]).toContain(RUN_ID);
        for (const label of ['姓名', '工号', '部门', '卷别', '考试日期']) expect(pages[page]).toContain(label);
      }
    }
    expect(page).toBe(pages.length);
  });

  it('has a score box for every fill, short and written case part, a 得分 | 评卷人 per section and the total on page 1', () => {
    const pages = layout.pages.filter((p) => p.variant === 'A' && !p.candidate);
    const boxes = pages.flatMap((p) => p.scoreBoxes);
    let number = 0;
    const expected: string[] = [];
    for (const section of exam.variants[0]!.sections) {
      for (const item of section.items) {
        number += 1;
        const { question } = item;
        if (question.type === 'fill' || question.type === 'short') expected.push(itemKey(number));
        if (question.type === 'case') question.parts.forEach((part, p) => (part.type === 'fill' || part.type === 'short') && expected.push(itemKey(number, p + 1)));
      }
    }
    expect(boxes.filter((b) => b.item !== 'section' && b.item !== 'total').map((b) => b.item)).toEqual(expected);
    expect(boxes.filter((b) => b.item === 'section')).toHaveLength(exam.variants[0]!.sections.length);
    expect(pages[0]!.scoreBoxes.filter((b) => b.item === 'total')).toHaveLength(1);
    const all = text(write('sheet-A.pdf')).join('');
    for (const label of ['总分', '评卷人', '复核人', '缺考']) expect(all).toContain(label);
  });

  it('describes every bubble of every objective item, a 工号 grid of 8 digits and one 缺考 bubble, all at least 3.5 mm and apart', { timeout: 120_000 }, () => {
    const problems: string[] = [];
    for (const page of layout.pages) {
      for (const bubble of page.bubbles) if (bubble.r * 2 < 3.5) problems.push(`${page.qr}: ${JSON.stringify(bubble)} is smaller than 3.5 mm`);
      for (let i = 0; i < page.bubbles.length; i++) {
        for (let j = i + 1; j < page.bubbles.length; j++) {
          const [a, b] = [page.bubbles[i]!, page.bubbles[j]!];
          // At least 1.5 mm of paper between two rings.
          if (Math.hypot(a.x - b.x, a.y - b.y) < a.r + b.r + 1.5) problems.push(`${page.qr}: bubbles ${i} and ${j} are too close`);
        }
      }
    }
    expect(problems).toEqual([]);
    const first = layout.pages.find((p) => p.variant === 'B' && p.page === 1 && !p.candidate)!;
    const digits = first.bubbles.filter((b) => b.kind === 'digit');
    expect(digits).toHaveLength(80);
    expect(new Set(digits.map((b) => (b.kind === 'digit' ? `${b.position}:${b.digit}` : ''))).size).toBe(80);
    expect(first.bubbles.filter((b) => b.kind === 'absent')).toHaveLength(1);
    const options = layout.pages.filter((p) => p.variant === 'B' && !p.candidate).flatMap((p) => p.bubbles.flatMap((b) => (b.kind === 'option' ? [`${b.item}${b.option}`] : [])));
    let number = 0;
    const expected: string[] = [];
    for (const section of exam.variants[1]!.sections) {
      for (const { question } of section.items) {
        number += 1;
        const bubbles = (body: typeof question | (typeof question & { type: 'case' })['parts'][number], key: string) => {
          if (body.type === 'truefalse') expected.push(`${key}true`, `${key}false`);
          if (body.type === 'single' || body.type === 'multiple') expected.push(...body.options.map((_, i) => `${key}${String.fromCharCode(65 + i)}`));
        };
        if (question.type === 'case') question.parts.forEach((part, p) => bubbles(part, itemKey(number, p + 1)));
        else bubbles(question, itemKey(number));
      }
    }
    expect(options).toEqual(expected);
  });

  it('draws every bubble, fiducial and QR code where layout.json says, and each page’s QR code decodes to its text', { timeout: 300_000 }, () => {
    const check = (name: string, pages: LayoutFile['pages']) => {
      const rendered: GreyPage[] = renderPdfPages(write(name), 120);
      expect(rendered).toHaveLength(pages.length);
      rendered.forEach((image, i) => {
        const page = pages[i]!;
        expect(image.width / image.dpmm).toBeCloseTo(page.size.width, 0);
        const misplaced: string[] = [];
        for (const bubble of page.bubbles) {
          // The ring: dark on it at four points; white a millimetre outside it.
          for (const [dx, dy] of [[1, 0], [-1, 0], [0, 1], [0, -1]] as const) {
            const on = darkestNear(image, bubble.x + dx * bubble.r, bubble.y + dy * bubble.r);
            const outside = darkestNear(image, bubble.x + dx * (bubble.r + 1), bubble.y + dy * (bubble.r + 1), 0);
            if (on >= 140 || outside <= 200) misplaced.push(`${name} p${page.page} ${JSON.stringify(bubble)}: ${on} on the ring, ${outside} outside`);
          }
        }
        expect(misplaced).toEqual([]);
        for (const fiducial of page.fiducials) expect(darkestNear(image, fiducial.x, fiducial.y, 2), `${name} fiducial`).toBeLessThan(40);
        const decoded = jsQR(toRgba(image), image.width, image.height);
        expect(decoded?.data, `${name} page ${i + 1}`).toBe(page.qr);
        // The decoder finds the code inside the box layout.json gives.
        const { topLeftCorner, bottomRightCorner } = decoded!.location;
        expect(topLeftCorner.x / image.dpmm).toBeGreaterThan(page.qrBox.x - 1);
        expect(bottomRightCorner.y / image.dpmm).toBeLessThan(page.qrBox.y + page.qrBox.size + 1);
      });
    };
    check('sheet-C.pdf', layout.pages.filter((p) => p.variant === 'C' && !p.candidate));
    check('sheets.pdf', layout.pages.filter((p) => p.candidate));
  });

  it('gives every printed page a unique QR text naming run, variant, page and candidate', () => {
    const texts = layout.pages.map((p) => p.qr);
    expect(new Set(texts).size).toBe(texts.length);
    for (const page of layout.pages) {
      expect(parseQrText(page.qr)).toEqual({ runId: RUN_ID, variant: page.variant, page: page.page, pageCount: page.pageCount, ...(page.candidate ? { candidate: page.candidate } : {}) });
    }
    expect(layout.pages.filter((p) => p.candidate === '0123').map((p) => p.variant)).toEqual(Array(layout.pages.filter((p) => p.candidate === '0123').length).fill('A'));
  });

  it('writes key.json whose every objective answer is a bubble of that item on the variant’s sheet', () => {
    const key = examToKeyFile(exam, { runId: RUN_ID, multipleScoring: exam.multipleScoring });
    expect(key).toMatchObject({ trainbook: 1, runId: RUN_ID, totalPoints: 100, passMark: 60, multipleScoring: 'all-or-nothing' });
    for (const variant of key.variants) {
      const bubbles = new Set(layout.pages.filter((p) => p.variant === variant.label && !p.candidate).flatMap((p) => p.bubbles.flatMap((b) => (b.kind === 'option' ? [`${b.item}:${b.option}`] : []))));
      const objective = variant.items.filter((item) => item.answer !== undefined);
      expect(objective.length).toBeGreaterThan(30);
      for (const item of objective) {
        const options = item.type === 'truefalse' ? [item.answer!] : [...item.answer!];
        for (const option of options) expect(bubbles.has(`${item.key}:${option}`), `${variant.label} ${item.key} ${option}`).toBe(true);
      }
      expect(variant.sections.flatMap((s) => s.items)).toEqual(variant.items.map((i) => i.key));
      expect(variant.items.reduce((sum, i) => sum + i.points, 0)).toBeCloseTo(100);
    }
  });

  it('prints the same bytes again for the same run', async () => {
    const again = await generateExamFiles(exam, fonts, { runId: RUN_ID, candidates });
    expect(again.files.map((f) => Buffer.from(f.bytes).toString('base64'))).toEqual(files.map((f) => Buffer.from(f.bytes).toString('base64')));
    expect(again.layout).toEqual(layout);
  });
});

describe('rosters', () => {
  it('reports every wrong cell of a roster at its place', async () => {
    const read = await readSpreadsheet(path.join(import.meta.dirname, 'fixtures', 'bad-roster.csv'), 'bad-roster.csv');
    const { diagnostics } = rosterFromTable(read.tables[0]!);
    expect(formatDiagnostics(diagnostics)).toMatchInlineSnapshot(`
      "bad-roster.csv!A3  error  Unexpected empty 工号 for \`陈志远\`, expected the candidate's staff id  roster/missing-id
        note: fill in the 工号, or delete the row.

      bad-roster.csv!A4  error  Unexpected 工号 \`00012301\` a second time, expected each candidate once  roster/duplicate-id
        note: remove the duplicate row or correct the 工号.
        cause: first listed here at bad-roster.csv!A2

      bad-roster.csv!B5  error  Unexpected empty 姓名 for 工号 \`00012304\`, expected the candidate's name  roster/missing-name
        note: fill in the name, or delete the row.

      ✖ 3 errors"
    `);
  });
});
