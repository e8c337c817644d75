import { indexToLetter, type CasePart, type Question } from '../questions/index.ts';
import type { Exam, ExamPart } from './exam.ts';
import { itemKey, type KeyFile, type KeyItem, type KeyVariant } from './run-files.ts';

type Placed = { optionOrder?: number[]; points: number; scoring?: { point: string; points: number }[] };

/** Returns the key of one question or case part in the variant's printed letters. */
function keyItem(body: Question | CasePart, placed: Placed, number: number, ref: string, part?: number): KeyItem | undefined {
  if (body.type === 'case') return undefined;
  const base = { key: itemKey(number, part), number, ...(part !== undefined ? { part } : {}), ref, type: body.type, points: placed.points };
  switch (body.type) {
    case 'single':
    case 'multiple': {
      const order = placed.optionOrder ?? body.options.map((_, i) => i);
      const answer = body.answer.map((original) => indexToLetter(order.indexOf(original))).sort().join('');
      return { ...base, answer, options: order.map(indexToLetter).join('') };
    }
    case 'truefalse':
      return { ...base, answer: body.answer ? 'true' : 'false' };
    case 'fill':
      return { ...base, blanks: body.answers.map((accepted) => [...accepted]) };
    case 'short':
      return { ...base, scoring: (placed.scoring ?? body.scoring).map((s) => ({ point: s.point, points: s.points })) };
  }
}

/** Returns `key.json` of a run: every variant's answers per item (case parts separately), in printed letters. */
export function createKeyFile(exam: Exam, runId: string): KeyFile {
  const variants: KeyVariant[] = exam.variants.map((variant) => {
    let number = 0;
    const items: KeyItem[] = [];
    const sections = variant.sections.map((section) => {
      const keys: string[] = [];
      for (const item of section.items) {
        number += 1;
        const ref = `${item.question.id}@${item.question.rev}`;
        const entries =
          item.question.type === 'case'
            ? item.question.parts.map((part, p) => keyItem(part, item.parts?.[p] ?? ({ points: part.points } as ExamPart), number, ref, p + 1))
            : [keyItem(item.question, item, number, ref)];
        for (const entry of entries) if (entry) (items.push(entry), keys.push(entry.key));
      }
      return { heading: section.heading, points: section.points, items: keys };
    });
    return { label: variant.label, sections, items };
  });
  return {
    trainbook: 1,
    runId,
    title: exam.title,
    bank: { title: exam.bankTitle, version: exam.bankVersion },
    seed: exam.seed,
    multipleScoring: exam.multipleScoring,
    totalPoints: exam.totalPoints,
    passMark: exam.passMark,
    variants,
  };
}
