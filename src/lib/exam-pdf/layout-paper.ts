import type { Exam, ExamItem, ExamPart, ExamSection, ExamVariant } from '../exam/index.ts';
import { indexToLetter, type CasePart, type Question } from '../questions/index.ts';
import { addFooters, paginate, RowBuilder, type Block, type Row } from './blocks.ts';
import { chineseNumeral, fieldsRow, footerText, formatPoints, gridTable, titleBlock } from './header.ts';
import { CONTENT_WIDTH, MARGIN, type FontMetrics, type LaidOutDocument } from './layout-types.ts';
import { markdownToPlainText } from './plain-text.ts';

const BODY = 10.5;
/** What a `____` blank prints as: a run of underscores that stays on one line. */
export const PRINTED_BLANK = '__________';
const ANSWER_BRACKET = '（　　）';

const HINTS: Partial<Record<ExamSection['type'], string>> = {
  single: '每题只有一个正确答案，请将其字母填在括号内或答题卡上。',
  multiple: '每题有两个或两个以上正确答案，多选、少选、错选均不得分。',
  truefalse: '正确的打“√”，错误的打“×”。',
  fill: '请在横线上填写答案。',
};

/** Returns the section heading "一、单项选择题（共 20 题，每题 2 分，共 40 分）". */
export function sectionHeading(section: ExamSection, index: number): string {
  const each = section.pointsEach !== undefined ? `每题 ${formatPoints(section.pointsEach)} 分，` : '';
  return `${chineseNumeral(index + 1)}、${section.heading}（共 ${section.items.length} 题，${each}共 ${formatPoints(section.points)} 分）`;
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

function answerRows(rows: RowBuilder, body: Question | CasePart, placed: { optionOrder?: number[]; points: number }, indent: number): Row[] {
  switch (body.type) {
    case 'single':
    case 'multiple':
      return optionRows(rows, body, placed.optionOrder ?? body.options.map((_, i) => i), indent);
    case 'short':
      return rows.answerLines(answerLineCount(placed.points), { indent });
    default:
      return [];
  }
}

function stemWithBracket(body: Question | CasePart): string {
  const text = stemText(body.stem);
  return body.type === 'single' || body.type === 'multiple' || body.type === 'truefalse' ? `${text}${ANSWER_BRACKET}` : text;
}

function questionBlock(rows: RowBuilder, item: ExamItem, number: number, section: ExamSection): Block {
  const { question } = item;
  const label = `${number}. `;
  const hanging = rows.metrics.widthOf(label, BODY, 'regular');
  const showPoints = section.pointsEach === undefined || question.type === 'short' || question.type === 'case';
  const prefix = `${label}${showPoints ? `（${formatPoints(item.points)} 分）` : ''}`;
  if (question.type !== 'case') {
    return {
      keepTogether: true,
      questionId: question.id,
      spaceBefore: 6,
      rows: [...rows.text(`${prefix}${stemWithBracket(question)}`, { size: BODY, hanging }), ...stemImages(rows, question.stem, hanging), ...answerRows(rows, question, item, hanging)],
    };
  }
  const parts = question.parts.flatMap((part, i) => {
    const placed: ExamPart = item.parts?.[i] ?? { points: part.points };
    const partLabel = `（${i + 1}）`;
    const partHanging = hanging + rows.metrics.widthOf(partLabel, BODY, 'regular');
    return [
      rows.space(3),
      ...rows.text(`${partLabel}（${formatPoints(placed.points)} 分）${stemWithBracket(part)}`, { size: BODY, indent: hanging, hanging: partHanging - hanging }),
      ...stemImages(rows, part.stem, partHanging),
      ...answerRows(rows, part, placed, partHanging),
    ];
  });
  return {
    keepTogether: true,
    questionId: question.id,
    spaceBefore: 8,
    rows: [
      ...rows.text(`${prefix}阅读以下情景，回答问题。`, { size: BODY, hanging }),
      ...rows.text(stemText(question.stem), { size: BODY, indent: hanging }),
      ...stemImages(rows, question.stem, hanging),
      ...parts,
    ],
  };
}

/** Returns the pages of one variant's question paper (试卷). */
export function layoutPaper(exam: Exam, variant: ExamVariant, metrics: FontMetrics): LaidOutDocument {
  const rows = new RowBuilder(metrics);
  const blocks: Block[] = [titleBlock(rows, exam, `（${variant.label} 卷）`)];
  blocks.push({ keepTogether: true, rows: [fieldsRow(rows, ['姓名', '工号', '部门'])] });
  const headers = ['题号', ...variant.sections.map((_, i) => chineseNumeral(i + 1)), '总分'];
  blocks.push({ keepTogether: true, spaceBefore: 6, rows: gridTable(rows, headers, ['得分']) });
  if (exam.instructions.length) {
    blocks.push({
      keepTogether: true,
      spaceBefore: 8,
      rows: [
        ...rows.text('考生须知', { size: BODY, weight: 'bold' }),
        ...exam.instructions.flatMap((line, i) => rows.text(`${i + 1}. ${line}`, { size: 9.5, hanging: rows.metrics.widthOf(`${i + 1}. `, 9.5, 'regular') })),
      ],
    });
  }
  let number = 0;
  variant.sections.forEach((section, s) => {
    const hint = HINTS[section.type];
    blocks.push({
      keepTogether: true,
      spaceBefore: 12,
      rows: [...rows.text(sectionHeading(section, s), { size: 12, weight: 'bold' }), ...(hint ? rows.text(hint, { size: 9.5 }) : [])],
    });
    // The heading stays with its first question: merge them when they fit together.
    const first = questionBlock(rows, section.items[0]!, ++number, section);
    const heading = blocks.pop()!;
    blocks.push({ ...first, spaceBefore: heading.spaceBefore, rows: [...heading.rows, rows.space(first.spaceBefore ?? 0), ...first.rows] });
    for (const item of section.items.slice(1)) blocks.push(questionBlock(rows, item, ++number, section));
  });
  const pages = addFooters(paginate(blocks), (page, total) => footerText(page, total, variant.label, exam.bankVersion, '试卷'));
  return { kind: 'paper', title: `${exam.title}（${variant.label} 卷）`, pages };
}
