import { itemKey, SECTION_NAMES, type Exam, type ExamItem, type ExamPart, type ExamSection, type ExamVariant } from '../exam/index.ts';
import type { ExamTranslate } from '../i18n/index.ts';
import { indexToLetter, type CasePart, type Question } from '../questions/index.ts';
import { addFooters, paginate, RowBuilder, type Block, type Row } from './blocks.ts';
import { fieldsRow, footerText, formatPoints, gridTable, sectionNumber, titleBlock, variantBadge } from './header.ts';
import { CONTENT_WIDTH, MARGIN, type FontMetrics, type LaidOutDocument } from './layout-types.ts';
import { markdownToPlainText } from './plain-text.ts';
import { SCORE_BOX_WIDTH, scoreBoxOps, sectionHeadingRow } from './score-boxes.ts';

const BODY = 10.5;
/** What a `____` blank prints as: a run of underscores that stays on one line. */
export const PRINTED_BLANK = '__________';

/** Returns a section's printed heading; a default heading follows the print language. */
export function printedHeading(t: ExamTranslate, section: ExamSection, index: number, style: 'count' | 'points'): string {
  const heading = section.heading === SECTION_NAMES[section.type] ? t(`type.${section.type}`) : section.heading;
  const number = sectionNumber(t, index + 1);
  if (style === 'points') return t('section.points', { number, heading, points: formatPoints(section.points) });
  const each = section.pointsEach !== undefined ? t('section.each', { n: formatPoints(section.pointsEach) }) : '';
  return t('section.heading', { number, heading, count: section.items.length, each, points: formatPoints(section.points) });
}

/** Returns what a case part asks for and is worth: （单选，3 分）, （多选，4 分）, （判断正误，2 分）, （填空，…）, （简答，8 分）. */
export function partTypeLabel(t: ExamTranslate, part: CasePart, points: number): string {
  return t('part.label', { type: t(`part.${part.type}`), points: formatPoints(points) });
}

/** Number of ruled lines to leave for a written answer worth `points`. */
export function answerLineCount(points: number): number {
  return Math.min(18, Math.max(4, Math.round(points * 1.5)));
}

/** Returns a stem as printed: plain text, blanks as underlines. */
function stemText(stem: string): string {
  return markdownToPlainText(stem).text.replace(/_{4,}/g, PRINTED_BLANK);
}

/** Rows for the images a stem references, each scaled to the text width. */
function stemImages(rows: RowBuilder, stem: string, indent: number): Row[] {
  return markdownToPlainText(stem).images.flatMap((image) => rows.image(image.src, image.alt, indent));
}

function optionRows(rows: RowBuilder, question: Pick<Extract<Question, { type: 'single' | 'multiple' }>, 'options'>, order: number[], indent: number): Row[] {
  const labels = order.map((original, shown) => `${indexToLetter(shown)}. ${markdownToPlainText(question.options[original]!.text).text}`);
  const width = CONTENT_WIDTH - indent;
  const widest = Math.max(...labels.map((label) => rows.metrics.widthOf(label, BODY, 'regular')));
  // Options go in 4, 2 or 1 columns: as many as fit without wrapping.
  const columns = [4, 2].find((n) => widest + 14 <= width / n) ?? 1;
  if (columns === 1) return labels.flatMap((label) => rows.text(label, { size: BODY, indent, hanging: rows.metrics.widthOf('A. ', BODY, 'regular') }));
  const result: Row[] = [];
  for (let i = 0; i < labels.length; i += columns) {
    const line = labels.slice(i, i + columns).flatMap((label, c) => rows.text(label, { size: BODY, indent: indent + (c * width) / columns, width: MARGIN.left + indent + ((c + 1) * width) / columns - MARGIN.left }));
    result.push({ height: Math.max(...line.map((r) => r.height)), ops: line.flatMap((r) => r.ops) });
  }
  return result;
}

/** What a paper prints, given where trainees answer. */
interface PaperContext {
  rows: RowBuilder;
  t: ExamTranslate;
  inPlace: boolean;
  /** Width of the widest question number ("38. "): stems and options hang at it, so they align under two-digit numbers. */
  hanging: number;
}

function answerRows(ctx: PaperContext, body: Question | CasePart, placed: { optionOrder?: number[]; points: number }, indent: number): Row[] {
  switch (body.type) {
    case 'single':
    case 'multiple':
      return optionRows(ctx.rows, body, placed.optionOrder ?? body.options.map((_, i) => i), indent);
    case 'short':
      return ctx.inPlace ? ctx.rows.answerLines(answerLineCount(placed.points), { indent }) : [];
    default:
      return [];
  }
}

function stemWithBracket(ctx: PaperContext, body: Question | CasePart): string {
  const text = stemText(body.stem);
  const objective = body.type === 'single' || body.type === 'multiple' || body.type === 'truefalse';
  // The bracket of a paper answered in place (`（　　）`; U+3000 keeps it wide).
  return ctx.inPlace && objective ? `${text}${ctx.t('bracket')}` : text;
}

/** Text rows, with a score box at the right of the first row when the paper is marked in place. */
function scoredText(ctx: PaperContext, text: string, style: { indent: number; hanging: number }, item: string | undefined): Row[] {
  const width = item ? CONTENT_WIDTH - SCORE_BOX_WIDTH : CONTENT_WIDTH;
  const lines = ctx.rows.text(text, { size: BODY, indent: style.indent, hanging: style.hanging, width });
  if (!item) return lines;
  const [first, ...rest] = lines;
  return [{ height: Math.max(first!.height, 20), ops: [...first!.ops, ...scoreBoxOps(ctx.rows, ctx.t, item, item, 0)] }, ...rest];
}

function questionBlock(ctx: PaperContext, item: ExamItem, number: number, section: ExamSection): Block {
  const { rows, t, hanging } = ctx;
  const { question } = item;
  const label = `${number}. `;
  const showPoints = section.pointsEach === undefined || question.type === 'short' || question.type === 'case';
  const prefix = `${label}${showPoints ? t('points.paren', { n: formatPoints(item.points) }) : ''}`;
  const subjective = question.type === 'fill' || question.type === 'short';
  if (question.type !== 'case') {
    return {
      keepTogether: true,
      questionId: question.id,
      spaceBefore: 6,
      rows: [
        ...scoredText(ctx, `${prefix}${stemWithBracket(ctx, question)}`, { indent: hanging - rows.metrics.widthOf(label, BODY, 'regular'), hanging: rows.metrics.widthOf(label, BODY, 'regular') }, ctx.inPlace && subjective ? itemKey(number) : undefined),
        ...stemImages(rows, question.stem, hanging),
        ...answerRows(ctx, question, item, hanging),
      ],
    };
  }
  const parts = question.parts.flatMap((part, i) => {
    const placed: ExamPart = item.parts?.[i] ?? { points: part.points };
    const partLabel = t('blank', { n: i + 1 });
    const partHanging = hanging + rows.metrics.widthOf(partLabel, BODY, 'regular');
    const scored = ctx.inPlace && (part.type === 'fill' || part.type === 'short') ? itemKey(number, i + 1) : undefined;
    return [
      rows.space(3),
      ...scoredText(ctx, `${partLabel}${partTypeLabel(t, part, placed.points)}${stemWithBracket(ctx, part)}`, { indent: hanging, hanging: partHanging - hanging }, scored),
      ...stemImages(rows, part.stem, partHanging),
      ...answerRows(ctx, part, placed, partHanging),
    ];
  });
  const labelWidth = rows.metrics.widthOf(label, BODY, 'regular');
  return {
    keepTogether: true,
    questionId: question.id,
    spaceBefore: 8,
    rows: [
      ...rows.text(`${prefix}${t('case.lead')}`, { size: BODY, indent: hanging - labelWidth, hanging: labelWidth }),
      ...rows.text(stemText(question.stem), { size: BODY, indent: hanging }),
      ...stemImages(rows, question.stem, hanging),
      ...parts,
    ],
  };
}

/** The title block with the variant letter printed large and boxed at its right. */
function paperTitle(rows: RowBuilder, exam: Exam, variant: ExamVariant, t: ExamTranslate): Block {
  const block = titleBlock(rows, exam, t('paper.subtitle', { v: variant.label }), t);
  const [first, ...rest] = block.rows;
  return { ...block, rows: [{ ...first!, ops: [...first!.ops, ...variantBadge(variant.label, MARGIN.left + CONTENT_WIDTH - 34, 0, 34)] }, ...rest] };
}

/**
 * Returns the pages of one variant's question paper (试卷). With `answers: sheet` the paper
 * only asks: no brackets or lines, and every hint says to answer on the sheet; with
 * `answers: paper` it has the answer space and the score boxes a sheet would have.
 */
export function layoutPaper(exam: Exam, variant: ExamVariant, metrics: FontMetrics, t: ExamTranslate): LaidOutDocument {
  const rows = new RowBuilder(metrics);
  const count = variant.sections.reduce((n, s) => n + s.items.length, 0);
  const ctx: PaperContext = { rows, t, inPlace: exam.answers === 'paper', hanging: rows.metrics.widthOf(`${Math.max(10, count)}. `, BODY, 'regular') };
  const blocks: Block[] = [paperTitle(rows, exam, variant, t)];
  blocks.push({ keepTogether: true, rows: [fieldsRow(rows, [t('field.name'), t('field.id'), t('field.department')]), fieldsRow(rows, [t('field.date'), t('field.batch'), ''])] });
  if (ctx.inPlace) {
    const headers = [t('questionNumber'), ...variant.sections.map((_, i) => sectionNumber(t, i + 1).replace(/[、.\s]+$/, '')), t('total')];
    blocks.push({ keepTogether: true, spaceBefore: 6, rows: gridTable(rows, headers, [t('score')]) });
  }
  const instructions = [t(ctx.inPlace ? 'instructions.paper' : 'instructions.sheet'), ...exam.instructions];
  blocks.push({
    keepTogether: true,
    spaceBefore: 8,
    rows: [
      ...rows.text(t('instructions'), { size: BODY, weight: 'bold' }),
      ...instructions.flatMap((line, i) => rows.text(`${i + 1}. ${line}`, { size: 9.5, hanging: rows.metrics.widthOf(`${i + 1}. `, 9.5, 'regular') })),
    ],
  });
  let number = 0;
  variant.sections.forEach((section, s) => {
    const hint = t(`hint.${ctx.inPlace ? 'paper' : 'sheet'}.${section.type}`);
    const headingText = printedHeading(t, section, s, 'count');
    const heading = ctx.inPlace ? sectionHeadingRow(rows, t, headingText, headingText) : rows.text(headingText, { size: 12, weight: 'bold' });
    blocks.push({ keepTogether: true, keepWithNext: true, spaceBefore: 12, rows: [...heading, ...rows.text(hint, { size: 9.5 })] });
    for (const item of section.items) blocks.push(questionBlock(ctx, item, ++number, section));
  });
  const pages = addFooters(paginate(blocks), (page, total) => footerText(t, page, total, variant.label, exam.bankVersion, t('kind.paper')));
  return { kind: 'paper', title: `${exam.title}${t('paper.subtitle', { v: variant.label })}`, pages };
}
