import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadExamFont } from '../../scripts/exam-font.ts';
import { loadProjectConfig } from '../../scripts/project-config.ts';
import { formatDiagnostics } from '../../src/lib/diagnostics/index.ts';
import { assembleExam, createManifest, parseBlueprint, type Exam } from '../../src/lib/exam/index.ts';
import { generateExamFiles, markdownToPlainText, pageOps, printedAnswer, type ExamFile, type FontSet } from '../../src/lib/exam-pdf/index.ts';
import { createExamTranslator } from '../../src/lib/i18n/index.ts';
import { loadProject } from '../../src/lib/project/index.ts';
import { ROOT } from '../support/paths.ts';

const t = createExamTranslator('zh-CN');
const dir = mkdtempSync(path.join(tmpdir(), 'trainbook-pdf-'));
let fonts: FontSet;
let exam: Exam;
let files: ExamFile[];

async function generate(seed: string) {
  const { bank } = await loadProject(loadProjectConfig());
  const file = 'question-bank/blueprints/new-hire-theory.yaml';
  const { parsed } = parseBlueprint(readFileSync(path.join(ROOT, file), 'utf8'), file);
  const assembled = assembleExam(bank, parsed!, { seed, variants: 2 });
  expect(formatDiagnostics(assembled.diagnostics)).toBe('');
  return { exam: assembled.exam!, ...(await generateExamFiles(assembled.exam!, fonts, { runId: `new-hire-theory-bank-1.0.0-seed-${seed}` })) };
}

const fileOf = (name: string) => {
  const file = files.find((f) => f.name === name)!;
  const target = path.join(dir, name);
  writeFileSync(target, file.bytes);
  return target;
};
/** Text of a PDF as pdftotext reads it back, per page, without whitespace (lines wrap anywhere in Chinese). */
const pagesOf = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1).map((page) => page.replace(/\s+/g, ''));
const squash = (text: string) => markdownToPlainText(text).text.replace(/_{4,}/g, '__________').replace(/\s+/g, '');

beforeAll(async () => {
  fonts = await loadExamFont();
  ({ exam, files } = await generate('test-seed'));
});

describe('the new-hire exam as PDF', () => {
  it('writes a paper, an answer key and an answer sheet per variant that qpdf accepts', () => {
    expect(files.map((f) => f.name).sort()).toEqual(['key-A.pdf', 'key-B.pdf', 'keys.pdf', 'paper-A.pdf', 'paper-B.pdf', 'papers.pdf', 'sheet-A.pdf', 'sheet-B.pdf', 'sheets.pdf']);
    for (const file of files) {
      const output = execFileSync('qpdf', ['--check', fileOf(file.name)], { encoding: 'utf8' });
      expect(output, file.name).toContain('No syntax or stream encoding errors found');
    }
  });

  it('embeds a subset of the npm font, and every page count matches the layout', () => {
    const fontsOutput = execFileSync('pdffonts', [fileOf('paper-A.pdf')], { encoding: 'utf8' });
    expect(fontsOutput).toMatch(/[A-Z]{6}\+NotoSansSC-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    for (const file of files) expect(pagesOf(fileOf(file.name)).length, file.name).toBe(file.document.pages.length);
  });

  it('prints every stem and option of the paper in order, and no answer or explanation', () => {
    const text = pagesOf(fileOf('paper-A.pdf')).join('');
    let cursor = 0;
    for (const section of exam.variants[0]!.sections) {
      for (const { question, optionOrder } of section.items) {
        const expected = [question.stem];
        if (question.type === 'single' || question.type === 'multiple') expected.push(...optionOrder!.map((i) => question.options[i]!.text));
        if (question.type === 'case') expected.push(...question.parts.map((p) => p.stem));
        for (const piece of expected) {
          const at = text.indexOf(squash(piece), cursor);
          expect(at, `${question.id}: ${piece}`).toBeGreaterThanOrEqual(cursor);
          cursor = at;
        }
        expect(text, question.id).not.toContain(squash(question.explanation));
        if (question.type === 'short') expect(text).not.toContain(squash(question.reference));
      }
    }
    expect(text).not.toContain('答案：');
  });

  it('asks for every answer on the sheet: no answer brackets or lines on the paper, and says so', () => {
    const pages = execFileSync('pdftotext', ['-layout', fileOf('paper-A.pdf'), '-'], { encoding: 'utf8' });
    expect(pages).not.toMatch(/（\s+）/);
    const text = pagesOf(fileOf('paper-A.pdf')).join('');
    expect(text).toContain('本试卷所有题目的答案都写在答题卡上');
    expect(text).toContain('每题只有一个正确答案，请在答题卡上填涂');
    expect(text).not.toContain('填在括号内');
    // Dashed answer lines are drawn as line operators; the paper has none, the sheet does.
    const lines = (name: string) => files.find((f) => f.name === name)!.document.pages.flatMap(pageOps).filter((op) => op.type === 'line' && op.dash).length;
    expect(lines('paper-A.pdf')).toBe(0);
    expect(lines('sheet-A.pdf')).toBeGreaterThan(0);
  });

  it('says what each case part asks for and what it is worth', () => {
    const text = pagesOf(fileOf('paper-A.pdf')).join('');
    const item = exam.variants[0]!.sections.flatMap((s) => s.items).find((i) => i.question.type === 'case')!;
    if (item.question.type !== 'case') throw new Error('no case');
    const names = { single: '单选', multiple: '多选', truefalse: '判断正误', fill: '填空', short: '简答' } as const;
    item.question.parts.forEach((part, p) => expect(text).toContain(`（${p + 1}）（${names[part.type]}，${item.parts![p]!.points}分）`));
  });

  it('starts the key with the quick table of every variant, marks every key page internal and explains the marking', () => {
    const pages = pagesOf(fileOf('keys.pdf'));
    expect(pages[0]).toContain('速查表');
    for (const page of pages) expect(page).toContain('内部资料·请勿外传');
    const key = pagesOf(fileOf('key-A.pdf')).join('');
    expect(key).toContain('评分说明');
    expect(key).toContain('多项选择题：全部选对得满分，多选、少选、错选均不得分。');
    // Every objective answer of both variants is in the quick table, in order per column.
    const rows = files.find((f) => f.name === 'keys.pdf')!.document.pages[0]!.ops.filter((op) => op.type === 'text').map((op) => (op.type === 'text' ? op.text : ''));
    const first = exam.variants[1]!.sections[0]!.items[0]!;
    expect(rows).toContain(printedAnswer(first.question, first.optionOrder, t));
  });

  it('never leaves a section heading last on a page', () => {
    for (const file of files) {
      for (const page of file.document.pages) {
        const ops = pageOps(page);
        const texts = ops.filter((op) => op.type === 'text' && op.weight === 'bold' && /^[一二三四五六七八九十]+、/.test(op.text));
        const lastBody = ops.filter((op) => op.type === 'text' && op.y < 780).at(-1);
        for (const heading of texts) expect(heading, `${file.name}`).not.toBe(lastBody);
      }
    }
  });

  it('never splits a question across pages', () => {
    const pages = pagesOf(fileOf('paper-A.pdf'));
    let number = 0;
    for (const section of exam.variants[0]!.sections) {
      for (const { question, optionOrder } of section.items) {
        number += 1;
        const first = squash(question.stem).slice(0, 12);
        const last =
          question.type === 'single' || question.type === 'multiple'
            ? squash(question.options[optionOrder!.at(-1)!]!.text)
            : question.type === 'case'
              ? squash(question.parts.at(-1)!.stem).slice(-10)
              : squash(question.stem).slice(-10);
        const page = pages.findIndex((p) => p.includes(`${number}.`) && p.includes(first));
        expect(page, `question ${number} ${question.id}`).toBeGreaterThanOrEqual(0);
        expect(pages[page], `question ${number} ${question.id} ends on its first page`).toContain(last);
      }
    }
    // The layout model records which page each question starts on; every id appears once.
    const starts = files.find((f) => f.name === 'paper-A.pdf')!.document.pages.flatMap((p) => p.questions);
    expect(new Set(starts).size).toBe(starts.length);
  });

  it('prints every answer in the key, in the letters of the variant’s option order from the manifest', () => {
    const manifest = createManifest(exam);
    for (const variant of exam.variants) {
      const text = pagesOf(fileOf(`key-${variant.label}.pdf`)).join('');
      const items = manifest.variants.find((v) => v.label === variant.label)!.sections.flatMap((s) => s.items);
      variant.sections.flatMap((s) => s.items).forEach((item, index) => {
        const { question } = item;
        expect(text, question.id).toContain(`${question.id}@${question.rev}`);
        if (question.type === 'single' || question.type === 'multiple') {
          // The manifest says which original option each printed letter is: map the bank's answer through it.
          const printedOrder = items[index]!.options!;
          const expected = question.answer.map((original) => String.fromCharCode(65 + printedOrder.indexOf(String.fromCharCode(65 + original)))).sort().join('');
          expect(printedAnswer(question, item.optionOrder, t)).toBe(expected);
          expect(text).toContain(`答案：${expected}`);
        }
        if (question.type === 'fill') for (const variants of question.answers) expect(text).toContain(variants[0]!.replace(/\s+/g, ''));
        if (question.type === 'short') for (const scoring of item.scoring!) expect(text).toContain(squash(scoring.point));
        expect(text).toContain(squash(question.explanation).slice(0, 20));
      });
    }
  });

  it('prints the footer "第 x 页 共 y 页" with the variant and the bank version on every page', () => {
    const pages = pagesOf(fileOf('paper-B.pdf'));
    pages.forEach((page, i) => expect(page).toContain(`第${i + 1}页共${pages.length}页·B卷试卷·题库版本${exam.bankVersion}`));
  });

  it('is byte-identical for the same seed and different for another seed', async () => {
    const again = await generate('test-seed');
    expect(again.files.map((f) => Buffer.from(f.bytes).toString('base64'))).toEqual(files.map((f) => Buffer.from(f.bytes).toString('base64')));
    const other = await generate('another-seed');
    expect(Buffer.compare(other.files[0]!.bytes, files[0]!.bytes)).not.toBe(0);
  });

  it('stays under 150 KB for a paper', () => {
    for (const file of files.filter((f) => f.kind === 'paper')) expect(file.bytes.length, file.name).toBeLessThanOrEqual(150 * 1024);
  });

  it('refuses a character the font lacks, naming the question and the character', async () => {
    const strange = { ...exam, variants: exam.variants.map((v) => ({ ...v, sections: v.sections.map((s, i) => (i === 0 ? { ...s, items: [{ ...s.items[0]!, question: { ...s.items[0]!.question, stem: '请选择\u{1F9EA}正确的说法' } }] } : s)) })) };
    const result = await generateExamFiles(strange, fonts, { runId: 'strange' });
    expect(result.files).toEqual([]);
    const [diagnostic] = result.diagnostics;
    expect(diagnostic!.ruleId).toBe('exam/missing-glyph');
    expect(diagnostic!.reason).toBe(`Unexpected character \`\u{1F9EA}\` (U+1F9EA) in \`${exam.variants[0]!.sections[0]!.items[0]!.question.id}\`, expected characters the PDF font (Noto Sans SC) has`);
  });
});
