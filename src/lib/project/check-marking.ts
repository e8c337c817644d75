import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { TrainbookConfig } from '../config.ts';
import { createError, type Diagnostic } from '../diagnostics/index.ts';
import { readTextFile } from '../encoding/index.ts';
// Direct files, not the marking index: that would load pdf-lib into every `npm run check`.
import { parseAssessment } from '../marking/parse-assessment.ts';
import { statsDiagnostics } from '../marking/stats-check.ts';
import type { StatsFile } from '../marking/stats-file.ts';
import type { QuestionBank } from '../questions/index.ts';

async function listFiles(dir: string, pattern: RegExp): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((f) => pattern.test(f)).sort();
  } catch {
    return [];
  }
}

/** Returns the stats files `mark --record` wrote into `statsDir`, and an error for each unreadable one. */
export async function loadStatsFiles(statsDir: string, rootDir: string): Promise<{ files: StatsFile[]; diagnostics: Diagnostic[] }> {
  const files: StatsFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const name of await listFiles(statsDir, /\.json$/)) {
    const file = path.join(statsDir, name);
    try {
      const parsed = JSON.parse(await readFile(file, 'utf8')) as StatsFile;
      if (parsed.trainbook !== 1 || typeof parsed.items !== 'object' || !parsed.bank?.version) throw new Error('shape');
      files.push(parsed);
    } catch {
      diagnostics.push(createError(path.relative(rootDir, file).split(path.sep).join('/'), undefined, 'stats/unreadable', 'Unexpected content, expected a stats file written by `npm run mark -- <run> --record`', 'restore it from version control or delete it; stats files are not edited by hand.'));
    }
  }
  return { files, diagnostics };
}

/**
 * Returns the problems of the bank's marking files: each course assessment plan in
 * `assessments/` (schema, weights, blueprint and rubric names), unreadable stats files, and
 * warnings on questions whose latest statistics in `stats/` flag them.
 */
export async function checkMarkingFiles(config: TrainbookConfig, bank: QuestionBank): Promise<Diagnostic[]> {
  const relative = (file: string) => path.relative(config.rootDir, file).split(path.sep).join('/');
  const names = async (folder: string) => (await listFiles(path.join(config.bankDir, folder), /\.ya?ml$/)).map((f) => f.replace(/\.ya?ml$/, ''));
  const targets = { blueprints: await names('blueprints'), rubrics: await names('rubrics') };
  const diagnostics: Diagnostic[] = [];
  const assessments = path.join(config.bankDir, 'assessments');
  for (const name of await listFiles(assessments, /\.ya?ml$/)) {
    const file = path.join(assessments, name);
    const read = await readTextFile(file, relative(file));
    diagnostics.push(...(read.ok ? parseAssessment(read.text, relative(file), targets).diagnostics : [read.diagnostic]));
  }
  const { files, diagnostics: unreadable } = await loadStatsFiles(path.join(config.bankDir, 'stats'), config.rootDir);
  diagnostics.push(...unreadable);
  diagnostics.push(...statsDiagnostics(bank, files));
  return diagnostics;
}
