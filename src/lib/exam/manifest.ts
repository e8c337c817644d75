import { fingerprintQuestion } from '../bank/index.ts';
import { indexToLetter } from '../questions/index.ts';
import type { Exam } from './exam.ts';

/** What a run wrote, enough to trace and to regenerate every paper. */
export interface ExamManifest {
  trainbook: 1;
  title: string;
  blueprint: { file: string; sha256: string };
  bank: { title: string; version: string };
  seed: string;
  variants: {
    label: string;
    /** `id@rev` of every question in paper order. */
    questions: string[];
    sections: {
      heading: string;
      points: number;
      items: {
        number: number;
        ref: string;
        /** Content hash of the question as printed, so a later run can prove nothing changed. */
        hash: string;
        points: number;
        /** Original option letters in the order printed, e.g. `CADB` means printed A is the bank's C. */
        options?: string;
        parts?: { points: number; options?: string }[];
      }[];
    }[];
  }[];
}

const lettersOf = (order?: number[]) => (order ? order.map(indexToLetter).join('') : undefined);

/** Returns the manifest of an exam (pure data; the CLI writes it as `manifest.json`). */
export function createManifest(exam: Exam): ExamManifest {
  return {
    trainbook: 1,
    title: exam.title,
    blueprint: { file: exam.blueprintFile, sha256: exam.blueprintHash },
    bank: { title: exam.bankTitle, version: exam.bankVersion },
    seed: exam.seed,
    variants: exam.variants.map((variant) => {
      let number = 0;
      const sections = variant.sections.map((section) => ({
        heading: section.heading,
        points: section.points,
        items: section.items.map((item) => ({
          number: ++number,
          ref: `${item.question.id}@${item.question.rev}`,
          hash: fingerprintQuestion(item.question),
          points: item.points,
          ...(item.optionOrder ? { options: lettersOf(item.optionOrder) } : {}),
          ...(item.parts ? { parts: item.parts.map((p) => ({ points: p.points, ...(p.optionOrder ? { options: lettersOf(p.optionOrder) } : {}) })) } : {}),
        })),
      }));
      return { label: variant.label, questions: sections.flatMap((s) => s.items.map((i) => i.ref)), sections };
    }),
  };
}
