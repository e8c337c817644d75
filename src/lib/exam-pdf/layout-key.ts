import type { Exam, ExamItem, ExamPart, ExamVariant } from '../exam/index.ts';
import { indexToLetter, type CasePart, type Question } from '../questions/index.ts';
import { addFooters, paginate, RowBuilder, type Block, type Row } from './blocks.ts';
import { footerText, formatPoints, titleBlock } from './header.ts';
import { sectionHeading } from './layout-paper.ts';
import type { FontMetrics, LaidOutDocument } from './layout-types.ts';
import { markdownToPlainText } from './plain-text.ts';

const BODY = 10;
const SMALL = 9;

/** Returns the answer of a question as printed in the key, with letters in the variant's order. */
export function printedAnswer(body: Question | CasePart, optionOrder?: number[]): string {
  switch (body.type) {
    case 'single':
    case 'multiple': {
      const order = optionOrder ?? body.options.map((_, i) => i);
      return body.answer.map((original) => indexToLetter(order.indexOf(original))).sort().join('');
    }
    case 'truefalse':
      return body.answer ? '√（正确）' : '×（错误）';
    case 'fill':
      return body.answers.map((variants, i) => `（${i + 1}）${variants.join(' / ')}`).join('　');
    default:
      return '';
  }
}

function explanationRows(rows: RowBuilder, text: string | undefined, indent: number): Row[] {
  return text ? rows.text(`解析：${markdownToPlainText(text).text}`, { size: SMALL, indent, leading: 1.55 }) : [];
}

function scoringRows(rows: RowBuilder, reference: string, scoring: { point: string; points: number }[], indent: number): Row[] {
  return [
    ...rows.text(`参考答案：${markdownToPlainText(reference).text}`, { size: SMALL, indent }),
    ...rows.text('评分要点：', { size: SMALL, indent }),
    ...scoring.flatMap((s, i) => rows.text(`${i + 1}. ${s.point}（${formatPoints(s.points)} 分）`, { size: SMALL, indent: indent + 10 })),
  ];
}

function bodyRows(rows: RowBuilder, body: Question | CasePart, placed: { optionOrder?: number[]; points: number; scoring?: { point: string; points: number }[] }, indent: number): Row[] {
  if (body.type === 'short') return scoringRows(rows, body.reference, placed.scoring ?? body.scoring, indent);
  return rows.text(`答案：${printedAnswer(body, placed.optionOrder)}`, { size: BODY, weight: 'bold', indent });
}

function itemBlock(rows: RowBuilder, item: ExamItem, number: number): Block {
  const { question } = item;
  const heading = rows.text(`${number}.（${formatPoints(item.points)} 分）　${question.id}@${question.rev}`, { size: BODY });
  const indent = 16;
  const content: Row[] =
    question.type === 'case'
      ? question.parts.flatMap((part, i) => {
          const placed: ExamPart = item.parts?.[i] ?? { points: part.points };
          return [
            ...rows.text(`（${i + 1}）${formatPoints(placed.points)} 分`, { size: BODY, indent }),
            ...bodyRows(rows, part, placed, indent + 12),
            ...explanationRows(rows, part.explanation, indent + 12),
          ];
        })
      : bodyRows(rows, question, item, indent);
  return {
    keepTogether: true,
    questionId: question.id,
    spaceBefore: 5,
    rows: [...heading, ...content, ...explanationRows(rows, question.explanation, indent)],
  };
}

/** Returns the pages of one variant's answer key (答案与评分标准), with `id@rev` of every question. */
export function layoutKey(exam: Exam, variant: ExamVariant, metrics: FontMetrics): LaidOutDocument {
  const rows = new RowBuilder(metrics);
  const blocks: Block[] = [titleBlock(rows, exam, `（${variant.label} 卷）答案与评分标准`)];
  blocks.push({
    keepTogether: true,
    rows: rows.text(`题库：${exam.bankTitle} ${exam.bankVersion}　组卷方案：${exam.blueprintFile}　随机种子：${exam.seed}`, { size: SMALL, align: 'center' }),
  });
  let number = 0;
  variant.sections.forEach((section, s) => {
    const first = number + 1;
    const quick = section.type === 'single' || section.type === 'multiple' || section.type === 'truefalse'
      ? rows.text(`速查：${section.items.map((item, i) => `${first + i}.${printedAnswer(item.question, item.optionOrder).replace(/（.*）/, '')}`).join('　')}`, { size: BODY })
      : [];
    blocks.push({ keepTogether: true, spaceBefore: 12, rows: [...rows.text(sectionHeading(section, s), { size: 12, weight: 'bold' }), ...quick] });
    for (const item of section.items) blocks.push(itemBlock(rows, item, ++number));
  });
  const pages = addFooters(paginate(blocks), (page, total) => footerText(page, total, variant.label, exam.bankVersion, '答案与评分标准'));
  return { kind: 'key', title: `${exam.title}（${variant.label} 卷）答案与评分标准`, pages };
}
