import { fingerprintQuestion } from '../bank/index.ts';
import { letterToIndex, type QuestionBank } from '../questions/index.ts';
import { scaleScoring } from './points.ts';
import { examHeaderOf, type Exam, type ExamItem, type ExamSection } from './exam.ts';
import type { ExamManifest } from './manifest.ts';
import type { ParsedBlueprint } from './parse-blueprint.ts';

const toOrder = (letters?: string) => (letters ? [...letters].map(letterToIndex) : undefined);

/**
 * Returns the exam a manifest describes, rebuilt from the bank without drawing anything again,
 * so it prints byte-identically; or the list of reasons it cannot be: a changed blueprint, or
 * questions whose revision or content differ from what was printed.
 */
export function examFromManifest(manifest: ExamManifest, bank: QuestionBank, { blueprint, file, hash }: ParsedBlueprint): { exam?: Exam; problems: string[] } {
  const problems: string[] = [];
  if (hash !== manifest.blueprint.sha256) problems.push(`blueprint ${file} changed since the run (sha256 ${manifest.blueprint.sha256.slice(0, 12)}… → ${hash.slice(0, 12)}…)`);
  const seen = new Set<string>();
  for (const item of manifest.variants.flatMap((v) => v.sections.flatMap((s) => s.items))) {
    if (seen.has(item.ref)) continue;
    seen.add(item.ref);
    const [id, rev] = item.ref.split('@') as [string, string];
    const question = bank.byId.get(id);
    if (!question) problems.push(`${item.ref}: no longer in the bank`);
    else if (question.rev !== Number(rev)) problems.push(`${item.ref}: now rev ${question.rev}`);
    else if (fingerprintQuestion(question) !== item.hash) problems.push(`${item.ref}: content changed without a new rev`);
  }
  if (problems.length) return { problems };

  const exam: Exam = {
    ...examHeaderOf(blueprint),
    bankTitle: manifest.bank.title,
    bankVersion: manifest.bank.version,
    seed: manifest.seed,
    blueprintFile: manifest.blueprint.file,
    blueprintHash: manifest.blueprint.sha256,
    variants: manifest.variants.map((variant) => ({
      label: variant.label,
      sections: variant.sections.map((section, s): ExamSection => {
        const items = section.items.map((entry): ExamItem => {
          const question = bank.byId.get(entry.ref.split('@')[0]!)!;
          const item: ExamItem = { question, points: entry.points };
          if (entry.options) item.optionOrder = toOrder(entry.options);
          if (question.type === 'short') item.scoring = scaleScoring(question.scoring, entry.points);
          if (question.type === 'case') {
            item.parts = question.parts.map((part, p) => {
              const placed = entry.parts![p]!;
              return {
                points: placed.points,
                ...(placed.options ? { optionOrder: toOrder(placed.options) } : {}),
                ...(part.type === 'short' ? { scoring: scaleScoring(part.scoring, placed.points) } : {}),
              };
            });
          }
          return item;
        });
        const uniform = new Set(items.map((i) => i.points)).size === 1;
        return { heading: section.heading, type: blueprint.sections[s]!.type, ...(uniform ? { pointsEach: items[0]!.points } : {}), points: section.points, items };
      }),
    })),
  };
  return { exam, problems };
}
