import { randomInt } from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { readTextFile } from '../src/lib/encoding/index.ts';
import { assembleExam, assignVariants, parseBlueprint, seedProblem, type RunCandidate } from '../src/lib/exam/index.ts';
import { loadProject } from '../src/lib/project/index.ts';
import { formatDuration, parseCommandLine, runMain, UsageError } from './cli.ts';
import { describeSelection } from './exam/describe.ts';
import { writeExamRun } from './exam/exam-run.ts';
import { fail, relative } from './exam/output.ts';
import { regenerate } from './exam/regenerate.ts';
import { readRoster } from './exam/roster.ts';
import { printRubric } from './exam/rubric-run.ts';
import { printList, resolveTarget } from './exam/target.ts';
import { loadProjectConfig, PROJECT_ROOT } from './project-config.ts';

const USAGE = `Usage:
  npm run exam -- <blueprint> [--variants N] [--seed S] [--roster FILE] [--out DIR] [--dry-run]
  npm run exam -- --manifest <manifest.json> [--out DIR]
  npm run exam -- <rubric> [--out DIR]
  npm run exam -- --list

  <blueprint>   a name from question-bank/blueprints/ (e.g. new-hire-theory) or a path to a .yaml file
  <rubric>      a name from question-bank/rubrics/ (e.g. delayed-delivery-complaint): prints the
                practical assessment set (score sheet, task card, examiner script, group summary)
  --variants N  number of variants A, B, … (default: the blueprint's \`variants\`)
  --seed S      selection and order seed; the same seed, blueprint and bank give the same PDFs
                (default: a random seed, printed so the run can be repeated)
  --roster F    roster.csv or roster.xlsx with columns 工号, 姓名, 部门: one personalised answer
                sheet per candidate, variants assigned round-robin in roster order
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
  roster?: string;
  out: string;
  dryRun: boolean;
  list: boolean;
  help: boolean;
}

/** Returns the parsed command line, or throws UsageError. */
export function parseExamArgs(argv: string[]): ExamArgs {
  const { values, positionals } = parseCommandLine(argv, {
    variants: { type: 'string' },
    seed: { type: 'string' },
    roster: { type: 'string' },
    out: { type: 'string', default: 'exams' },
    manifest: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    list: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (positionals.length > 1) throw new UsageError(`unexpected second argument \`${positionals[1]}\``);
  const args: ExamArgs = { target: positionals[0], out: values.out, dryRun: values['dry-run'], list: values.list, help: values.help, manifest: values.manifest, seed: values.seed, roster: values.roster };
  if (values.variants !== undefined) {
    const n = Number(values.variants);
    if (!Number.isInteger(n) || n < 1 || n > 26) throw new UsageError('`--variants` must be a whole number from 1 to 26');
    args.variants = n;
  }
  // The seed names the output folder, so it must be a plain name.
  if (args.seed !== undefined && seedProblem(args.seed)) throw new UsageError(`\`--seed\`: ${seedProblem(args.seed)}`);
  if (args.help) return args;
  if (!args.list && !args.target && !args.manifest) throw new UsageError('name a blueprint or rubric, or use `--list` or `--manifest`');
  if (args.manifest && (args.target || args.seed || args.variants || args.roster)) throw new UsageError('`--manifest` regenerates a run as it was: it takes no blueprint, `--seed`, `--variants` or `--roster`');
  return args;
}

/** Generates exam papers (or a practical assessment set) and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const args = parseExamArgs(argv);
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const config = loadProjectConfig();
  if (args.list) {
    await printList(config.bankDir);
    return 0;
  }
  const started = performance.now();
  const outRoot = path.resolve(PROJECT_ROOT, args.out);
  if (args.manifest) return regenerate(args.manifest, outRoot, config, started);
  const target = await resolveTarget(args.target!, config.bankDir);
  if (target.kind === 'rubric') {
    // `--seed` is accepted and ignored (nothing is drawn), so one command line can print every blueprint and rubric.
    if (args.roster || args.variants) throw new UsageError('a rubric takes no `--roster` or `--variants`');
    return printRubric(target.file, { outRoot, lang: config.lang, dryRun: args.dryRun, started });
  }

  const roster = args.roster ? await readRoster(args.roster) : undefined;
  const project = await loadProject(config);
  const bankProblems = project.diagnostics.filter((d) => d.severity === 'error' && path.resolve(PROJECT_ROOT, d.file).startsWith(config.bankDir));
  if (bankProblems.length) return fail(bankProblems, 'no exam made: the question bank has errors (see `npm run check`)');
  const read = await readTextFile(target.file, relative(target.file));
  if (!read.ok) return fail([read.diagnostic], 'nothing printed');
  const { parsed, diagnostics } = parseBlueprint(read.text, relative(target.file));
  // Blueprint and roster problems are reported together.
  const problems = [...diagnostics, ...(roster?.diagnostics ?? [])];
  if (!parsed || problems.some((d) => d.severity === 'error')) return fail(problems, 'no exam made');
  const seed = args.seed ?? String(randomInt(100000, 1000000));
  const assembled = assembleExam(project.bank, parsed, { seed, variants: args.variants });
  if (!assembled.exam) return fail(assembled.diagnostics, 'no exam made');
  const exam = assembled.exam;
  const candidates: RunCandidate[] | undefined = roster && assignVariants(roster.entries, exam.variants.map((v) => v.label));
  if (candidates && exam.answers === 'paper') console.error('note: the blueprint has `answers: paper`, so there are no answer sheets to personalise; the roster only records the variants in manifest.json.');
  if (args.dryRun) {
    console.log(describeSelection(exam, candidates));
    console.log('\n--dry-run: nothing was written.');
    return 0;
  }
  const folder = await writeExamRun(exam, { blueprintName: path.basename(target.file).replace(/\.ya?ml$/, ''), outRoot, bankDir: config.bankDir, lang: config.lang, candidates });
  if (!folder) return 1;
  const what = exam.answers === 'sheet' ? 'paper, answer key, answer sheet' : 'paper answered in place, answer key';
  console.log(`✓ ${exam.variants.length} variant${exam.variants.length === 1 ? '' : 's'} (${what})${candidates ? `, ${candidates.length} personalised sheets` : ''} in ${relative(folder)}/ in ${formatDuration(performance.now() - started)}`);
  if (!args.seed) console.log(`  seed ${seed}: run again with \`--seed ${seed}\` to get the same papers.`);
  return 0;
}

if (import.meta.main) process.exitCode = await runMain(main, USAGE);
