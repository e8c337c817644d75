import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadExamFont } from '../../scripts/exam-font.ts';
import { loadProjectConfig } from '../../scripts/project-config.ts';
import { formatDiagnostics } from '../../src/lib/diagnostics/index.ts';
import { assembleExam, createManifest, parseBlueprint, type Exam } from '../../src/lib/exam/index.ts';
import { generateExamFiles, markdownToPlainText, printedAnswer, type ExamFile, type FontSet } from '../../src/lib/exam-pdf/index.ts';
import { loadProject } from '../../src/lib/project/index.ts';
import { ROOT } from '../support/paths.ts';

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
  return { exam: assembled.exam!, ...(await generateExamFiles(assembled.exam!, fonts)) };
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
    expect(files.map((f) => f.name).sort()).toEqual(['key-A.pdf', 'key-B.pdf', 'paper-A.pdf', 'paper-B.pdf', 'sheet-A.pdf', 'sheet-B.pdf']);
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
          expect(printedAnswer(question, item.optionOrder)).toBe(expected);
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
    const result = await generateExamFiles(strange, fonts);
    expect(result.files).toEqual([]);
    const [diagnostic] = result.diagnostics;
    expect(diagnostic!.ruleId).toBe('exam/missing-glyph');
    expect(diagnostic!.reason).toBe(`Unexpected character \`\u{1F9EA}\` (U+1F9EA) in \`${exam.variants[0]!.sections[0]!.items[0]!.question.id}\`, expected characters the PDF font (Noto Sans SC) has`);
  });
});
