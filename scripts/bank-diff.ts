import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { diffBank, formatChangesMarkdown, formatChangesText, lockQuestion, type LockedQuestion } from '../src/lib/bank/index.ts';
import { formatDiagnostics } from '../src/lib/diagnostics/index.ts';
import { flagQuestions, formatFlagsMarkdown, formatFlagsText } from '../src/lib/marking/stats-check.ts';
import { loadProject, loadStatsFiles } from '../src/lib/project/index.ts';
import { parseQuestionFile, RESERVED_BANK_FOLDERS } from '../src/lib/questions/index.ts';
import { parseCommandLine, runMain, UsageError } from './cli.ts';
import { loadProjectConfig, PROJECT_ROOT } from './project-config.ts';

const USAGE = `Usage: npm run bank:diff -- <git-ref> [--markdown | --json]

Summarises question changes between <git-ref> (e.g. origin/main) and the working tree, for
pull-request reviewers: added, changed (which fields, old → new rev), retired, deleted.
  --markdown   Markdown for a pull-request comment
  --json       machine-readable`;

function git(args: string[], cwd: string): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const message = String((error as { stderr?: string }).stderr ?? (error as Error).message).trim().split('\n')[0];
    throw new UsageError(`git ${args[0]} failed: ${message}`);
  }
}

/** Returns the bank's questions as they were at `ref`, as lock entries. */
export function readBankAtRef(ref: string, bankDir: string): Record<string, LockedQuestion> {
  const top = git(['rev-parse', '--show-toplevel'], bankDir).trim();
  const bankPath = path.relative(top, bankDir).split(path.sep).join('/');
  git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], top);
  const files = git(['ls-tree', '-r', '--name-only', ref, '--', bankPath], top)
    .split('\n')
    .filter((file) => /\.ya?ml$/.test(file))
    .filter((file) => {
      const [folder, ...rest] = path.posix.relative(bankPath, file).split('/');
      return rest.length === 1 && !(RESERVED_BANK_FOLDERS as readonly string[]).includes(folder!);
    });
  const questions: Record<string, LockedQuestion> = {};
  for (const file of files) {
    const parsed = parseQuestionFile(git(['show', `${ref}:${file}`], top), `${ref}:${file}`);
    if (parsed.diagnostics.length) console.error(`note: ${file} at ${ref} had problems; its valid questions are compared.\n${formatDiagnostics(parsed.diagnostics)}`);
    for (const question of parsed.questions) questions[question.id] ??= lockQuestion(question);
  }
  return questions;
}

/** Prints the bank changes since a git ref and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, {
    markdown: { type: 'boolean' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.markdown && values.json) throw new UsageError('choose one of `--markdown` and `--json`');
  if (positionals.length > 1) throw new UsageError(`one git ref only, got \`${positionals.join(' ')}\``);
  const ref = positionals[0];
  if (!ref) throw new UsageError('name the git ref to compare with, e.g. `origin/main`');
  const config = loadProjectConfig();
  const before = readBankAtRef(ref, config.bankDir);
  const { bank } = await loadProject(config);
  const changes = diffBank(before, bank.questions);
  // Reviewers see which current questions their statistics flag, next to what changed.
  const flags = flagQuestions(bank, (await loadStatsFiles(path.join(config.bankDir, 'stats'), config.rootDir)).files);
  if (values.json) console.log(JSON.stringify({ ref, bankVersion: bank.meta.version, ...changes, flags }, null, 2));
  else if (values.markdown) console.log([formatChangesMarkdown(changes, `## 题库变更 Question bank changes since \`${ref}\``), formatFlagsMarkdown(flags)].filter(Boolean).join('\n\n'));
  else console.log(`Question bank changes since ${ref} (${path.relative(PROJECT_ROOT, config.bankDir)}/):\n\n${formatChangesText(changes)}\n\n${formatFlagsText(flags)}`);
  return 0;
}

if (import.meta.main) process.exitCode = await runMain(main, USAGE);
