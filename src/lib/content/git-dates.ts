import { execFileSync } from 'node:child_process';
import path from 'node:path';

const DATE_MARK = '\u0001';

/** Runs git in `dir` and returns its output, or undefined when git or the repository is missing. */
function git(args: string[], dir: string): string | undefined {
  try {
    return execFileSync('git', args, { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

/**
 * True when `dir` is in a shallow clone (`git clone --depth …`, the default of many CI checkouts).
 * Its history is cut off, so every file would seem last changed in the oldest commit fetched.
 */
export function isShallowClone(dir: string): boolean {
  return git(['rev-parse', '--is-shallow-repository'], dir)?.trim() === 'true';
}

/**
 * Returns the last commit date (YYYY-MM-DD) of every file under `dir`, keyed by absolute path,
 * from a single `git log` call. Empty when `dir` is not in a git repository, git is missing or
 * the clone is shallow (its dates would be wrong), so such a site simply shows no dates.
 * File names may hold any character (`-z`: Chinese names are not quoted).
 */
export function readGitDates(dir: string): Map<string, string> {
  const dates = new Map<string, string>();
  const top = git(['rev-parse', '--show-toplevel'], dir)?.trim();
  if (!top || isShallowClone(dir)) return dates;
  const output = git(['log', '-z', `--format=${DATE_MARK}%cs`, '--name-only', '--no-renames', '--', '.'], dir);
  if (!output) return dates;
  // With -z every commit is `<mark>date NUL` then `\n` and its file names, each ended by NUL.
  let current = '';
  let firstOfCommit = false;
  for (const token of output.split('\0')) {
    if (token.startsWith(DATE_MARK) && /^\d{4}-\d{2}-\d{2}$/.test(token.slice(1))) {
      current = token.slice(1);
      firstOfCommit = true;
      continue;
    }
    const name = firstOfCommit ? token.replace(/^\n/, '') : token;
    firstOfCommit = false;
    // git log lists newest first, so the first date seen for a file is its last change.
    if (name && current && !dates.has(path.join(top, name))) dates.set(path.join(top, name), current);
  }
  return dates;
}
