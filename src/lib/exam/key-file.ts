import { indexToLetter, type CasePart, type Question } from '../questions/index.ts';
import type { Exam, ExamVariant, ScoringPoints } from './exam.ts';
import { itemKey, type KeyFile, type KeyItem, type KeyVariant } from './run-files.ts';

/** How multiple-choice questions are scored, as `key.json` records it. */
export type MultipleScoring = KeyFile['multipleScoring'];

export interface KeyFileOptions {
  /** The run folder's name, e.g. `new-hire-theory-bank-1.0.0-seed-7`. */
  runId: string;
  /** Blueprint `multiple_scoring`; default `all-or-nothing`. */
  multipleScoring?: MultipleScoring;
}

type Body = Question | CasePart;

/** Fields of one item that depend on the question's type, in the variant's printed letters. */
function answerFields(body: Body, placed: { optionOrder?: number[]; scoring?: ScoringPoints }): Pick<KeyItem, 'answer' | 'options' | 'blanks' | 'scoring'> {
  switch (body.type) {
    case 'single':
    case 'multiple': {
      const order = placed.optionOrder ?? body.options.map((_, i) => i);
      return {
        answer: body.answer.map((original) => indexToLetter(order.indexOf(original))).sort().join(''),
        options: order.map(indexToLetter).join(''),
      };
    }
    case 'truefalse':
      return { answer: body.answer ? 'true' : 'false' };
    case 'fill':
      return { blanks: body.answers.map((variants) => [...variants]) };
    case 'short':
      return { scoring: (placed.scoring ?? body.scoring).map((s) => ({ point: s.point, points: s.points })) };
    default:
      return {};
  }
}

function variantKey(variant: ExamVariant): KeyVariant {
  let number = 0;
  const items: KeyItem[] = [];
  const sections = variant.sections.map((section) => {
    const keys: string[] = [];
    for (const item of section.items) {
      number++;
      const { question } = item;
      const ref = `${question.id}@${question.rev}`;
      if (question.type === 'case') {
        question.parts.forEach((part, p) => {
          const placed = item.parts?.[p] ?? { points: part.points };
          const key = itemKey(number, p + 1);
          keys.push(key);
          items.push({ key, number, part: p + 1, ref, type: part.type, points: placed.points, ...answerFields(part, placed) });
        });
      } else {
        const key = itemKey(number);
        keys.push(key);
        items.push({ key, number, ref, type: question.type, points: item.points, ...answerFields(question, item) });
      }
    }
    return { heading: section.heading, points: section.points, items: keys };
  });
  return { label: variant.label, sections, items };
}

/**
 * Returns the `key.json` of an exam run: every variant's items in paper order, case parts as
 * items of their own (`38(2)`), objective answers in that variant's printed letters with the
 * printed → bank letter map, fill-in accepted answers and short-answer scoring points.
 * Pure data; the CLI writes it next to the PDFs.
 * @example examToKeyFile(exam, { runId: 'quiz-bank-1.0.0-seed-7' }).variants[0].items[0]
 * // => { key: '1', number: 1, ref: 'com-001@1', type: 'single', points: 2, answer: 'C', options: 'BDAC' }
 */
export function examToKeyFile(exam: Exam, { runId, multipleScoring = 'all-or-nothing' }: KeyFileOptions): KeyFile {
  return {
    trainbook: 1,
    runId,
    title: exam.title,
    bank: { title: exam.bankTitle, version: exam.bankVersion },
    seed: exam.seed,
    multipleScoring,
    totalPoints: exam.totalPoints,
    passMark: exam.passMark,
    variants: exam.variants.map(variantKey),
  };
}
