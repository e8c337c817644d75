import { createError, type Diagnostic } from '../diagnostics/index.ts';
import type { Exam, ExamItem, LayoutFile, LayoutPage, RunCandidate } from '../exam/index.ts';
import { createExamTranslator, type ExamTranslate } from '../i18n/index.ts';
import type { CasePart, Question } from '../questions/index.ts';
import { subsetFontForText, type FontSet } from './fonts.ts';
import type { ExamImage } from './images.ts';
import { layoutKey, layoutQuickTable } from './layout-key.ts';
import { layoutPaper } from './layout-paper.ts';
import { layoutSheet } from './layout-sheet.ts';
import { pageOps, type LaidOutDocument } from './layout-types.ts';
import { prepareFont } from './prepared-font.ts';
import { renderPdf } from './render.ts';
import { stampSheet } from './sheet-stamp.ts';

export type DocumentKind = 'paper' | 'key' | 'sheet';
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['paper', 'key', 'sheet'];

/** One PDF of a run: `paper-A.pdf`, `key-A.pdf`, `sheet-A.pdf`, or a collated `papers.pdf`, … */
export interface ExamFile {
  name: string;
  kind: DocumentKind;
  /** The variant, or undefined for a collated file of every variant. */
  variant?: string;
  bytes: Uint8Array;
  document: LaidOutDocument;
}

export interface GenerateOptions {
  /** The run folder's name: printed on sheets and carried by their QR codes. */
  runId: string;
  /** Candidates from a roster, each with an assigned variant: one personalised sheet each. */
  candidates?: readonly RunCandidate[];
  /** Print language (`zh-CN` or `en`); default `zh-CN`. */
  lang?: string;
  kinds?: readonly DocumentKind[];
  onProgress?: (done: number, total: number) => void;
  images?: ReadonlyMap<string, ExamImage>;
}

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
export function checkGlyphs(exam: Exam, fonts: FontSet, candidates: readonly RunCandidate[] = []): Diagnostic[] {
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
  for (const candidate of candidates) {
    for (const char of fonts.missingGlyphs(`${candidate.name}${candidate.department}${candidate.id}`)) {
      diagnostics.push(createError('roster', undefined, 'exam/missing-glyph', `Unexpected character \`${char}\` in the roster entry of \`${candidate.id}\`, expected characters the PDF font has`, 'write the name with common characters (a rare character can be written by hand on the sheet).'));
    }
  }
  return diagnostics;
}

function textOf(documents: LaidOutDocument[]): string {
  const text: string[] = [];
  for (const document of documents) for (const page of document.pages) for (const op of pageOps(page)) if (op.type === 'text') text.push(op.text);
  return text.join('');
}

const collate = (title: string, documents: LaidOutDocument[]): LaidOutDocument => ({ kind: documents[0]!.kind, title, pages: documents.flatMap((d) => d.pages) });

interface Planned {
  name: string;
  kind: DocumentKind;
  variant?: string;
  document: LaidOutDocument;
}

/** Lays out the sheets: one blank sheet per variant, one personalised sheet per candidate, and layout.json's pages. */
function planSheets(exam: Exam, fonts: FontSet, t: ExamTranslate, { runId, candidates = [] }: GenerateOptions): { planned: Planned[]; layout: LayoutPage[] } {
  const layout: LayoutPage[] = [];
  const base = new Map(exam.variants.map((variant) => [variant.label, layoutSheet(exam, variant, fonts, t)]));
  const planned: Planned[] = exam.variants.map((variant) => {
    const stamped = stampSheet(base.get(variant.label)!, { runId, variant: variant.label, t, metrics: fonts });
    layout.push(...stamped.layout);
    return { name: `sheet-${variant.label}.pdf`, kind: 'sheet', variant: variant.label, document: stamped.document };
  });
  const personal = candidates.map((candidate) => {
    const stamped = stampSheet(base.get(candidate.variant)!, { runId, variant: candidate.variant, candidate, t, metrics: fonts });
    layout.push(...stamped.layout);
    return stamped.document;
  });
  const collated = personal.length ? personal : planned.map((p) => p.document);
  planned.push({ name: 'sheets.pdf', kind: 'sheet', document: collate(`${exam.title} · ${t('kind.sheet')}`, collated) });
  return { planned, layout };
}

/**
 * Returns every PDF of a run: per variant a paper, an answer key and (with `answers: sheet`) an
 * answer sheet; collated `papers.pdf`, `keys.pdf` (quick table first) and `sheets.pdf` (one
 * personalised sheet per candidate in roster order, or the blank sheets); and layout.json's
 * description of every sheet page. Fonts are subset once per kind of document, which is what
 * keeps 20 variants fast.
 */
export async function generateExamFiles(exam: Exam, fonts: FontSet, options: GenerateOptions): Promise<{ files: ExamFile[]; layout?: LayoutFile; diagnostics: Diagnostic[] }> {
  const { kinds = DOCUMENT_KINDS, onProgress, images = new Map(), lang = 'zh-CN' } = options;
  const diagnostics = checkGlyphs(exam, fonts, options.candidates);
  if (diagnostics.length) return { files: [], diagnostics };
  const t = createExamTranslator(lang);
  const metrics: FontSet = { ...fonts, imageSize: (src) => images.get(src) };
  const byKind = new Map<DocumentKind, Planned[]>();
  let layout: LayoutFile | undefined;
  for (const kind of kinds) {
    if (kind === 'sheet') {
      if (exam.answers !== 'sheet') continue;
      const sheets = planSheets(exam, metrics, t, options);
      layout = { trainbook: 1, runId: options.runId, pages: sheets.layout };
      byKind.set(kind, sheets.planned);
      continue;
    }
    const lay = kind === 'paper' ? layoutPaper : layoutKey;
    const planned: Planned[] = exam.variants.map((variant) => ({ name: `${kind}-${variant.label}.pdf`, kind, variant: variant.label, document: lay(exam, variant, metrics, t) }));
    const collated = planned.map((p) => p.document);
    if (kind === 'key') collated.unshift(layoutQuickTable(exam, metrics, t));
    planned.push({ name: `${kind}s.pdf`, kind, document: collate(`${exam.title} · ${t(`kind.${kind}`)}`, collated) });
    byKind.set(kind, planned);
  }
  const total = [...byKind.values()].reduce((n, list) => n + list.length, 0);
  const files: ExamFile[] = [];
  for (const planned of byKind.values()) {
    const text = textOf(planned.map((p) => p.document));
    const font = prepareFont(await subsetFontForText(fonts.file, text), text, 'NotoSansSC-Regular');
    for (const { name, kind, variant, document } of planned) {
      const bytes = await renderPdf(document, {
        font,
        images,
        language: lang,
        subject: `${exam.bankTitle} ${exam.bankVersion} · seed ${exam.seed}`,
        keywords: [`bank:${exam.bankVersion}`, `seed:${exam.seed}`, ...(variant ? [`variant:${variant}`] : [])],
      });
      files.push({ name, kind, ...(variant ? { variant } : {}), bytes, document });
      onProgress?.(files.length, total);
    }
  }
  return { files, ...(layout ? { layout } : {}), diagnostics: [] };
}
