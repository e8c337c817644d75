import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createError, createWarning, formatDiagnostics, type Diagnostic } from '../src/lib/diagnostics/index.ts';
import type { KeyFile, LayoutFile, RunCandidate } from '../src/lib/exam/index.ts';
import { listScanFiles, nameCrop, responsesTable, reviewImage, scanReport, scanRun, type ScanResult } from '../src/lib/scan/index.ts';
import { csvBytes, workbookBytes } from '../src/lib/spreadsheet/index.ts';
import { assertOutputTarget, commitStagingDir, listProtectedFolders, prepareStagingDir } from '../src/lib/output/index.ts';
import { loadProjectConfig } from './project-config.ts';
import { formatDuration, parseCommandLine, runMain, UsageError } from './cli.ts';

const USAGE = `Usage: npm run scan -- <run-folder> <scans.pdf | folder of PDF/PNG/JPEG/TIFF> … [--out DIR] [--dpi 200]

Reads scanned answer sheets of a printed run: identifies every page by its QR code, reads each
bubble and the 工号 grid, and writes into DIR (default <run-folder>/scan/):
  responses.csv, responses.xlsx   the answers, in the format \`npm run mark -- --responses\` reads
  scan.json                       every bubble's darkness and decision, every page's fate
  review/                         each page with the marks ringed (red = look at this) and name crops
A mark the scanner is unsure of, or two marks in a single-choice question, is written as \`?\` plus
what was seen (e.g. \`?AC\`): look at the review image and type the answer before marking.
  --dpi   resolution for PDF pages that are not one scanned image (default 200)`;

/** What a scan of a run produced, for `npm run scan` and `npm run mark -- --scans`. */
export interface ScanOutcome {
  out: string;
  result: ScanResult;
  diagnostics: Diagnostic[];
  seconds: number;
}

/**
 * Scans `inputs` for the run in `runFolder` and writes responses, scan.json and review images into
 * `out`; returns undefined (after printing why) when the run cannot be scanned.
 */
export async function scanInto(runFolder: string, inputs: readonly string[], out: string, dpi = 200): Promise<ScanOutcome | undefined> {
  const run = await loadRun(runFolder);
  if ('diagnostics' in run) {
    console.error(formatDiagnostics(run.diagnostics));
    return undefined;
  }
  const files: string[] = [];
  for (const input of inputs) {
    try {
      files.push(...(await listScanFiles(input)));
    } catch {
      throw new UsageError(`'${input}' does not exist`);
    }
  }
  if (files.length === 0) throw new UsageError(`no PDF or image files in ${inputs.join(', ')}`);
  const started = performance.now();
  const result = await scanRun({ ...run, files, dpi, onPage: (n) => process.stderr.isTTY && process.stderr.write(`\rreading page ${n} …`) });
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  await writeOutputs(out, result, run.key);
  return { out, result, diagnostics: diagnosticsOf(result, out), seconds: (performance.now() - started) / 1000 };
}

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, { out: { type: 'string' }, dpi: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [runFolder, ...inputs] = positionals;
  if (!runFolder || inputs.length === 0) throw new UsageError('give the run folder and at least one scan (a PDF, an image or a folder of them)');
  const dpi = values.dpi === undefined ? 200 : Number(values.dpi);
  if (!Number.isInteger(dpi) || dpi < 100 || dpi > 600) throw new UsageError('`--dpi` takes a whole number from 100 to 600');

  const out = path.resolve(values.out ?? path.join(runFolder, 'scan'));
  // `--out` may name any folder: never one of the project's sources or a folder of someone else's files.
  await assertOutputTarget(out, { protect: listProtectedFolders(loadProjectConfig()), isEarlierOutput: (names) => names.includes('scan.json') });
  const outcome = await scanInto(runFolder, inputs, out, dpi);
  if (!outcome) return 1;
  const { result, diagnostics } = outcome;
  const pagesRead = result.pages.filter((p) => p.status === 'read').length;
  if (diagnostics.length) console.error(formatDiagnostics(diagnostics));
  console.log(
    `${diagnostics.length ? '\n' : ''}Read ${pagesRead} of ${result.pages.length} page(s): ${result.sheets.length} sheet(s) in ${formatDuration(outcome.seconds * 1000)}.\n` +
      `Wrote ${path.relative(process.cwd(), out) || '.'}/responses.xlsx, responses.csv, scan.json and review/.`,
  );
  return diagnostics.length ? 1 : 0;
}

async function loadRun(runFolder: string): Promise<{ layout: LayoutFile; key: KeyFile; roster?: RunCandidate[] } | { diagnostics: Diagnostic[] }> {
  const read = async (name: string) => {
    const file = path.join(runFolder, name);
    try {
      return JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      return { error: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable' };
    }
  };
  const info = await stat(runFolder).catch(() => undefined);
  if (!info?.isDirectory()) return { diagnostics: [createError(runFolder, undefined, 'scan/no-run', 'not a run folder', 'give the folder `npm run exam` printed, e.g. exams/<blueprint>-bank-<version>-seed-<seed>')] };
  const [layout, key, manifest] = await Promise.all([read('layout.json'), read('key.json'), read('manifest.json')]);
  const diagnostics: Diagnostic[] = [];
  for (const [name, value] of [['layout.json', layout], ['key.json', key]] as const) {
    if (value.error) diagnostics.push(createError(path.join(runFolder, name), undefined, 'scan/run-file', `${name} is ${value.error}`, 'the run was printed by an older trainbook or the folder is incomplete: print the run again with `npm run exam` (same blueprint, seed and bank version give the same papers)'));
  }
  if (diagnostics.length) return { diagnostics };
  return { layout, key, roster: Array.isArray(manifest.candidates) ? manifest.candidates : undefined };
}

async function writeOutputs(out: string, result: ScanResult, key: KeyFile) {
  const staging = await prepareStagingDir(out);
  try {
    await fillStaging(staging, result, key);
    await commitStagingDir(staging, out);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function fillStaging(staging: string, result: ScanResult, key: KeyFile) {
  await mkdir(path.join(staging, 'review', 'names'), { recursive: true });
  const table = responsesTable(result, key);
  await writeFile(path.join(staging, 'responses.csv'), csvBytes(table.header, table.rows));
  await writeFile(path.join(staging, 'responses.xlsx'), await workbookBytes([{ name: '作答', columns: table.header.map((header) => ({ header })), rows: table.rows }]));
  await writeFile(path.join(staging, 'scan.json'), `${JSON.stringify(scanReport(result), null, 1)}\n`);
  for (const [index, sheet] of result.sheets.entries()) {
    const name = `${String(index + 1).padStart(3, '0')}-${safeName(sheet.candidateId ?? 'unidentified')}`;
    for (const [pageIndex, page] of sheet.pages.entries()) {
      await writeFile(path.join(staging, 'review', `${name}-p${page.qr.page}.jpg`), await reviewImage(sheet, pageIndex));
    }
    const crop = await nameCrop(sheet);
    if (crop) await writeFile(path.join(staging, 'review', 'names', `${name}.png`), crop);
  }
}

/** Every issue and every flagged question as a diagnostic on the scan file and page it concerns. */
function diagnosticsOf(result: ScanResult, out: string): Diagnostic[] {
  const review = path.relative(process.cwd(), path.join(out, 'review'));
  const diagnostics = result.issues.map((issue) =>
    createError(issue.source?.file ?? '(scans)', issue.source ? { page: issue.source.page } : undefined, `scan/${issue.kind}`, issue.message, noteFor(issue.kind)),
  );
  for (const sheet of result.sheets) {
    for (const reading of sheet.readings.filter((r) => r.flag)) {
      const page = sheet.pages[0]!.source;
      const what = reading.flag === 'multiple-marks' ? `two or more marks (${reading.answer}) in single-answer question ${reading.item}` : `an unclear mark in question ${reading.item}`;
      diagnostics.push(
        createWarning(page.file, { page: page.page }, `scan/${reading.flag}`, `${sheet.candidateId ?? 'unidentified candidate'}: ${what}`, `look at ${review}/ and type the answer over \`?${reading.answer}\` in responses.xlsx`),
      );
    }
  }
  return diagnostics;
}

function noteFor(kind: string): string | undefined {
  switch (kind) {
    case 'no-qr':
      return 'if this is a sheet, its QR code is damaged: mark it by hand and add its row to responses.xlsx';
    case 'other-run':
      return 'scan it with its own run folder';
    case 'unregistered':
      return 'scan the page again, flat and whole';
    case 'missing-page':
      return 'find the page and scan it, or type its answers into responses.xlsx';
    case 'duplicate-page':
      return 'nothing to do if it is the same sheet scanned twice';
    case 'unidentified':
      return 'read the name in review/names/ and type the 工号 in responses.xlsx';
    default:
      return undefined;
  }
}

function safeName(text: string): string {
  return text.replace(/[^\p{L}\p{N}_-]+/gu, '_');
}

if (import.meta.main) process.exitCode = await runMain(main, USAGE);
