import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { hasErrors } from '../../src/lib/diagnostics/index.ts';
import { createManifest, examToKeyFile, runFolderName, type Exam, type RunCandidate } from '../../src/lib/exam/index.ts';
import { generateExamFiles, markdownToPlainText, readImage, type ExamImage } from '../../src/lib/exam-pdf/index.ts';
import { loadExamFont } from '../exam-font.ts';
import { createProgressBar } from '../progress-bar.ts';
import { fail, runFolder, writeRun } from './output.ts';

/** Reads the PNG and JPEG images the exam's questions show; other formats print as their alt text. */
async function loadExamImages(exam: Exam, bankDir: string): Promise<Map<string, ExamImage>> {
  const images = new Map<string, ExamImage>();
  const stems = exam.variants[0]!.sections.flatMap((s) => s.items).flatMap(({ question }) => [question.stem, ...(question.type === 'case' ? question.parts.map((p) => p.stem) : [])]);
  for (const { src } of stems.flatMap((stem) => markdownToPlainText(stem).images)) {
    if (images.has(src) || /^[a-z]+:/i.test(src)) continue;
    const image = readImage(new Uint8Array(await readFile(path.join(bankDir, src))));
    if (image) images.set(src, image);
    else console.error(`note: ${src} is not PNG or JPEG; the paper shows its description instead.`);
  }
  return images;
}

export interface ExamRun {
  /** The blueprint's file name without `.yaml`: the run folder's name starts with it. */
  blueprintName: string;
  outRoot: string;
  bankDir: string;
  lang: string;
  candidates?: RunCandidate[];
}

/**
 * Renders every file of an exam run (PDFs, manifest.json, key.json, layout.json) and writes the run's
 * folder atomically inside `outRoot`; returns the folder, or undefined after printing errors.
 */
export async function writeExamRun(exam: Exam, run: ExamRun): Promise<string | undefined> {
  const runId = runFolderName(run.blueprintName, exam.bankVersion, exam.seed);
  const folder = runFolder(run.outRoot, runId);
  const fonts = await loadExamFont();
  const images = await loadExamImages(exam, run.bankDir);
  const generated = await generateExamFiles(exam, fonts, { runId, candidates: run.candidates, lang: run.lang, onProgress: createProgressBar('rendering PDFs'), images });
  if (hasErrors(generated.diagnostics)) {
    fail(generated.diagnostics, 'no exam made');
    return undefined;
  }
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  const files: { name: string; bytes: Uint8Array | string }[] = generated.files.map((f) => ({ name: f.name, bytes: f.bytes }));
  files.push({ name: 'manifest.json', bytes: json(createManifest(exam, { runId, lang: run.lang, candidates: run.candidates })) });
  files.push({ name: 'key.json', bytes: json(examToKeyFile(exam, { runId, multipleScoring: exam.multipleScoring })) });
  if (generated.layout) files.push({ name: 'layout.json', bytes: json(generated.layout) });
  await writeRun(folder, files);
  return folder;
}
