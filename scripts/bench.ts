import { spawn } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { writeBaselineProject } from './bench/baseline.ts';
import { generateSyntheticCourse } from './bench/generate-course.ts';
import { measurePdfs, measureSite } from './bench/sizes.ts';
import { parseCommandLine, runMain, UsageError } from './cli.ts';
import { PROJECT_ROOT } from './project-config.ts';

const USAGE = `Usage: npm run bench -- [--lessons N] [--questions M] [--runs R] [--candidates C] [--scan-sheets S] [--json FILE] [--compare OLD.json] [--work DIR]

Generates a seeded synthetic course (N lessons, M questions; default 100 and 600) and measures,
each step in its own process, R times (default 3): the full build (site + search index) against a
bare Astro + Pagefind baseline of the same Markdown, \`npm run check\`, 1 and 20 variants of a
30-question exam, 20 variants with a roster of 40 (every file), marking C simulated candidates (default 1000)
on the sample blueprint, and bank export/import (xlsx, Moodle XML); then sizes of dist/, the search index, a lesson page and the PDFs;
then scanning: S simulated sheets (default 30) per resolution and distortion, accuracy, flags and pages/s.
Prints a table and writes JSON (default bench-out/bench-<lessons>-<questions>.json).`;

interface Sample {
  wallMs: number;
  maxRssMiB: number;
  /** What the script itself reported (e.g. "in 812 ms"), when it did. */
  reportedMs?: number;
}

interface Options {
  lessons: number;
  questions: number;
  runs: number;
  json?: string;
  compare?: string;
  /** Scratch folder for the synthetic course and the builds. */
  work: string;
  /** Simulated candidates for the marking step. */
  candidates: number;
  /** Simulated scanned sheets per kind of scan. */
  scanSheets: number;
}

/** Returns a roster of `count` synthetic candidates as CSV (工号, 姓名, 部门). */
function rosterCsv(count: number): string {
  const departments = ['售前咨询组', '售后服务组', '投诉处理组', '在线客服组'];
  const rows = Array.from({ length: count }, (_, i) => `${String(10001 + i).padStart(8, '0')},学员${String(i + 1).padStart(2, '0')},${departments[i % departments.length]}`);
  return `工号,姓名,部门\n${rows.join('\n')}\n`;
}

function parseOptions(argv: string[]): Options & { help: boolean } {
  const { values } = parseCommandLine(
    argv,
    { lessons: { type: 'string' }, questions: { type: 'string' }, runs: { type: 'string' }, candidates: { type: 'string' }, 'scan-sheets': { type: 'string' }, json: { type: 'string' }, compare: { type: 'string' }, work: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    { allowPositionals: false },
  );
  const number = (flag: string, value: string | undefined, fallback: number) => {
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 1) throw new UsageError(`\`--${flag}\` needs a whole number of at least 1, got \`${value}\``);
    return parsed;
  };
  return {
    help: values.help ?? false,
    lessons: number('lessons', values.lessons, 100),
    questions: number('questions', values.questions, 600),
    runs: number('runs', values.runs, 3),
    candidates: number('candidates', values.candidates, 1000),
    scanSheets: number('scan-sheets', values['scan-sheets'], 30),
    ...(values.json ? { json: values.json } : {}),
    ...(values.compare ? { compare: values.compare } : {}),
    work: values.work ? path.resolve(values.work) : path.join(PROJECT_ROOT, '.trainbook', 'bench'),
  };
}

const RSS_REPORTER = pathToFileURL(path.join(PROJECT_ROOT, 'scripts/bench/rss-reporter.mjs')).href;

/** Runs `node <args>` in its own process and returns wall time, peak memory and its output. */
async function measure(args: string[], env: Record<string, string>, work: string): Promise<Sample & { output: string }> {
  const rssFile = path.join(work, `rss-${process.pid}.json`);
  const started = performance.now();
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', RSS_REPORTER, ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...env, TRAINBOOK_BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stdout.on('data', (chunk) => (text += chunk));
    child.stderr.on('data', (chunk) => (text += chunk));
    child.on('close', (code) => (code === 0 ? resolve(text) : reject(new Error(`\`node ${args.join(' ')}\` failed (${code}):\n${text}`))));
  });
  const wallMs = performance.now() - started;
  const { maxRssKiB } = JSON.parse(await readFile(rssFile, 'utf8')) as { maxRssKiB: number };
  const reported = [...output.matchAll(/in (\d+(?:\.\d+)?) (ms|s)\b/g)].at(-1);
  return { wallMs, maxRssMiB: maxRssKiB / 1024, output, ...(reported ? { reportedMs: Number(reported[1]) * (reported[2] === 's' ? 1000 : 1) } : {}) };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const summary = (values: number[]) => ({ median: median(values), min: Math.min(...values), max: Math.max(...values) });

/** Runs the benchmark and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const options = parseOptions(argv);
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const work = options.work;
  await mkdir(work, { recursive: true });
  console.log(`Generating a synthetic course: ${options.lessons} lessons, ${options.questions} questions …`);
  const course = await generateSyntheticCourse({ dir: path.join(work, 'course'), lessons: options.lessons, questions: options.questions });
  const env = { TRAINBOOK_CONTENT_DIR: course.contentDir, TRAINBOOK_BANK_DIR: course.bankDir };
  const site = path.join(work, 'site');
  const baselineProject = path.join(work, 'baseline');
  const baselineSite = path.join(baselineProject, 'dist');
  const exams = path.join(work, 'exams');
  await writeBaselineProject(baselineProject, course.contentDir, path.join(PROJECT_ROOT, 'node_modules'));

  const samples: Record<string, Sample[]> = { build: [], baseline: [], check: [], exam1: [], exam20: [], mark: [], exam20roster: [], exportXlsx: [], importXlsx: [], exportMoodle: [], importMoodle: [] };
  const interop = path.join(work, 'interop');
  const roster = path.join(work, 'roster.csv');
  await writeFile(roster, rosterCsv(40));
  for (let run = 1; run <= options.runs; run++) {
    console.log(`Run ${run}/${options.runs} …`);
    samples.build!.push(await measure(['scripts/build.ts', '--out', site, '--no-exams'], env, work));
    const astro = await measure([path.join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', baselineProject, '--force', '--silent'], {}, work);
    const index = await measure(['scripts/bench/index-site.ts', baselineSite], {}, work);
    samples.baseline!.push({ wallMs: astro.wallMs + index.wallMs, maxRssMiB: Math.max(astro.maxRssMiB, index.maxRssMiB) });
    samples.check!.push(await measure(['scripts/check.ts'], env, work));
    await rm(exams, { recursive: true, force: true });
    samples.exam1!.push(await measure(['scripts/exam.ts', course.blueprint, '--variants', '1', '--seed', 'bench', '--out', exams], env, work));
    samples.exam20!.push(await measure(['scripts/exam.ts', course.blueprint, '--variants', '20', '--seed', 'bench', '--out', exams], env, work));
    samples.exam20roster!.push(await measure(['scripts/exam.ts', course.blueprint, '--variants', '20', '--seed', 'bench-roster', '--roster', roster, '--out', exams], env, work));
    // Marking uses the sample bank's blueprint, not the synthetic course.
    samples.mark!.push(await measure(['scripts/bench/marking.ts', '--candidates', String(options.candidates)], {}, work));
    // Bank export, then import of that file into an empty bank beside the same course.
    for (const [format, ext, exportKey, importKey] of [['xlsx', 'xlsx', 'exportXlsx', 'importXlsx'], ['moodle-xml', 'xml', 'exportMoodle', 'importMoodle']] as const) {
      const file = path.join(interop, `bank.${ext}`);
      samples[exportKey]!.push(await measure(['scripts/export.ts', '--format', format, '--visibility', 'all', '--out', file], env, work));
      const emptyBank = path.join(interop, 'bank');
      await rm(emptyBank, { recursive: true, force: true });
      await mkdir(emptyBank, { recursive: true });
      await writeFile(path.join(emptyBank, 'bank.yaml'), await readFile(path.join(course.bankDir, 'bank.yaml')));
      samples[importKey]!.push(await measure(['scripts/import.ts', file], { ...env, TRAINBOOK_BANK_DIR: emptyBank }, work));
    }
  }

  const firstLesson = 'service-mindset/lesson-0001';
  const sizes = {
    site: await measureSite(site, firstLesson),
    baselineSite: await measureSite(baselineSite, firstLesson),
    pdfs: await measurePdfs(path.join(exams, 'bench-30-bank-1.0.0-seed-bench')),
  };
  const results = Object.fromEntries(
    Object.entries(samples).map(([name, list]) => [
      name,
      {
        wallMs: summary(list.map((s) => s.wallMs)),
        maxRssMiB: summary(list.map((s) => s.maxRssMiB)),
        ...(list.every((s) => s.reportedMs !== undefined) ? { reportedMs: summary(list.map((s) => s.reportedMs!)) } : {}),
      },
    ]),
  );
  const report = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
    params: { lessons: options.lessons, questions: options.questions, runs: options.runs, candidates: options.candidates },
    results,
    ratios: { buildVsBaseline: results.build!.wallMs.median / results.baseline!.wallMs.median },
    sizes,
  };

  const ms = (s: { median: number; min: number; max: number }) => `${(s.median / 1000).toFixed(2)} s (${(s.min / 1000).toFixed(2)}–${(s.max / 1000).toFixed(2)})`;
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const rows: [string, string, string][] = [
    ['full build (site + search)', ms(results.build!.wallMs), `${results.build!.maxRssMiB.median.toFixed(0)} MiB`],
    ['bare Astro + Pagefind baseline', ms(results.baseline!.wallMs), `${results.baseline!.maxRssMiB.median.toFixed(0)} MiB`],
    ['  ratio build / baseline', report.ratios.buildVsBaseline.toFixed(2), ''],
    ['npm run check', ms(results.check!.wallMs), `${results.check!.maxRssMiB.median.toFixed(0)} MiB`],
    ['exam, 1 variant (3 PDFs)', `${ms(results.exam1!.wallMs)}${results.exam1!.reportedMs ? ` · in-process ${(results.exam1!.reportedMs.median / 1000).toFixed(2)} s` : ''}`, `${results.exam1!.maxRssMiB.median.toFixed(0)} MiB`],
    ['exam, 20 variants (60 PDFs)', `${ms(results.exam20!.wallMs)}${results.exam20!.reportedMs ? ` · in-process ${(results.exam20!.reportedMs.median / 1000).toFixed(2)} s` : ''}`, `${results.exam20!.maxRssMiB.median.toFixed(0)} MiB`],
    ['exam, 20 variants, roster of 40 (all files)', `${ms(results.exam20roster!.wallMs)}${results.exam20roster!.reportedMs ? ` · in-process ${(results.exam20roster!.reportedMs.median / 1000).toFixed(2)} s` : ''}`, `${results.exam20roster!.maxRssMiB.median.toFixed(0)} MiB`],
    [`mark ${options.candidates} candidates (results, report, 成绩单)`, `${ms(results.mark!.wallMs)}${results.mark!.reportedMs ? ` · in-process ${(results.mark!.reportedMs.median / 1000).toFixed(2)} s` : ''}`, `${results.mark!.maxRssMiB.median.toFixed(0)} MiB`],
    ...(['exportXlsx', 'importXlsx', 'exportMoodle', 'importMoodle'] as const).map((key): [string, string, string] => [
      `${key.startsWith('export') ? 'export' : 'import'} ${options.questions} questions, ${key.endsWith('Xlsx') ? 'xlsx' : 'Moodle XML'}`,
      `${ms(results[key]!.wallMs)}${results[key]!.reportedMs ? ` · in-process ${(results[key]!.reportedMs.median / 1000).toFixed(2)} s` : ''}`,
      `${results[key]!.maxRssMiB.median.toFixed(0)} MiB`,
    ]),
    ['dist/ (baseline)', `${kb(sizes.site.distBytes)} (${kb(sizes.baselineSite.distBytes)})`, ''],
    ['search index (baseline)', `${kb(sizes.site.pagefindBytes)} (${kb(sizes.baselineSite.pagefindBytes)})`, ''],
    ['lesson page HTML raw / gzip', `${kb(sizes.site.lessonPage.html.raw)} / ${kb(sizes.site.lessonPage.html.gzip)}`, ''],
    ['lesson page CSS raw / gzip', `${kb(sizes.site.lessonPage.css.raw)} / ${kb(sizes.site.lessonPage.css.gzip)}`, ''],
    ['lesson page JS raw / gzip', `${kb(sizes.site.lessonPage.js.raw)} / ${kb(sizes.site.lessonPage.js.gzip)}`, ''],
    ['lesson page total gzip', kb(sizes.site.lessonPage.total.gzip), ''],
    ['course navigation in a lesson page raw / gzip', sizes.site.navigation ? `${kb(sizes.site.navigation.nav.raw)} / ${kb(sizes.site.navigation.nav.gzip)}` : '-', ''],
    ['progress.json (fetched once) raw / gzip', sizes.site.navigation ? `${kb(sizes.site.navigation.manifest.raw)} / ${kb(sizes.site.navigation.manifest.gzip)}` : '-', ''],
    ...Object.entries(sizes.pdfs)
      .filter(([name]) => name.endsWith('-A.pdf'))
      .map(([name, bytes]): [string, string, string] => [`PDF ${name}`, kb(bytes), '']),
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`\n${options.lessons} lessons, ${options.questions} questions, ${options.runs} run(s), median (min–max)\n`);
  for (const [name, value, memory] of rows) console.log(`${name.padEnd(width)}  ${value.padEnd(44)}  ${memory}`);

  if (options.compare) {
    const old = JSON.parse(await readFile(path.resolve(options.compare), 'utf8')) as typeof report;
    console.log(`\nCompared with ${options.compare} (${old.params.lessons} lessons, ${old.params.questions} questions): new / old`);
    for (const name of Object.keys(results)) {
      const before = old.results[name]?.wallMs.median;
      if (before) console.log(`  ${name.padEnd(10)} ${(results[name]!.wallMs.median / before).toFixed(2)}×`);
    }
  }
  // Scanning runs in process on simulated scanner stacks (real sheets rendered by poppler, then marked and distorted).
  const { benchScanning, formatScanBench } = await import('./bench/scan.ts');
  const scan = await benchScanning(path.join(work, 'scan'), options.scanSheets);
  console.log(`\nScanning, ${options.scanSheets} sheets per row (in process):\n\n${formatScanBench(scan)}`);
  const jsonFile = path.resolve(options.json ?? path.join(PROJECT_ROOT, 'bench-out', `bench-${options.lessons}-${options.questions}.json`));
  await mkdir(path.dirname(jsonFile), { recursive: true });
  await writeFile(jsonFile, `${JSON.stringify({ ...report, scan }, null, 2)}\n`);
  console.log(`\nwrote ${path.relative(PROJECT_ROOT, jsonFile)}`);
  return 0;
}

if (import.meta.main) process.exitCode = await runMain(main, USAGE);
