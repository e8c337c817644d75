import type { KeyFile, LayoutFile, RunCandidate } from '../exam/run-files.ts';
import { readScannedPages } from './acquire.ts';
import { assembleSheets, type ReadPage, type ScanIssue, type ScannedSheet } from './assemble-sheets.ts';
import { readPage, type PageReading } from './read-page.ts';

/** Everything a scan produced: the sheets read, every page's fate and every problem found. */
export interface ScanResult {
  sheets: ScannedSheet[];
  pages: (ReadPage | (Exclude<PageReading, { status: 'read' }> & { source: { file: string; page: number } }))[];
  issues: ScanIssue[];
}

export interface ScanInputs {
  layout: LayoutFile;
  key: KeyFile;
  roster?: readonly RunCandidate[];
  files: readonly string[];
  /** Resolution for PDF pages that must be rendered (not one JPEG per page). */
  dpi?: number;
  /** Called after each page, for a progress line. */
  onPage?: (done: number) => void;
}

/**
 * Reads every page of the scans and puts the run's sheets together. No page is dropped silently:
 * each one ends as part of a sheet or as an issue naming its file and page.
 */
export async function scanRun(inputs: ScanInputs): Promise<ScanResult> {
  const pages: ScanResult['pages'] = [];
  const issues: ScanIssue[] = [];
  let done = 0;
  for await (const scanned of readScannedPages(inputs.files, inputs.dpi)) {
    if (!('image' in scanned)) {
      issues.push({ kind: 'unreadable', source: scanned.page ? { file: scanned.file, page: scanned.page } : undefined, message: scanned.reason });
      continue;
    }
    const source = { file: scanned.file, page: scanned.page };
    const reading = await readPage(scanned.image, inputs.layout);
    pages.push({ ...reading, source });
    if (reading.status !== 'read') issues.push({ kind: reading.status, source, message: reading.reason });
    inputs.onPage?.(++done);
  }
  const read = pages.filter((p): p is ReadPage => p.status === 'read');
  const assembled = assembleSheets(read, inputs.key, inputs.roster);
  return { sheets: assembled.sheets, pages, issues: [...issues, ...assembled.issues] };
}
