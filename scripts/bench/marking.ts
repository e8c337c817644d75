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
export async function benchMarking(candidates: number, seed: string): Promise<{ run: MarkedRun; files: { name: string; bytes: Uint8Array }[]; ms: number; reportMs: number; cpuMs: number; reportCpuMs: number }> {
  const project = await loadProject(loadProjectConfig());
  const file = 'question-bank/blueprints/new-hire-theory.yaml';
  const parsed = parseBlueprint(readFileSync(path.join(PROJECT_ROOT, file), 'utf8'), file).parsed!;
  const exam = assembleExam(project.bank, parsed, { seed }).exam!;
  const key = examToKeyFile(exam, { runId: `new-hire-theory-bank-${exam.bankVersion}-seed-${seed}` });
  const responses = simulateResponses(key, (ref) => project.bank.byId.get(ref.split('@')[0]!)!.difficulty, { candidates, seed });
  const fonts = await loadExamFont();
  // Results and class report alone first, then everything including one 成绩单 page per candidate.
  let started = performance.now();
  let cpu = process.cpuUsage();
  await renderResults(markRun(key, responses), fonts, { transcripts: false });
  const reportMs = performance.now() - started;
  const reportCpu = process.cpuUsage(cpu);
  started = performance.now();
  cpu = process.cpuUsage();
  const run = markRun(key, responses);
  const files = await renderResults(run, fonts);
  const allCpu = process.cpuUsage(cpu);
  // CPU time next to wall time: on a shared machine the wall clock mostly measures the neighbours.
  const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
  return { run, files, ms: performance.now() - started, reportMs, cpuMs: cpuMs(allCpu), reportCpuMs: cpuMs(reportCpu) };
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
  const { run, files, ms, reportMs, cpuMs, reportCpuMs } = await benchMarking(candidates, values.seed ?? 'bench');
  if (values.out) {
    const out = path.resolve(values.out);
    await mkdir(out, { recursive: true });
    for (const f of files) await writeFile(path.join(out, f.name), f.bytes);
    await writeFile(path.join(out, 'stats.json'), `${JSON.stringify(createStatsFile(run.marking, run.analysis), null, 2)}\n`);
  }
  const sizes = files.map((f) => `${f.name} ${(f.bytes.length / 1024).toFixed(0)} KB`).join(', ');
  console.log(`marked ${run.summary.n} of ${candidates} simulated candidates (α ${run.analysis.test.alpha?.toFixed(2)}); ${sizes}`);
  console.log(`results + report.pdf: ${formatDuration(reportMs)} (CPU ${formatDuration(reportCpuMs)})`);
  console.log(`with candidates.pdf (${run.marking.candidates.length} pages) in ${formatDuration(ms)} (CPU ${formatDuration(cpuMs)})`);
  return 0;
}

if (import.meta.main) process.exitCode = await runMain(main, USAGE);
