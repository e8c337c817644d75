import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ContentError, createError, formatDiagnostics, formatPlace, hasErrors, type Diagnostic } from '../src/lib/diagnostics/index.ts';
import { planImport, readImportFile, type SkippedQuestion } from '../src/lib/interop/index.ts';
import { loadProject } from '../src/lib/project/index.ts';
import { formatDuration, parseCommandLine, runMain, UsageError } from './cli.ts';
import { loadProjectConfig, PROJECT_ROOT } from './project-config.ts';


const USAGE = `Usage: npm run import -- <file.xlsx|file.csv|file.xml|file.gift> [--module <module>] [--name <file-name>] [--dry-run]

Reads questions from a spreadsheet (the 题库 template of \`npm run new -- import-template\`),
Moodle XML or GIFT, and writes them as YAML into question-bank/<module>/: into <lesson>.yaml when a
question names its lesson (appended if the file exists), otherwise into <file-name>.yaml (default:
the input's name). New ids continue the module's prefix. Every problem is reported with its cell or
line; nothing is written unless the whole file imports. --dry-run checks and reports only.
--module is the module for questions whose source names none (the 模块 column, a Moodle category).`;

/** Imports a question file into the bank and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, {
    module: { type: 'string' },
    name: { type: 'string' },
    'dry-run': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length ? 'import one file at a time' : 'name the file to import');
  const started = performance.now();
  const input = path.resolve(positionals[0]!);
  const display = path.relative(process.cwd(), input) || input;
  const config = loadProjectConfig();
  const { course, bank } = await loadProject(config);
  const modules = new Map(course.modules.map((m) => [m.slug, m.lessons.map((l) => l.slug)]));
  if (values.module !== undefined && !modules.has(values.module)) {
    throw new UsageError(`no module \`${values.module}\`; modules: ${[...modules.keys()].join(', ')}`);
  }
  const fallbackName = values.name ?? slugOf(path.basename(input, path.extname(input)));
  if (!/^[a-z0-9][a-z0-9-]*$/.test(fallbackName)) throw new UsageError(`\`--name ${fallbackName}\` must be lowercase letters, digits and hyphens`);

  const loaded = performance.now();
  const read = await readImportFile(input, display, { module: values.module, modules: [...modules.keys()] });
  if (hasErrors(read.diagnostics)) throw new ContentError(read.diagnostics);
  const existingFiles = new Map<string, string>();
  for (const module of new Set(read.drafts.map((d) => d.module))) {
    const folder = path.join(config.bankDir, module);
    const names = await readdir(folder).catch(() => [] as string[]);
    for (const name of names.filter((n) => /\.ya?ml$/.test(n))) existingFiles.set(path.join(folder, name), await readFile(path.join(folder, name), 'utf8'));
  }
  const plan = planImport(read.drafts, { modules, bank, bankDir: config.bankDir, existingFiles }, fallbackName);
  const images = await planImages(read.images, path.join(config.bankDir, 'assets'));
  const diagnostics = [...read.diagnostics, ...plan.diagnostics, ...images.diagnostics];
  if (hasErrors(diagnostics)) throw new ContentError(diagnostics);
  // Warnings (e.g. an explanation naming an option by letter) do not stop the import, but are shown.
  if (diagnostics.length) console.error(formatDiagnostics(diagnostics));

  // Paths as the user can use them: relative when inside the working folder, absolute otherwise.
  const relative = (file: string) => (path.relative(process.cwd(), file).startsWith('..') ? file : path.relative(process.cwd(), file));
  printSkipped(read.skipped);
  if (values['dry-run']) {
    for (const file of plan.files) console.log(`would ${file.appended ? 'append' : 'write'} ${relative(file.file)}: ${file.added.length} question(s) (${file.added[0]}…${file.added.at(-1)})`);
    for (const image of images.write) console.log(`would write ${relative(image.file)}`);
    console.log(`✓ project loaded in ${formatDuration(loaded - started)}; dry run: ${plan.questions.length} question(s) would be imported, nothing was written; checked in ${formatDuration(performance.now() - loaded)}`);
    return 0;
  }
  // Temporary files first, then renames: a failure before the renames leaves the bank as it was.
  const staged: { temp: string; file: string }[] = [];
  for (const { file, content } of [...plan.files, ...images.write.map((i) => ({ file: i.file, content: i.bytes }))]) {
    await mkdir(path.dirname(file), { recursive: true });
    const temp = `${file}.tmp-${process.pid}`;
    await writeFile(temp, content);
    staged.push({ temp, file });
  }
  for (const { temp, file } of staged) await rename(temp, file);
  for (const file of plan.files) console.log(`${file.appended ? 'appended to' : 'wrote'} ${relative(file.file)}: ${file.added.length} question(s)`);
  for (const image of images.write) console.log(`wrote ${relative(image.file)}`);
  console.log(`✓ project loaded in ${formatDuration(loaded - started)}; imported ${plan.questions.length} question(s) from ${display} in ${formatDuration(performance.now() - loaded)}\n  Review them, then run \`npm run check\`.`);
  return 0;
}

/** Images go to question-bank/assets/; an existing file with other bytes is a problem, never overwritten. */
async function planImages(images: readonly { name: string; bytes: Uint8Array }[], assetsDir: string) {
  const write: { file: string; bytes: Uint8Array }[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const image of images) {
    const file = path.join(assetsDir, image.name);
    const existing = await readFile(file).catch(() => undefined);
    if (existing === undefined) write.push({ file, bytes: image.bytes });
    else if (!existing.equals(Buffer.from(image.bytes))) {
      diagnostics.push(createError(path.relative(PROJECT_ROOT, file), undefined, 'interop/image-exists', `Unexpected image \`${image.name}\`: a different file of that name is already in the bank`, 'rename one of the two images (in the source file) and import again.'));
    }
  }
  return { write, diagnostics };
}

function printSkipped(skipped: readonly SkippedQuestion[]): void {
  if (!skipped.length) return;
  console.log(`Not imported (${skipped.length}): trainbook has no matching question type`);
  for (const s of skipped) console.log(`  ${formatPlace(s.file, s.place)}  ${s.sourceType}  “${s.name}”: ${s.reason}`);
}

/** Returns a file name made of lowercase letters, digits and hyphens: `题库 2024.xlsx` → `imported`. */
function slugOf(name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug || 'imported';
}

if (import.meta.main) process.exitCode = await runMain(main, USAGE);
