import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createError, formatDiagnostics, hasErrors, type Diagnostic } from '../src/lib/diagnostics/index.ts';
import { examFromManifest, examToKeyFile, parseBlueprint, type ExamManifest, type KeyFile, type MultipleScoring, type RunCandidate } from '../src/lib/exam/index.ts';
import {
  createStatsFile,
  markRun,
  parseAssessment,
  practicalFromTable,
  practicalTemplate,
  renderResults,
  responseTemplate,
  spreadsheetSource,
  type Assessment,
  type CourseInput,
  type ResponseSource,
} from '../src/lib/marking/index.ts';
import { indexItems } from '../src/lib/marking/index.ts';
import { readTextFile } from '../src/lib/encoding/index.ts';
import { loadProject } from '../src/lib/project/index.ts';
import { parseRubric } from '../src/lib/rubric/index.ts';
import { csvBytes, readSpreadsheet, workbookBytes } from '../src/lib/spreadsheet/index.ts';
import { commitStagingDir, prepareStagingDir } from './atomic-dir.ts';
import { formatDuration, parseCommandLine, runMain, UsageError } from './cli.ts';
import { loadExamFont } from './exam-font.ts';
import { loadProjectConfig, PROJECT_ROOT } from './project-config.ts';
import { scanInto } from './scan.ts';

const USAGE = `Usage:
  npm run mark -- <run-folder> --template [--force]
  npm run mark -- <run-folder> --responses <file.xlsx|file.csv> [--practical <scores.xlsx>] [--assessment <name>] [--record]
  npm run mark -- <run-folder> --scans <scans.pdf|folder> … [same options as --responses]

  <run-folder>     a folder written by \`npm run exam\` (holds manifest.json, and key.json for newer runs)
  --template       write responses.xlsx and responses.csv to fill in (and practical.xlsx when a course
                   assessment plan uses this paper); --force replaces existing ones
  --responses F    mark the candidates' answers in F; writes <run-folder>/results/
  --scans F …      read scanned answer sheets first (as \`npm run scan\`, into <run-folder>/scan/), then mark
                   them; a page or mark the scanner is unsure of stops here, nothing is guessed; a paper with
                   written answers stops after reading, for the markers' points
  --practical F    practical scores per candidate and rubric dimension; gives course results
  --assessment N   the plan in question-bank/assessments/ (default: the one whose blueprint is this run's)
  --record         also write question-bank/stats/<run-id>.json for \`npm run check\``;

/** The files `mark` writes into results/; a results folder holding anything else is not ours to replace. */
const RESULT_FILES = ['results.xlsx', 'results.csv', 'report.pdf', 'candidates.pdf'];

type Config = ReturnType<typeof loadProjectConfig>;
type RunManifest = ExamManifest & { runId?: string; candidates?: RunCandidate[] };

const relative = (p: string) => path.relative(PROJECT_ROOT, p).split(path.sep).join('/') || '.';

async function readJson<T>(file: string): Promise<T | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new UsageError(`${relative(file)} is not valid JSON; was it edited by hand?`);
  }
}

/** Writes one file atomically: a temporary name beside it, then a rename. */
async function writeFileAtomic(file: string, bytes: Uint8Array | string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.tmp-${process.pid}`;
  await writeFile(temp, bytes);
  await rename(temp, file);
}

function fail(diagnostics: Diagnostic[], what: string): number {
  console.error(formatDiagnostics(diagnostics));
  console.error(`\n✖ ${what}: fix the errors above; nothing was written.`);
  return 1;
}

interface LoadedRun {
  folder: string;
  key: KeyFile;
  manifest: RunManifest;
  roster?: RunCandidate[];
  /** Blueprint name (file name without .yaml), to find the assessment plan. */
  blueprintName: string;
}

/** Reads a run's key: `key.json` when the run has one, else rebuilt from manifest.json and the bank. */
async function loadRun(folder: string, config: Config): Promise<LoadedRun | Diagnostic[]> {
  const manifest = await readJson<RunManifest>(path.join(folder, 'manifest.json'));
  if (!manifest) throw new UsageError(`${relative(folder)} has no manifest.json: name a folder written by \`npm run exam\``);
  const runId = manifest.runId ?? path.basename(folder);
  const blueprintName = path.basename(manifest.blueprint.file).replace(/\.ya?ml$/, '');
  const base = { folder, manifest, blueprintName, ...(manifest.candidates?.length ? { roster: manifest.candidates } : {}) };
  const key = await readJson<KeyFile>(path.join(folder, 'key.json'));
  if (key) return { ...base, key };
  // Runs printed before key.json existed: rebuild the exam exactly as printed from its manifest.
  const project = await loadProject(config);
  const manifestFile = relative(path.join(folder, 'manifest.json'));
  let source: string;
  try {
    const read = await readTextFile(path.resolve(PROJECT_ROOT, manifest.blueprint.file), manifest.blueprint.file);
    if (!read.ok) return [read.diagnostic];
    source = read.text;
  } catch {
    return [createError(manifestFile, undefined, 'marking/no-key', `The run has no key.json and its blueprint ${manifest.blueprint.file} no longer exists`, 'restore the blueprint from version control to mark this run')];
  }
  const { parsed, diagnostics } = parseBlueprint(source, manifest.blueprint.file);
  if (!parsed) return diagnostics;
  const { exam, problems } = examFromManifest(manifest, project.bank, parsed);
  if (!exam) return problems.map((p) => createError(manifestFile, undefined, 'marking/no-key', `The run has no key.json and cannot be rebuilt from the bank: ${p}`, 'check out the bank version the run was printed from (see manifest.json `bank.version`) and mark again'));
  const multipleScoring = (parsed.blueprint as { multiple_scoring?: MultipleScoring }).multiple_scoring;
  return { ...base, key: examToKeyFile(exam, { runId, ...(multipleScoring ? { multipleScoring } : {}) }) };
}

async function listNames(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).map((f) => f.replace(/\.ya?ml$/, '')).sort();
  } catch {
    return [];
  }
}

/** Finds and validates the course assessment plan for this run: named, or the one using its blueprint. */
async function loadAssessment(config: Config, run: LoadedRun, name: string | undefined): Promise<{ plan?: Assessment; rubric?: CourseInput['rubric']; diagnostics: Diagnostic[] }> {
  const dir = path.join(config.bankDir, 'assessments');
  const names = await listNames(dir);
  const targets = { blueprints: await listNames(path.join(config.bankDir, 'blueprints')), rubrics: await listNames(path.join(config.bankDir, 'rubrics')) };
  if (name && !names.includes(name)) throw new UsageError(`no assessment plan \`${name}\` in ${relative(dir)}/; available: ${names.map((n) => `\`${n}\``).join(', ') || 'none'}`);
  for (const candidate of name ? [name] : names) {
    const file = path.join(dir, `${candidate}.yaml`);
    const read = await readTextFile(file, relative(file));
    if (!read.ok) return { diagnostics: [read.diagnostic] };
    const { assessment, diagnostics } = parseAssessment(read.text, relative(file), targets);
    if (!assessment) {
      if (name) return { diagnostics };
      continue;
    }
    if (!name && assessment.blueprint !== run.blueprintName) continue;
    const rubricFile = path.join(config.bankDir, 'rubrics', `${assessment.rubric}.yaml`);
    const rubricText = await readTextFile(rubricFile, relative(rubricFile));
    if (!rubricText.ok) return { diagnostics: [rubricText.diagnostic] };
    const rubric = parseRubric(rubricText.text, relative(rubricFile));
    if (!rubric.rubric) return { diagnostics: rubric.diagnostics };
    return { plan: assessment, rubric: rubric.rubric, diagnostics: [] };
  }
  return { diagnostics: [] };
}

async function writeTemplate(run: LoadedRun, config: Config, force: boolean, assessmentName?: string): Promise<number> {
  const files = ['responses.xlsx', 'responses.csv'];
  const { plan, rubric, diagnostics } = await loadAssessment(config, run, assessmentName);
  if (hasErrors(diagnostics)) return fail(diagnostics, 'no template written');
  if (plan) files.push('practical.xlsx');
  if (!force) {
    const existing = (await readdir(run.folder)).filter((f) => files.includes(f));
    if (existing.length) throw new UsageError(`${existing.map((f) => relative(path.join(run.folder, f))).join(', ')} already exist${existing.length === 1 ? 's' : ''} and may hold entered answers; move ${existing.length === 1 ? 'it' : 'them'} away or pass \`--force\``);
  }
  const sheet = responseTemplate(run.key, run.roster);
  await writeFileAtomic(path.join(run.folder, 'responses.xlsx'), await workbookBytes([sheet]));
  await writeFileAtomic(path.join(run.folder, 'responses.csv'), csvBytes(sheet.columns.map((c) => c.header), sheet.rows));
  if (plan && rubric) await writeFileAtomic(path.join(run.folder, 'practical.xlsx'), await workbookBytes([practicalTemplate(rubric, plan, run.roster ?? [])]));
  const who = run.roster ? `${run.roster.length} candidates from the roster` : 'no roster: one row per candidate to add';
  console.log(`✓ ${files.map((f) => relative(path.join(run.folder, f))).join(', ')} (${who})`);
  console.log('  Objective columns take the letters the candidate chose (√/× for true/false); subjective columns take the points awarded.');
  return 0;
}

/** Marks a run's responses and writes results/ (and the stats file with --record); returns the exit code. */
async function mark(run: LoadedRun, config: Config, options: { responses: string; practical?: string; assessment?: string; record: boolean }, started: number): Promise<number> {
  // The run id names a file in the bank with --record: a plain name only, whatever key.json says.
  if (options.record && (!/^[\w.-]+$/.test(run.key.runId) || run.key.runId.startsWith('.'))) throw new UsageError(`run id \`${run.key.runId}\` in key.json cannot name a stats file; use letters, digits, \`.\`, \`_\` and \`-\``);
  // The input step is a source producing the response matrix; scanned sheets will be a second source.
  const source: ResponseSource = spreadsheetSource(path.resolve(options.responses), options.responses);
  const index = indexItems(run.key);
  const read = await source({ index, ...(run.roster ? { roster: run.roster } : {}) });
  const diagnostics = [...read.diagnostics];
  let courseInput: CourseInput | undefined;
  const assessment = await loadAssessment(config, run, options.assessment);
  diagnostics.push(...assessment.diagnostics);
  if (options.practical) {
    if (!assessment.plan && !hasErrors(assessment.diagnostics)) throw new UsageError(`\`--practical\` needs a course assessment plan for blueprint \`${run.blueprintName}\` in question-bank/assessments/ (or \`--assessment <name>\`)`);
    const sheet = await readSpreadsheet(path.resolve(options.practical), options.practical);
    diagnostics.push(...sheet.diagnostics);
    const table = sheet.tables.find((t) => t.header.length > 0);
    if (table && assessment.plan && assessment.rubric && read.responses) {
      const ids = new Set(read.responses.candidates.map((c) => c.id));
      const practical = practicalFromTable(table, assessment.rubric, assessment.plan, ids);
      diagnostics.push(...practical.diagnostics);
      if (practical.scores) courseInput = { plan: assessment.plan, rubric: assessment.rubric, practical: practical.scores };
    }
  }
  if (hasErrors(diagnostics) || !read.responses) return fail(diagnostics, 'not marked');
  if (diagnostics.length) console.error(formatDiagnostics(diagnostics));

  const results = path.join(run.folder, 'results');
  const existing = await readdir(results).catch(() => undefined);
  if (existing && existing.some((f) => !RESULT_FILES.includes(f))) throw new UsageError(`${relative(results)}/ holds files \`mark\` did not write (${existing.filter((f) => !RESULT_FILES.includes(f)).join(', ')}); move them away first`);

  const marked = markRun(run.key, read.responses, courseInput);
  const files = await renderResults(marked, await loadExamFont());
  const staging = await prepareStagingDir(results);
  await mkdir(staging, { recursive: true });
  for (const file of files) await writeFile(path.join(staging, file.name), file.bytes);
  await commitStagingDir(staging, results);

  const s = marked.summary;
  console.log(`✓ ${s.n} candidates marked${s.absent ? ` (${s.absent} absent)` : ''}: mean ${s.mean.toFixed(1)} / ${run.key.totalPoints}, pass rate ${(s.passRate * 100).toFixed(1)}% → ${relative(results)}/ in ${formatDuration(performance.now() - started)}`);
  if (assessment.plan && !courseInput) console.log(`  ${assessment.plan.title} uses this paper: add \`--practical <scores.xlsx>\` for course results.`);
  if (options.record) {
    const statsFile = path.join(config.bankDir, 'stats', `${run.key.runId}.json`);
    await writeFileAtomic(statsFile, `${JSON.stringify(createStatsFile(marked.marking, marked.analysis), null, 2)}\n`);
    console.log(`✓ ${relative(statsFile)}: commit it; \`npm run check\` now flags weak questions from these numbers.`);
  }
  return 0;
}

/** Marks an exam run, or writes its response template; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, {
    template: { type: 'boolean' },
    force: { type: 'boolean' },
    responses: { type: 'string' },
    scans: { type: 'string', multiple: true },
    practical: { type: 'string' },
    assessment: { type: 'string' },
    record: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  // `--scans a.pdf b.pdf`: further scan files arrive as positionals after the run folder.
  const scans = values.scans ? [...values.scans, ...positionals.slice(1)] : undefined;
  if (scans) positionals.splice(1);
  if (scans && values.responses) throw new UsageError('`--scans` reads the responses from the scans; leave out `--responses`');
  if (positionals.length !== 1) throw new UsageError(positionals.length ? `expected one run folder, got ${positionals.length}` : 'name the run folder written by `npm run exam`');
  if (!values.template && !values.responses && !scans) throw new UsageError('use `--template` to get a sheet to fill in, or `--responses <file>` to mark');
  if (values.template && values.responses) throw new UsageError('`--template` and `--responses` are separate steps: write the template, fill it in, then mark');
  if ((values.practical || values.record) && !values.responses && !scans) throw new UsageError('`--practical` and `--record` go with `--responses`');
  const started = performance.now();
  const config = loadProjectConfig();
  const run = await loadRun(path.resolve(positionals[0]!), config);
  if (Array.isArray(run)) return fail(run, 'cannot mark this run');
  if (values.template) return writeTemplate(run, config, values.force ?? false, values.assessment);
  let responses = values.responses;
  if (scans) {
    const outcome = await scanInto(run.folder, scans, path.join(run.folder, 'scan'));
    if (!outcome) return 1;
    responses = path.join(outcome.out, 'responses.xlsx');
    if (outcome.diagnostics.length) {
      console.error(formatDiagnostics(outcome.diagnostics));
      console.error(`\n✖ not marked: the scans need a look first. Correct ${relative(responses)} where the review images show it, then run\n  npm run mark -- ${relative(run.folder)} --responses ${relative(responses)}`);
      return 1;
    }
    console.log(`✓ ${outcome.result.sheets.length} sheet(s) read from the scans → ${relative(outcome.out)}/`);
    // Sheets hold no points for written answers: marking now would score them 0 without anyone noticing.
    const written = [...new Set(run.key.variants.flatMap((v) => v.items.filter((i) => i.type === 'fill' || i.type === 'short').map((i) => i.key)))];
    if (written.length) {
      console.log(
        `  This paper has written answers (questions ${written.join(', ')}): type the points awarded into\n  ${relative(responses)}, then mark with\n  npm run mark -- ${relative(run.folder)} --responses ${relative(responses)}`,
      );
      return 0;
    }
  }
  return mark(run, config, { responses: responses!, ...(values.practical ? { practical: values.practical } : {}), ...(values.assessment ? { assessment: values.assessment } : {}), record: values.record ?? false }, started);
}

if (import.meta.main) process.exitCode = await runMain(main, USAGE);
