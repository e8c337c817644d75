import { prepareFont, renderPdf, subsetFontForText, type FontSet, type LaidOutDocument } from '../exam-pdf/index.ts';
import { csvBytes, plainWorkbookBytes } from '../spreadsheet/index.ts';
import { layoutReport } from './layout-report.ts';
import { layoutTranscripts } from './layout-transcripts.ts';
import type { MarkedRun } from './mark-run.ts';
import { resultsSheet } from './results-table.ts';

/** One file of `<run>/results/`. */
export interface ResultFile {
  name: string;
  bytes: Uint8Array;
}

/** Returns every character the documents print, once each: the font subset needs no more. */
function charactersOf(documents: LaidOutDocument[]): string {
  const characters = new Set<string>();
  for (const document of documents) for (const page of document.pages) for (const op of page.ops) if (op.type === 'text') for (const ch of op.text) characters.add(ch);
  return [...characters].sort().join('');
}

/**
 * Returns the files of `<run>/results/`: results.xlsx and results.csv, report.pdf (class
 * report and item analysis) and candidates.pdf (one 成绩单 per candidate). Both PDFs share one
 * font subset, prepared once. `transcripts: false` leaves out candidates.pdf (the bench times it apart).
 */
export async function renderResults(run: MarkedRun, fonts: FontSet, { transcripts = true }: { transcripts?: boolean } = {}): Promise<ResultFile[]> {
  const sheet = resultsSheet(run.marking, run.course);
  const report = layoutReport(run.report, fonts);
  const pages = transcripts ? layoutTranscripts(run.marking, fonts, run.transcriptCourse) : undefined;
  const text = charactersOf(pages ? [report, pages] : [report]);
  const font = prepareFont(await subsetFontForText(fonts.file, text), text, 'NotoSansSC-Regular');
  const files: ResultFile[] = [
    { name: 'results.xlsx', bytes: new Uint8Array(plainWorkbookBytes(sheet)) },
    { name: 'results.csv', bytes: new Uint8Array(csvBytes(sheet.columns.map((c) => c.header), sheet.rows)) },
    { name: 'report.pdf', bytes: await renderPdf(report, { font, subject: report.title, keywords: ['report', run.marking.key.runId] }) },
  ];
  if (pages) files.push({ name: 'candidates.pdf', bytes: await renderPdf(pages, { font, subject: pages.title, keywords: ['transcripts', run.marking.key.runId] }) });
  return files;
}
