import { randomInt } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatDiagnostics, hasErrors, type Diagnostic } from '../src/lib/diagnostics/index.ts';
import { readTextFile } from '../src/lib/encoding/index.ts';
import { assembleExam, createManifest, examFromManifest, parseBlueprint, type Exam, type ExamManifest } from '../src/lib/exam/index.ts';
import { generateExamFiles, markdownToPlainText, prepareFont, readImage, renderPdf, subsetFontForText, type ExamImage } from '../src/lib/exam-pdf/index.ts';
import { loadProject } from '../src/lib/project/index.ts';
import { indexToLetter } from '../src/lib/questions/index.ts';
import { layoutRubric, parseRubric } from '../src/lib/rubric/index.ts';
import { commitStagingDir, prepareStagingDir } from './atomic-dir.ts';
import { formatDuration, runMain, UsageError } from './cli.ts';
import { loadExamFont } from './exam-font.ts';
import { createProgressBar } from './progress-bar.ts';
import { loadProjectConfig, PROJECT_ROOT } from './project-config.ts';

const USAGE = `Usage:
  npm run exam -- <blueprint> [--variants N] [--seed S] [--out DIR] [--dry-run]
  npm run exam -- --manifest <manifest.json> [--out DIR]
  npm run exam -- <rubric> [--out DIR]
  npm run exam -- --list

  <blueprint>   a name from question-bank/blueprints/ (e.g. new-hire-theory) or a path to a .yaml file
  <rubric>      a name from question-bank/rubrics/ (e.g. delayed-delivery-complaint): prints a score sheet
  --variants N  number of variants A, B, … (default: the blueprint's \`variants\`)
  --seed S      selection and order seed; the same seed, blueprint and bank give the same PDFs
                (default: a random seed, printed so the run can be repeated)
  --out DIR     parent folder for the run's folder (default: exams/, which is not part of the site)
  --dry-run     print the selection and write nothing
  --manifest F  regenerate a past run exactly (same bytes) from its manifest.json; refuses,
                listing them, if any of its questions or its blueprint changed since
  --list        list blueprints and rubrics`;

export interface ExamArgs {
  target?: string;
  manifest?: string;
  variants?: number;
  seed?: string;
  out: string;
  dryRun: boolean;
  list: boolean;
}

/** Returns the parsed command line, or throws UsageError. */
export function parseExamArgs(argv: string[]): ExamArgs {
  const args: ExamArgs = { out: 'exams', dryRun: false, list: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`\`${arg}\` needs a value`);
      return next;
    };
    if (arg === '--variants') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1 || n > 26) throw new UsageError('`--variants` must be a whole number from 1 to 26');
      args.variants = n;
    } else if (arg === '--seed') {
      args.seed = value();
      // The seed names the output folder, so it must be a plain name.
      if (!/^[\w.-]{1,64}$/.test(args.seed) || args.seed.startsWith('.')) throw new UsageError('`--seed` takes letters, digits, `.`, `_` and `-` only, e.g. `--seed 2026-11`');
    }
    else if (arg === '--out') args.out = value();
    else if (arg === '--manifest') args.manifest = value();
    else if (arg === '--dry-run') args.dryRun = true;
    else if (arg === '--list') args.list = true;
    else if (arg.startsWith('-')) throw new UsageError(`unknown option \`${arg}\``);
    else if (args.target) throw new UsageError(`unexpected second argument \`${arg}\``);
    else args.target = arg;
  }
  if (!args.list && !args.target && !args.manifest) throw new UsageError('name a blueprint or rubric, or use `--list` or `--manifest`');
  if (args.manifest && (args.target || args.seed || args.variants)) throw new UsageError('`--manifest` regenerates a run as it was: it takes no blueprint, `--seed` or `--variants`');
  return args;
}

async function listYaml(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch {
    return [];
  }
}

/** Resolves `new-hire-theory`, `blueprints/new-hire-theory` or a path to a file and its kind. */
async function resolveTarget(target: string, bankDir: string): Promise<{ file: string; kind: 'blueprint' | 'rubric' }> {
  const candidates = [path.resolve(target), path.join(bankDir, 'blueprints', `${target}.yaml`), path.join(bankDir, 'rubrics', `${target}.yaml`), path.join(bankDir, `${target}.yaml`)];
  for (const file of candidates) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      continue;
    }
    // A rubric has dimensions, a blueprint has sections: the file's content decides, not its path.
    return { file, kind: /^dimensions:/m.test(text) && !/^sections:/m.test(text) ? 'rubric' : 'blueprint' };
  }
  const names = [...(await listYaml(path.join(bankDir, 'blueprints'))), ...(await listYaml(path.join(bankDir, 'rubrics')))].map((f) => f.replace(/\.ya?ml$/, ''));
  throw new UsageError(`no blueprint or rubric \`${target}\`; available: ${names.map((n) => `\`${n}\``).join(', ') || 'none'}`);
}

function describeSelection(exam: Exam): string {
  const lines = [`${exam.title} · bank ${exam.bankVersion} · seed ${exam.seed}`];
  for (const variant of exam.variants) {
    lines.push(`\n${variant.label} 卷`);
    let number = 0;
    for (const section of variant.sections) {
      lines.push(`  ${section.heading} (${section.items.length} × ${section.pointsEach ?? 'varied'} = ${section.points} points)`);
      for (const item of section.items) {
        const order = item.optionOrder ? `  options ${item.optionOrder.map(indexToLetter).join('')}` : '';
        lines.push(`    ${String(++number).padStart(2)}. ${item.question.id}@${item.question.rev}  ${item.question.module}  d${item.question.difficulty}${order}`);
      }
    }
  }
  return lines.join('\n');
}

// Forward slashes on every system: the path is printed into keys and manifests, which must not depend on the OS.
const relative = (p: string) => path.relative(PROJECT_ROOT, p).split(path.sep).join('/') || '.';

async function writeRun(folder: string, files: { name: string; bytes: Uint8Array | string }[]): Promise<void> {
  const staging = await prepareStagingDir(folder);
  await mkdir(staging, { recursive: true });
  for (const file of files) await writeFile(path.join(staging, file.name), file.bytes);
  await commitStagingDir(staging, folder);
}

function fail(diagnostics: Diagnostic[], what: string): number {
  console.error(formatDiagnostics(diagnostics));
  console.error(`\n✖ ${what}: fix the errors above; nothing was written.`);
  return 1;
}

/** Generates exam papers (or a rubric score sheet) and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const args = parseExamArgs(argv);
  const config = loadProjectConfig();
  if (args.list) {
    for (const [folder, label] of [['blueprints', 'Blueprints'], ['rubrics', 'Rubrics (practical score sheets)']] as const) {
      console.log(`${label}:`);
      for (const file of await listYaml(path.join(config.bankDir, folder))) console.log(`  ${file.replace(/\.ya?ml$/, '')}`);
    }
    return 0;
  }
  const started = performance.now();
  if (args.manifest) return regenerate(args, config, started);
  const target = await resolveTarget(args.target!, config.bankDir);
  const read = await readTextFile(target.file, relative(target.file));
  if (!read.ok) return fail([read.diagnostic], 'nothing printed');
  const source = read.text;
  const outRoot = path.resolve(PROJECT_ROOT, args.out);

  if (target.kind === 'rubric') {
    const { rubric, diagnostics } = parseRubric(source, relative(target.file));
    if (!rubric) return fail(diagnostics, 'score sheet not made');
    const fonts = await loadExamFont();
    const missing = fonts.missingGlyphs(JSON.stringify(rubric));
    if (missing.length) throw new UsageError(`the PDF font has no glyph for ${missing.map((c) => `\`${c}\``).join(' ')} in ${relative(target.file)}`);
    const document = layoutRubric(rubric, fonts, rubric.title);
    const text = document.pages.flatMap((p) => p.ops.flatMap((op) => (op.type === 'text' ? [op.text] : []))).join('');
    const font = prepareFont(await subsetFontForText(fonts.file, text), text, 'NotoSansSC-Regular');
    const bytes = await renderPdf(document, { font, subject: rubric.title, keywords: ['rubric'] });
    const name = path.basename(target.file).replace(/\.ya?ml$/, '');
    if (args.dryRun) {
      console.log(`${rubric.title}: ${rubric.dimensions.length} dimensions, ${document.pages.length} page(s); --dry-run wrote nothing.`);
      return 0;
    }
    const folder = path.join(outRoot, `rubric-${name}`);
    await writeRun(folder, [{ name: 'score-sheet.pdf', bytes }]);
    console.log(`✓ ${relative(folder)}/score-sheet.pdf (${document.pages.length} page${document.pages.length === 1 ? '' : 's'}) in ${formatDuration(performance.now() - started)}`);
    return 0;
  }

  const project = await loadProject(config);
  const bankProblems = project.diagnostics.filter((d) => d.severity === 'error' && path.resolve(PROJECT_ROOT, d.file).startsWith(config.bankDir));
  if (bankProblems.length) return fail(bankProblems, 'no exam made: the question bank has errors (see `npm run check`)');
  const { parsed, diagnostics } = parseBlueprint(source, relative(target.file));
  if (!parsed) return fail(diagnostics, 'no exam made');
  const seed = args.seed ?? String(randomInt(100000, 1000000));
  const assembled = assembleExam(project.bank, parsed, { seed, variants: args.variants });
  if (!assembled.exam) return fail(assembled.diagnostics, 'no exam made');
  const exam = assembled.exam;
  if (args.dryRun) {
    console.log(describeSelection(exam));
    console.log('\n--dry-run: nothing was written.');
    return 0;
  }
  const folder = await writeExam(exam, path.basename(target.file).replace(/\.ya?ml$/, ''), outRoot, config.bankDir);
  if (!folder) return 1;
  console.log(`✓ ${exam.variants.length} variant${exam.variants.length === 1 ? '' : 's'} (paper, answer key, answer sheet) in ${relative(folder)}/ in ${formatDuration(performance.now() - started)}`);
  if (!args.seed) console.log(`  seed ${seed}: run again with \`--seed ${seed}\` to get the same papers.`);
  return 0;
}

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

/** Renders every PDF of an exam and writes the run's folder atomically; returns it, or undefined on errors. */
async function writeExam(exam: Exam, name: string, outRoot: string, bankDir: string): Promise<string | undefined> {
  const fonts = await loadExamFont();
  const images = await loadExamImages(exam, bankDir);
  const generated = await generateExamFiles(exam, fonts, { onProgress: createProgressBar('rendering PDFs'), images });
  if (hasErrors(generated.diagnostics)) {
    fail(generated.diagnostics, 'no exam made');
    return undefined;
  }
  const folder = path.join(outRoot, `${name}-bank-${exam.bankVersion}-seed-${exam.seed}`);
  const manifest = `${JSON.stringify(createManifest(exam), null, 2)}\n`;
  await writeRun(folder, [...generated.files.map((f) => ({ name: f.name, bytes: f.bytes })), { name: 'manifest.json', bytes: manifest }]);
  return folder;
}

/** `--manifest`: rebuilds a past run from its manifest, or refuses and says which questions changed. */
async function regenerate(args: ExamArgs, config: ReturnType<typeof loadProjectConfig>, started: number): Promise<number> {
  let manifest: ExamManifest;
  try {
    manifest = JSON.parse(await readFile(path.resolve(args.manifest!), 'utf8')) as ExamManifest;
  } catch {
    throw new UsageError(`cannot read \`${args.manifest}\` as a manifest.json written by \`npm run exam\``);
  }
  const project = await loadProject(config);
  const blueprintFile = path.resolve(PROJECT_ROOT, manifest.blueprint.file);
  let source: string;
  try {
    const read = await readTextFile(blueprintFile, manifest.blueprint.file);
    if (!read.ok) return fail([read.diagnostic], 'cannot regenerate');
    source = read.text;
  } catch {
    console.error(`✖ cannot regenerate: the blueprint ${manifest.blueprint.file} no longer exists.`);
    return 1;
  }
  const { parsed, diagnostics } = parseBlueprint(source, manifest.blueprint.file);
  if (!parsed) return fail(diagnostics, 'cannot regenerate');
  const { exam, problems } = examFromManifest(manifest, project.bank, parsed);
  if (!exam) {
    console.error(`✖ cannot regenerate ${manifest.title} (bank ${manifest.bank.version}, seed ${manifest.seed}) byte for byte; since then:\n${problems.map((p) => `  - ${p}`).join('\n')}\nMake a new run instead: \`npm run exam -- ${path.basename(manifest.blueprint.file).replace(/\.ya?ml$/, '')} --seed ${manifest.seed}\`.`);
    return 1;
  }
  const folder = await writeExam(exam, path.basename(manifest.blueprint.file).replace(/\.ya?ml$/, ''), path.resolve(PROJECT_ROOT, args.out), config.bankDir);
  if (!folder) return 1;
  console.log(`✓ regenerated ${exam.variants.length} variant${exam.variants.length === 1 ? '' : 's'} of bank ${exam.bankVersion}, seed ${exam.seed} in ${relative(folder)}/ in ${formatDuration(performance.now() - started)}`);
  return 0;
}

if (import.meta.main) process.exitCode = await runMain(main, USAGE);
