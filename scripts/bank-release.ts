import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { bumpVersion, createRelease, diffBank, formatChangesMarkdown, formatChangesText, isEmptyChange } from '../src/lib/bank/index.ts';
import { formatDiagnostics, hasErrors } from '../src/lib/diagnostics/index.ts';
import { writeFileAtomic } from '../src/lib/output/index.ts';
import { loadProject } from '../src/lib/project/index.ts';
import { parseCommandLine, runMain, UsageError } from './cli.ts';
import { loadProjectConfig } from './project-config.ts';

const USAGE = `Usage: npm run bank:release -- patch|minor|major [--date YYYY-MM-DD] [--dry-run]
       npm run bank:release -- --init [--dry-run]

Releases the question bank: bumps \`version\` in question-bank/bank.yaml, records every
question's revision and content hash in question-bank/bank.lock.json and prepends the
changes (added, changed with fields, retired) to question-bank/CHANGELOG.md.
  patch   wording fixes          minor   questions added or retired          major   restructuring
  --init     write the first lock for the current version (no bump)
  --dry-run  print what would be released and write nothing`;

/** Releases the bank and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, {
    init: { type: 'boolean' },
    date: { type: 'string' },
    'dry-run': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const init = values.init ?? false;
  const dryRun = values['dry-run'] ?? false;
  if (positionals.length > 1) throw new UsageError(`one release level only, got \`${positionals.join(' ')}\``);
  const level = positionals[0] as 'patch' | 'minor' | 'major' | undefined;
  if (level !== undefined && !['patch', 'minor', 'major'].includes(level)) throw new UsageError(`unknown release level \`${level}\`; use \`patch\`, \`minor\` or \`major\``);
  if (init && level) throw new UsageError('`--init` writes the first lock without a version bump; leave out the release level');
  const date = values.date ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError('`--date` needs a date like 2026-11-24');
  if (!init && !level) throw new UsageError('say what kind of release: `patch`, `minor` or `major` (or `--init` for the first lock)');

  const config = loadProjectConfig();
  const { bank, lock, diagnostics } = await loadProject(config);
  // A release must not bless a broken bank; the lock rules themselves are what a release resolves.
  const blocking = diagnostics.filter((d) => d.severity === 'error' && d.ruleId !== 'bank/version-mismatch');
  if (hasErrors(blocking)) {
    console.error(formatDiagnostics(blocking));
    console.error('\n✖ nothing released: fix the errors above first (`npm run check`).');
    return 1;
  }
  if (init && lock) throw new UsageError('the bank already has a lock; release with `patch`, `minor` or `major`');
  const changes = diffBank(lock?.questions ?? {}, bank.questions);
  if (!init && isEmptyChange(changes)) {
    console.error('✖ nothing to release: no question was added, changed or retired since the last release.');
    return 1;
  }
  const version = init ? bank.meta.version : bumpVersion(lock?.version ?? bank.meta.version, level!);
  const next = createRelease(bank, lock, changes, version, date);

  if (dryRun) {
    console.log(`dry run: the question bank would be ${init ? 'locked at' : 'released as'} ${version}; nothing was written.\n\n${formatChangesText(changes)}`);
    return 0;
  }
  const metaFile = path.join(config.bankDir, 'bank.yaml');
  const meta = await readFile(metaFile, 'utf8');
  await writeFileAtomic(metaFile, meta.replace(/^version:.*$/m, `version: ${version}`));
  await writeFileAtomic(path.join(config.bankDir, 'bank.lock.json'), `${JSON.stringify(next, null, 2)}\n`);
  const changelogFile = path.join(config.bankDir, 'CHANGELOG.md');
  let changelog = '# 题库变更记录 Question bank changelog\n\nWritten by `npm run bank:release`; newest first.\n';
  try {
    changelog = await readFile(changelogFile, 'utf8');
  } catch {
    // First release: start the file.
  }
  const entry = formatChangesMarkdown(changes, `## ${version} — ${date}${init ? '（首次发布 initial release）' : ''}`);
  const marker = changelog.indexOf('\n## ');
  changelog = marker === -1 ? `${changelog.trimEnd()}\n\n${entry}` : `${changelog.slice(0, marker + 1)}${entry}\n${changelog.slice(marker + 1)}`;
  await writeFileAtomic(changelogFile, changelog.endsWith('\n') ? changelog : `${changelog}\n`);
  console.log(`✓ question bank ${init ? 'locked at' : 'released as'} ${version}\n\n${formatChangesText(changes)}`);
  return 0;
}

if (import.meta.main) process.exitCode = await runMain(main, USAGE);
