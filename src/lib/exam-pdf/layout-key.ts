import type { Exam, ExamItem, ExamPart, ExamVariant } from '../exam/index.ts';
import type { ExamTranslate } from '../i18n/index.ts';
import { indexToLetter, type CasePart, type Question } from '../questions/index.ts';
import { addFooters, paginate, RowBuilder, type Block, type Row } from './blocks.ts';
import { footerText, formatPoints, titleBlock } from './header.ts';
import { printedHeading } from './layout-paper.ts';
import { CONTENT_WIDTH, MARGIN, type DrawOp, type FontMetrics, type LaidOutDocument, type LaidOutPage } from './layout-types.ts';
import { markdownToPlainText } from './plain-text.ts';

const BODY = 10;
const SMALL = 9;

/** Returns the answer of a question as printed in the key, with letters in the variant's order. */
export function printedAnswer(body: Question | CasePart, optionOrder: number[] | undefined, t: ExamTranslate): string {
  switch (body.type) {
    case 'single':
    case 'multiple': {
      const order = optionOrder ?? body.options.map((_, i) => i);
      return body.answer.map((original) => indexToLetter(order.indexOf(original))).sort().join('');
    }
    case 'truefalse':
      return t(body.answer ? 'true' : 'false');
    case 'fill':
      return body.answers.map((variants, i) => `${t('blank', { n: i + 1 })}${variants.join(' / ')}`).join('　');
    default:
      return '';
  }
}

/** The short form of an objective answer for quick tables: `ACD`, `√`, `×`. */
function quickAnswer(body: Question | CasePart, optionOrder?: number[]): string {
  if (body.type === 'truefalse') return body.answer ? '√' : '×';
  if (body.type === 'single' || body.type === 'multiple') {
    const order = optionOrder ?? body.options.map((_, i) => i);
    return body.answer.map((original) => indexToLetter(order.indexOf(original))).sort().join('');
  }
  return '';
}

const isObjective = (body: Question | CasePart) => body.type === 'single' || body.type === 'multiple' || body.type === 'truefalse';

function explanationRows(rows: RowBuilder, t: ExamTranslate, text: string | undefined, indent: number): Row[] {
  return text ? rows.text(t('key.explanation', { text: markdownToPlainText(text).text }), { size: SMALL, indent, leading: 1.55 }) : [];
}

function scoringRows(rows: RowBuilder, t: ExamTranslate, reference: string, scoring: { point: string; points: number }[], indent: number): Row[] {
  return [
    ...rows.text(t('key.reference', { text: markdownToPlainText(reference).text }), { size: SMALL, indent }),
    ...rows.text(t('key.scoring'), { size: SMALL, indent, weight: 'bold' }),
    ...scoring.flatMap((s, i) => rows.text(`${i + 1}. ${s.point}${t('points.paren', { n: formatPoints(s.points) })}`, { size: SMALL, indent: indent + 10, hanging: 12 })),
  ];
}

/** The correct options written out, so a marker need not turn to the paper: `B. 先道歉，再倾听`. */
function correctOptionRows(rows: RowBuilder, body: Question | CasePart, optionOrder: number[] | undefined, indent: number): Row[] {
  if (body.type !== 'single' && body.type !== 'multiple') return [];
  const order = optionOrder ?? body.options.map((_, i) => i);
  return body.answer
    .map((original) => ({ letter: indexToLetter(order.indexOf(original)), text: body.options[original]!.text }))
    .sort((a, b) => a.letter.localeCompare(b.letter))
    .flatMap(({ letter, text }) => rows.text(`${letter}. ${markdownToPlainText(text).text}`, { size: SMALL, indent, hanging: 12 }));
}

function bodyRows(rows: RowBuilder, t: ExamTranslate, body: Question | CasePart, placed: { optionOrder?: number[]; points: number; scoring?: { point: string; points: number }[] }, indent: number): Row[] {
  if (body.type === 'short') return scoringRows(rows, t, body.reference, placed.scoring ?? body.scoring, indent);
  return [...rows.text(t('key.answer', { answer: printedAnswer(body, placed.optionOrder, t) }), { size: BODY, weight: 'bold', indent }), ...correctOptionRows(rows, body, placed.optionOrder, indent + 10)];
}

function itemBlock(rows: RowBuilder, t: ExamTranslate, item: ExamItem, number: number): Block {
  const { question } = item;
  const heading = rows.text(`${number}.${t('points.paren', { n: formatPoints(item.points) })}　${question.id}@${question.rev}`, { size: BODY });
  const indent = 16;
  const content: Row[] =
    question.type === 'case'
      ? question.parts.flatMap((part, i) => {
          const placed: ExamPart = item.parts?.[i] ?? { points: part.points };
          return [
            ...rows.text(`${t('blank', { n: i + 1 })}${t('part.label', { type: t(`part.${part.type}`), points: formatPoints(placed.points) })}`, { size: BODY, indent }),
            ...bodyRows(rows, t, part, placed, indent + 12),
            ...explanationRows(rows, t, part.explanation, indent + 12),
          ];
        })
      : bodyRows(rows, t, question, item, indent);
  return { keepTogether: true, questionId: question.id, spaceBefore: 5, rows: [...heading, ...content, ...explanationRows(rows, t, question.explanation, indent)] };
}

/** 评分说明: how multiple choice, fill-in and written answers are marked. */
function markingRules(rows: RowBuilder, exam: Exam, t: ExamTranslate): Block {
  const rules = [t(exam.multipleScoring === 'partial' ? 'key.rule.multiple.partial' : 'key.rule.multiple.allOrNothing'), t('key.rule.fill'), t('key.rule.short')];
  return {
    keepTogether: true,
    spaceBefore: 8,
    rows: [...rows.text(t('key.rules'), { size: 11, weight: 'bold' }), ...rules.flatMap((rule, i) => rows.text(`${i + 1}. ${rule}`, { size: SMALL, hanging: 12 }))],
  };
}

/** 内部资料 · 请勿外传, boxed at the top right of every key page. */
function internalMark(rows: RowBuilder, t: ExamTranslate): DrawOp[] {
  const text = t('key.internal');
  const width = rows.metrics.widthOf(text, 8.5, 'bold') + 12;
  const x = MARGIN.left + CONTENT_WIDTH - width;
  return [
    { type: 'rect', x, y: 24, width, height: 16, lineWidth: 0.8 },
    { type: 'text', x, y: 35.5, text, size: 8.5, weight: 'bold', align: 'center', width },
  ];
}

function markPages(rows: RowBuilder, t: ExamTranslate, pages: LaidOutPage[]): LaidOutPage[] {
  const mark = internalMark(rows, t);
  return pages.map((page) => ({ ...page, ops: [...mark, ...page.ops] }));
}

/** Returns the pages of one variant's answer key (答案与评分标准), with `id@rev` of every question. */
export function layoutKey(exam: Exam, variant: ExamVariant, metrics: FontMetrics, t: ExamTranslate): LaidOutDocument {
  const rows = new RowBuilder(metrics);
  const blocks: Block[] = [titleBlock(rows, exam, t('key.title', { v: variant.label }), t)];
  blocks.push({ keepTogether: true, rows: rows.text(t('key.provenance', { bank: exam.bankTitle, version: exam.bankVersion, blueprint: exam.blueprintFile, seed: exam.seed }), { size: SMALL, align: 'center' }) });
  blocks.push(markingRules(rows, exam, t));
  let number = 0;
  variant.sections.forEach((section, s) => {
    const first = number + 1;
    const quick = isObjective(section.items[0]!.question)
      ? rows.text(t('key.quick', { answers: section.items.map((item, i) => `${first + i}.${quickAnswer(item.question, item.optionOrder)}`).join('　') }), { size: BODY })
      : [];
    blocks.push({ keepTogether: true, keepWithNext: true, spaceBefore: 12, rows: [...rows.text(printedHeading(t, section, s, 'count'), { size: 12, weight: 'bold' }), ...quick] });
    for (const item of section.items) blocks.push(itemBlock(rows, t, item, ++number));
  });
  const pages = addFooters(paginate(blocks), (page, total) => footerText(t, page, total, variant.label, exam.bankVersion, t('kind.key')));
  return { kind: 'key', title: `${exam.title}${t('key.title', { v: variant.label })}`, pages: markPages(rows, t, pages) };
}

/** One row of the quick table: an objective item, its points, and its answer in every variant. */
interface QuickRow {
  label: string;
  points: string;
  answers: string[];
}

function quickRows(exam: Exam): QuickRow[] {
  const result: QuickRow[] = [];
  const variants = exam.variants.map((v) => v.sections.flatMap((s) => s.items));
  variants[0]!.forEach((first, index) => {
    const number = index + 1;
    if (first.question.type === 'case') {
      first.question.parts.forEach((part, p) => {
        if (!isObjective(part)) return;
        result.push({
          label: `${number}(${p + 1})`,
          points: formatPoints(first.parts?.[p]?.points ?? part.points),
          answers: variants.map((items) => {
            const item = items[index]!;
            return item.question.type === 'case' ? quickAnswer(item.question.parts[p]!, item.parts?.[p]?.optionOrder) : '';
          }),
        });
      });
    } else if (isObjective(first.question)) {
      result.push({ label: String(number), points: formatPoints(first.points), answers: variants.map((items) => quickAnswer(items[index]!.question, items[index]!.optionOrder)) });
    }
  });
  return result;
}

/**
 * Returns the quick table (速查表) of a run's keys: every objective answer of every variant, one
 * row per question number and one column per variant, with the points. Rows are as short as
 * needed to keep the table on one page; very long papers continue on the next.
 */
export function layoutQuickTable(exam: Exam, metrics: FontMetrics, t: ExamTranslate): LaidOutDocument {
  const rows = new RowBuilder(metrics);
  const table = quickRows(exam);
  const labels = exam.variants.map((v) => v.label);
  const numberWidth = 40;
  const pointsWidth = 30;
  const cell = (CONTENT_WIDTH - numberWidth - pointsWidth) / labels.length;
  const size = Math.min(10, cell / 3.2);
  const height = Math.max(13, Math.min(18, 600 / Math.max(1, table.length + 1)));
  const tableRow = (cells: string[], bold: boolean): Row => {
    const ops: DrawOp[] = [];
    let x = MARGIN.left;
    cells.forEach((text, i) => {
      const width = i === 0 ? numberWidth : i === 1 ? pointsWidth : cell;
      ops.push({ type: 'rect', x, y: 0, width, height, lineWidth: 0.5 });
      ops.push({ type: 'text', x, y: height / 2 + size * 0.36, text, size, weight: bold ? 'bold' : 'regular', align: 'center', width });
      x += width;
    });
    return { height, ops };
  };
  const header = tableRow([t('questionNumber'), t('points', { n: '' }).trim() || '分', ...labels], true);
  const blocks: Block[] = [
    titleBlock(rows, exam, t('key.quickTable', { count: labels.length }), t),
    { keepTogether: false, rows: [header, ...table.map((r) => tableRow([r.label, r.points, ...r.answers], false))] },
  ];
  const pages = addFooters(paginate(blocks), (page, total) => t('footer.plain', { page, total, text: `${t('key.quickTable', { count: labels.length })}　·　${exam.bankVersion}` }));
  return { kind: 'key', title: `${exam.title} · ${t('key.quickTable', { count: labels.length })}`, pages: markPages(rows, t, pages) };
}
