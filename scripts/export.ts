import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ContentError, formatPlace, hasErrors } from '../src/lib/diagnostics/index.ts';
import { EXPORT_EXTENSIONS, EXPORT_FORMATS, exportQuestions, selectForExport, type ExportFormat, type ExportVisibility } from '../src/lib/interop/index.ts';
import { loadProject } from '../src/lib/project/index.ts';
import { formatDuration, parseCommandLine, runMain, UsageError } from './cli.ts';
import { loadProjectConfig, PROJECT_ROOT } from './project-config.ts';

const USAGE = `Usage: npm run export -- --format xlsx|csv|moodle-xml|gift [--visibility practice|exam|all] [--module <module>] [--out FILE]

Writes the question bank in another format: the 题库 spreadsheet (xlsx/csv, which \`npm run import\`
reads back unchanged), Moodle XML, or GIFT. By default only practice questions are exported: exam
questions leave the repository only with --visibility exam or all. Retired questions are included
in spreadsheets (marked 停用) and left out of Moodle XML and GIFT. Default output:
exports/trainbook-<bank version>-<visibility>.<ext>. See docs/interop.md for what each format keeps.`;

const VISIBILITIES = ['practice', 'exam', 'all'] as const;

/** Exports the bank and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const { values } = parseCommandLine(
    argv,
    {
      format: { type: 'string' },
      visibility: { type: 'string', default: 'practice' },
      module: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    { allowPositionals: false },
  );
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const format = values.format as ExportFormat;
  if (!(EXPORT_FORMATS as readonly string[]).includes(format ?? '')) throw new UsageError(values.format ? `unknown format \`${values.format}\`; use one of ${EXPORT_FORMATS.join(', ')}` : 'choose a format with --format');
  const visibility = values.visibility as ExportVisibility;
  if (!(VISIBILITIES as readonly string[]).includes(visibility)) throw new UsageError(`unknown visibility \`${values.visibility}\`; use practice, exam or all`);
  const started = performance.now();
  const config = loadProjectConfig();
  const { course, bank, diagnostics } = await loadProject(config);
  // A question with errors is missing from the loaded bank; exporting would drop it silently.
  if (hasErrors(diagnostics)) throw new ContentError(diagnostics);
  if (values.module !== undefined && !course.modules.some((m) => m.slug === values.module)) throw new UsageError(`no module \`${values.module}\``);

  const loaded = performance.now();
  const questions = selectForExport(bank.questions, { visibility, module: values.module, includeRetired: format === 'xlsx' || format === 'csv' });
  const result = await exportQuestions(questions, format, {
    bankVersion: bank.meta.version,
    readImage: (ref) => readFile(path.join(config.bankDir, ref)).then((b) => new Uint8Array(b), () => undefined),
  });
  const out = path.resolve(values.out ?? path.join(PROJECT_ROOT, 'exports', `trainbook-${bank.meta.version}-${visibility}${values.module ? `-${values.module}` : ''}${EXPORT_EXTENSIONS[format]}`));
  if ((await stat(out).catch(() => undefined))?.isDirectory()) throw new UsageError(`\`${values.out}\` is a folder; give a file name, e.g. --out ${path.join(values.out ?? '', `bank${EXPORT_EXTENSIONS[format]}`)}`);
  await mkdir(path.dirname(out), { recursive: true });
  const temp = `${out}.tmp-${process.pid}`;
  await writeFile(temp, result.bytes);
  await rename(temp, out);

  for (const s of result.skipped) console.log(`  not exported: ${formatPlace(s.file, s.place)}  ${s.sourceType} ${s.name}: ${s.reason}`);
  for (const note of result.notes) console.log(`  note: ${note}`);
  const exam = questions.filter((q) => q.visibility === 'exam').length;
  if (exam) console.log(`! ${exam} exam question(s) included: keep ${path.relative(process.cwd(), out)} private.`);
  // The export's own time comes last (npm run bench reads it); loading the project is reported apart.
  console.log(`✓ project loaded in ${formatDuration(loaded - started)}; exported ${result.count} question(s) to ${path.relative(process.cwd(), out)} in ${formatDuration(performance.now() - loaded)}`);
  return 0;
}

if (import.meta.main) process.exitCode = await runMain(main, USAGE);
