import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bumpVersion, createRelease, diffBank, formatChangesMarkdown, formatChangesText, isEmptyChange } from '../src/lib/bank/index.ts';
import { formatDiagnostics, hasErrors } from '../src/lib/diagnostics/index.ts';
import { loadProject } from '../src/lib/project/index.ts';
import { runMain, UsageError } from './cli.ts';
import { loadProjectConfig } from './project-config.ts';

const USAGE = `Usage: npm run bank:release -- patch|minor|major [--date YYYY-MM-DD]
       npm run bank:release -- --init

Releases the question bank: bumps \`version\` in question-bank/bank.yaml, records every
question's revision and content hash in question-bank/bank.lock.json and prepends the
changes (added, changed with fields, retired) to question-bank/CHANGELOG.md.
  patch   wording fixes          minor   questions added or retired          major   restructuring
  --init  write the first lock for the current version (no bump)`;

/** Writes `file` via a temporary file and rename, so an interrupted release leaves the old file whole. */
async function writeAtomically(file: string, text: string) {
  const { rename } = await import('node:fs/promises');
  const temporary = `${file}.tmp-${process.pid}`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}

/** Releases the bank and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const init = argv.includes('--init');
  const level = argv.find((a) => ['patch', 'minor', 'major'].includes(a)) as 'patch' | 'minor' | 'major' | undefined;
  const dateIndex = argv.indexOf('--date');
  const date = dateIndex >= 0 ? argv[dateIndex + 1] : new Date().toISOString().slice(0, 10);
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError('`--date` needs a date like 2026-11-24');
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

  const metaFile = path.join(config.bankDir, 'bank.yaml');
  const meta = await readFile(metaFile, 'utf8');
  await writeAtomically(metaFile, meta.replace(/^version:.*$/m, `version: ${version}`));
  await writeAtomically(path.join(config.bankDir, 'bank.lock.json'), `${JSON.stringify(next, null, 2)}\n`);
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
  await writeAtomically(changelogFile, changelog.endsWith('\n') ? changelog : `${changelog}\n`);
  console.log(`✓ question bank ${init ? 'locked at' : 'released as'} ${version}\n\n${formatChangesText(changes)}`);
  return 0;
}

if (import.meta.main) process.exitCode = await runMain(main, USAGE);
