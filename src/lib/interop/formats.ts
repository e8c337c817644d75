import path from 'node:path';
import type { Diagnostic } from '../diagnostics/index.ts';
import type { Question } from '../questions/index.ts';
import { readSpreadsheet } from '../spreadsheet/index.ts';
import type { QuestionDraft, SkippedQuestion } from './draft.ts';
import type { EmbeddedImage } from './images.ts';
import { instructionsSheet, questionsToSheet, sheetToDrafts } from './spreadsheet.ts';

/** Formats `npm run export` writes. */
export const EXPORT_FORMATS = ['xlsx', 'csv', 'moodle-xml', 'gift'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The file extension of each export format. */
export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = { xlsx: '.xlsx', csv: '.csv', 'moodle-xml': '.xml', gift: '.gift' };

/** What an export needs besides the questions. */
export interface ExportContext {
  /** The bank's version, e.g. `1.2.0`: LMS categories are `trainbook/<version>/<module>`. */
  bankVersion: string;
  /** Returns an image's bytes from its bank path (`assets/x.png`), or undefined when missing. */
  readImage: (ref: string) => Promise<Uint8Array | undefined>;
}

/** An export's bytes and what the format could not hold. */
export interface ExportResult {
  bytes: Buffer;
  /** Questions written. */
  count: number;
  skipped: SkippedQuestion[];
  /** What the format changed, one line per kind, e.g. "3 fill questions: points became 3 (one per blank)". */
  notes: string[];
}

/** Returns the bank's questions in one format. */
export async function exportQuestions(questions: readonly Question[], format: ExportFormat, context: ExportContext): Promise<ExportResult> {
  switch (format) {
    case 'xlsx': {
      const { workbookBytes } = await import('../spreadsheet/index.ts');
      return { bytes: await workbookBytes([questionsToSheet(questions), instructionsSheet()]), count: questions.length, skipped: [], notes: [] };
    }
    case 'csv': {
      const { csvBytes } = await import('../spreadsheet/index.ts');
      const sheet = questionsToSheet(questions);
      return { bytes: csvBytes(sheet.columns.map((c) => c.header), sheet.rows), count: questions.length, skipped: [], notes: [] };
    }
    case 'moodle-xml': {
      const { questionsToMoodleXml } = await import('./moodle-xml.ts');
      return questionsToMoodleXml(questions, context);
    }
    case 'gift': {
      const { questionsToGift } = await import('./gift.ts');
      return questionsToGift(questions, context);
    }
  }
}

/** What an import file holds: drafts, images to add to the bank, questions it cannot take, problems. */
export interface ImportRead {
  drafts: QuestionDraft[];
  images: EmbeddedImage[];
  skipped: SkippedQuestion[];
  diagnostics: Diagnostic[];
}

/** What an import needs to know about the project. */
export interface ImportContext {
  /** The module for questions whose source names none (`--module`). */
  module?: string;
  /** Modules of the course: LMS categories naming one put their questions there. */
  modules: readonly string[];
}

/**
 * Reads questions from a spreadsheet (`.xlsx`, `.csv`), Moodle XML (`.xml`) or GIFT (`.gift`, `.txt`).
 * `displayName` is the path used in messages.
 */
export async function readImportFile(file: string, displayName: string, context: ImportContext): Promise<ImportRead> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xml' || ext === '.gift' || ext === '.txt') {
    const { readFile } = await import('node:fs/promises');
    const { decodeUtf8 } = await import('../encoding/index.ts');
    const { createError } = await import('../diagnostics/index.ts');
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return { drafts: [], images: [], skipped: [], diagnostics: [createError(displayName, undefined, 'interop/unreadable', code === 'ENOENT' ? 'file not found' : `cannot read the file (${code})`, 'give the path of a .xlsx, .csv, .xml or .gift file')] };
    }
    const decoded = decodeUtf8(bytes);
    if (!decoded.ok) return { drafts: [], images: [], skipped: [], diagnostics: [createError(displayName, undefined, 'interop/encoding', decoded.reason, decoded.note)] };
    if (ext === '.xml') {
      const { moodleXmlToDrafts } = await import('./moodle-xml.ts');
      return moodleXmlToDrafts(decoded.text, displayName, context);
    }
    const { giftToDrafts } = await import('./gift.ts');
    return giftToDrafts(decoded.text, displayName, context);
  }
  const read = await readSpreadsheet(file, displayName);
  const result: ImportRead = { drafts: [], images: [], skipped: [], diagnostics: [...read.diagnostics] };
  const sheets = read.tables.filter((t) => t.header.some((h) => /题干|题目|stem/i.test(h)));
  const tables = sheets.length ? sheets : read.tables.slice(0, 1);
  for (const table of tables) {
    const { drafts, diagnostics } = sheetToDrafts(table, context.module, read.tables.length > 1 && tables.length > 1);
    result.drafts.push(...drafts);
    result.diagnostics.push(...diagnostics);
  }
  return result;
}
