import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { assembleExam, examToKeyFile, parseBlueprint } from '../../src/lib/exam/index.ts';
import { createStatsFile, markRun, renderResults, simulateResponses, type MarkedRun } from '../../src/lib/marking/index.ts';
import { loadProject } from '../../src/lib/project/index.ts';
import { formatDuration, parseCommandLine, runMain, UsageError } from '../cli.ts';
import { loadExamFont } from '../exam-font.ts';
import { loadProjectConfig, PROJECT_ROOT } from '../project-config.ts';

const USAGE = `Usage: node scripts/bench/marking.ts [--candidates N] [--seed S] [--out DIR]

Marks N simulated candidates (default 1000; seeded ability × difficulty model) on the sample
blueprint new-hire-theory, in process, and prints how long scoring, item analysis, results.xlsx/.csv,
report.pdf and candidates.pdf took. --out also writes the files and the stats file there.`;

/** Returns the marked simulated run and the in-process time of marking and rendering everything. */
export async function benchMarking(candidates: number, seed: string): Promise<{ run: MarkedRun; files: { name: string; bytes: Uint8Array }[]; ms: number }> {
  const project = await loadProject(loadProjectConfig());
  const file = 'question-bank/blueprints/new-hire-theory.yaml';
  const parsed = parseBlueprint(readFileSync(path.join(PROJECT_ROOT, file), 'utf8'), file).parsed!;
  const exam = assembleExam(project.bank, parsed, { seed }).exam!;
  const key = examToKeyFile(exam, { runId: `new-hire-theory-bank-${exam.bankVersion}-seed-${seed}` });
  const responses = simulateResponses(key, (ref) => project.bank.byId.get(ref.split('@')[0]!)!.difficulty, { candidates, seed });
  const fonts = await loadExamFont();
  const started = performance.now();
  const run = markRun(key, responses);
  const files = await renderResults(run, fonts);
  return { run, files, ms: performance.now() - started };
}

/** Runs the marking bench and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const { values } = parseCommandLine(argv, { candidates: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, { allowPositionals: false });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const candidates = Number(values.candidates ?? 1000);
  if (!Number.isInteger(candidates) || candidates < 1) throw new UsageError('`--candidates` needs a whole number of at least 1');
  const { run, files, ms } = await benchMarking(candidates, values.seed ?? 'bench');
  if (values.out) {
    const out = path.resolve(values.out);
    await mkdir(out, { recursive: true });
    for (const f of files) await writeFile(path.join(out, f.name), f.bytes);
    await writeFile(path.join(out, 'stats.json'), `${JSON.stringify(createStatsFile(run.marking, run.analysis), null, 2)}\n`);
  }
  const sizes = files.map((f) => `${f.name} ${(f.bytes.length / 1024).toFixed(0)} KB`).join(', ');
  console.log(`marked ${run.summary.n} of ${candidates} simulated candidates (α ${run.analysis.test.alpha?.toFixed(2)}); ${sizes}; in ${formatDuration(ms)}`);
  return 0;
}

if (import.meta.main) process.exitCode = await runMain(main, USAGE);
