import { fingerprintQuestion } from '../bank/index.ts';
import { createError, type Diagnostic } from '../diagnostics/index.ts';
import { indexToLetter } from '../questions/index.ts';
import { parseYamlSource, zodIssuesToDiagnostics } from '../yaml/index.ts';
import { z } from '../z.ts';
import type { Exam } from './exam.ts';
import { SEED_PATTERN, VERSION_PATTERN } from './run-name.ts';
import type { RunCandidate } from './run-files.ts';

const LETTERS = /^[A-Z]{1,26}$/;
const REF = /^[\w-]+@\d+$/;

const ManifestItemSchema = z.strictObject({
  number: z.number().int().positive(),
  ref: z.string().regex(REF).describe('`id@rev` of the question'),
  /** Content hash of the question as printed, so a later run can prove nothing changed. */
  hash: z.string().regex(/^[0-9a-f]{8,128}$/),
  points: z.number().positive(),
  /** Original option letters in the order printed, e.g. `CADB` means printed A is the bank's C. */
  options: z.string().regex(LETTERS).optional(),
  parts: z.array(z.strictObject({ points: z.number().positive(), options: z.string().regex(LETTERS).optional() })).optional(),
});

const CandidateSchema = z.strictObject({
  id: z.string().min(1).regex(/^[^;\s]+$/),
  name: z.string().min(1),
  department: z.string(),
  variant: z.string().regex(/^[A-Z]$/),
});

/**
 * `manifest.json`: what a run wrote, enough to trace and to regenerate every paper. Read back by
 * `exam --manifest` through this schema, so a hand-edited or foreign file is refused with the
 * field that is wrong; seed and bank version obey the same rules as on the command line.
 */
export const ManifestSchema = z.strictObject({
  trainbook: z.literal(1),
  /** The run folder's name, printed on sheets and in their QR codes. */
  runId: z.string().min(1).optional(),
  title: z.string(),
  blueprint: z.strictObject({ file: z.string().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  bank: z.strictObject({ title: z.string(), version: z.string().regex(VERSION_PATTERN).describe('bank version like `1.2.0`') }),
  seed: z.string().regex(SEED_PATTERN).describe('letters, digits, `.`, `_` and `-`, as on the command line'),
  /** Print language of the run (`zh-CN` when absent). */
  lang: z.enum(['zh-CN', 'en']).optional(),
  variants: z
    .array(
      z.strictObject({
        label: z.string().regex(/^[A-Z]$/),
        /** `id@rev` of every question in paper order. */
        questions: z.array(z.string().regex(REF)),
        sections: z.array(z.strictObject({ heading: z.string(), points: z.number().positive(), items: z.array(ManifestItemSchema).min(1) })).min(1),
      }),
    )
    .min(1)
    .max(26),
  /** Candidates of a roster run, in roster order, with their variants. */
  candidates: z.array(CandidateSchema).optional(),
});
export type ExamManifest = z.output<typeof ManifestSchema>;

/** Returns a validated manifest from the text of a manifest.json, or diagnostics with line and column. */
export function parseManifest(text: string, file: string): { manifest?: ExamManifest; diagnostics: Diagnostic[] } {
  // JSON is YAML, and the YAML reader gives every value a line and column.
  const source = parseYamlSource(text, file);
  if (source.diagnostics.length) return { diagnostics: source.diagnostics.map((d) => ({ ...d, ruleId: 'manifest/syntax' })) };
  const result = ManifestSchema.safeParse(source.value);
  if (!result.success) return { diagnostics: zodIssuesToDiagnostics(result.error.issues, source.value, ManifestSchema, source, file, { namespace: 'manifest' }) };
  const labels = result.data.variants.map((v) => v.label);
  const unknown = (result.data.candidates ?? []).findIndex((c) => !labels.includes(c.variant));
  if (unknown >= 0) {
    const variant = result.data.candidates![unknown]!.variant;
    return { diagnostics: [createError(file, source.placeOf(['candidates', unknown, 'variant']), 'manifest/unknown-variant', `Unexpected variant \`${variant}\`, expected one of ${labels.map((l) => `\`${l}\``).join(', ')}`, 'use the manifest.json the run wrote, unedited.')] };
  }
  return { manifest: result.data, diagnostics: [] };
}

const lettersOf = (order?: number[]) => (order ? order.map(indexToLetter).join('') : undefined);

/** Returns the manifest of an exam (pure data; the CLI writes it as `manifest.json`). */
export function createManifest(exam: Exam, run: { runId?: string; lang?: string; candidates?: readonly RunCandidate[] } = {}): ExamManifest {
  return {
    trainbook: 1,
    ...(run.runId ? { runId: run.runId } : {}),
    title: exam.title,
    blueprint: { file: exam.blueprintFile, sha256: exam.blueprintHash },
    bank: { title: exam.bankTitle, version: exam.bankVersion },
    seed: exam.seed,
    ...(run.lang && run.lang !== 'zh-CN' ? { lang: run.lang as 'en' } : {}),
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
    ...(run.candidates?.length ? { candidates: run.candidates.map((c) => ({ ...c })) } : {}),
  };
}
