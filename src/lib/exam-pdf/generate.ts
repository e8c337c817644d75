import { createError, type Diagnostic } from '../diagnostics/index.ts';
import type { Exam, ExamItem } from '../exam/index.ts';
import type { CasePart, Question } from '../questions/index.ts';
import { subsetFontForText, type FontSet } from './fonts.ts';
import type { ExamImage } from './images.ts';
import { prepareFont } from './prepared-font.ts';
import { layoutKey } from './layout-key.ts';
import { layoutPaper } from './layout-paper.ts';
import { layoutSheet } from './layout-sheet.ts';
import type { LaidOutDocument } from './layout-types.ts';
import { renderPdf } from './render.ts';

export type DocumentKind = 'paper' | 'key' | 'sheet';
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['paper', 'key', 'sheet'];

/** One PDF of a run: `paper-A.pdf`, `key-A.pdf`, `sheet-A.pdf`, … */
export interface ExamFile {
  name: string;
  kind: DocumentKind;
  variant: string;
  bytes: Uint8Array;
  document: LaidOutDocument;
}

const LAYOUT = { paper: layoutPaper, key: layoutKey, sheet: layoutSheet } as const;

function textsOf(body: Question | CasePart): string[] {
  const texts = [body.stem, body.explanation ?? ''];
  if (body.type === 'single' || body.type === 'multiple') texts.push(...body.options.map((o) => o.text));
  if (body.type === 'fill') texts.push(...body.answers.flat());
  if (body.type === 'short') texts.push(body.reference, ...body.scoring.map((s) => s.point));
  if (body.type === 'case') for (const part of body.parts) texts.push(...textsOf(part));
  return texts;
}

/**
 * Returns a diagnostic for every character of the exam's questions the font cannot draw,
 * naming the question: a PDF would otherwise show an empty box where the character should be.
 */
export function checkGlyphs(exam: Exam, fonts: FontSet): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const items: ExamItem[] = exam.variants[0]?.sections.flatMap((s) => s.items) ?? [];
  for (const { question } of items) {
    for (const char of fonts.missingGlyphs(textsOf(question).join(''))) {
      if (seen.has(`${question.id}${char}`)) continue;
      seen.add(`${question.id}${char}`);
      const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      diagnostics.push(createError(question.file, question.place, 'exam/missing-glyph', `Unexpected character \`${char}\` (${code}) in \`${question.id}\`, expected characters the PDF font (Noto Sans SC) has`, 'replace the character (e.g. a rare variant with its common form) or describe it in words.'));
    }
  }
  const headings = exam.variants[0]?.sections.map((s) => s.heading).join('') ?? '';
  for (const char of fonts.missingGlyphs(`${exam.title}${exam.organization}${exam.instructions.join('')}${headings}`)) {
    diagnostics.push(createError(exam.blueprintFile, undefined, 'exam/missing-glyph', `Unexpected character \`${char}\` in the blueprint’s title, instructions or section headings, expected characters the PDF font has`, 'replace the character.'));
  }
  return diagnostics;
}

function textOf(documents: LaidOutDocument[]): string {
  const text: string[] = [];
  for (const document of documents) for (const page of document.pages) for (const op of page.ops) if (op.type === 'text') text.push(op.text);
  return text.join('');
}

/**
 * Returns every PDF of a run: for each variant a paper, an answer key and an answer sheet.
 * Fonts are subset once per kind of document (all variants share the characters), which is
 * what keeps 20 variants fast.
 */
export async function generateExamFiles(
  exam: Exam,
  fonts: FontSet,
  {
    kinds = DOCUMENT_KINDS,
    onProgress,
    images = new Map(),
  }: { kinds?: readonly DocumentKind[]; onProgress?: (done: number, total: number) => void; images?: ReadonlyMap<string, ExamImage> } = {},
): Promise<{ files: ExamFile[]; diagnostics: Diagnostic[] }> {
  const diagnostics = checkGlyphs(exam, fonts);
  if (diagnostics.length) return { files: [], diagnostics };
  const metrics: FontSet = { ...fonts, imageSize: (src) => images.get(src) };
  const files: ExamFile[] = [];
  const total = kinds.length * exam.variants.length;
  for (const kind of kinds) {
    const documents = exam.variants.map((variant) => ({ variant, document: LAYOUT[kind](exam, variant, metrics) }));
    const text = textOf(documents.map((d) => d.document));
    const font = prepareFont(await subsetFontForText(fonts.file, text), text, 'NotoSansSC-Regular');
    for (const { variant, document } of documents) {
      const bytes = await renderPdf(document, {
        font,
        images,
        subject: `${exam.bankTitle} ${exam.bankVersion} · seed ${exam.seed}`,
        keywords: [`bank:${exam.bankVersion}`, `seed:${exam.seed}`, `variant:${variant.label}`],
      });
      files.push({ name: `${kind}-${variant.label}.pdf`, kind, variant: variant.label, bytes, document });
      onProgress?.(files.length, total);
    }
  }
  return { files, diagnostics: [] };
}
