import type { Exam, RunCandidate } from '../../src/lib/exam/index.ts';
import { indexToLetter } from '../../src/lib/questions/index.ts';

/** Returns the `--dry-run` text: every variant's questions with `id@rev` and option order, and the roster's variants. */
export function describeSelection(exam: Exam, candidates: readonly RunCandidate[] = []): string {
  const lines = [`${exam.title} · bank ${exam.bankVersion} · seed ${exam.seed}`];
  for (const variant of exam.variants) {
    lines.push(`\n${variant.label} 卷`);
    let number = 0;
    for (const section of variant.sections) {
      lines.push(`  ${section.heading} (${section.items.length} × ${section.pointsEach ?? 'varied'} = ${section.points} points)`);
      for (const item of section.items) {
        const order = item.optionOrder ? `  options ${item.optionOrder.map(indexToLetter).join('')}` : '';
        lines.push(`    ${String(++number).padStart(2)}. ${item.question.id}@${item.question.rev}  ${item.question.module}  d${item.question.difficulty}${order}`);
      }
    }
  }
  if (candidates.length) {
    lines.push('\nCandidates');
    for (const c of candidates) lines.push(`  ${c.variant}  ${c.id}  ${c.name}  ${c.department}`);
  }
  return lines.join('\n');
}
