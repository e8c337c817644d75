import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * Returns the last commit date (YYYY-MM-DD) of every file under `dir`, keyed by absolute path,
 * from a single `git log` call. Empty when `dir` is not in a git repository or git is missing,
 * so a site built from a tarball simply shows no dates.
 */
export function readGitDates(dir: string): Map<string, string> {
  const dates = new Map<string, string>();
  let output: string;
  let top: string;
  try {
    top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    output = execFileSync('git', ['log', '--format=%x00%cs', '--name-only', '--no-renames', '--', '.'], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return dates;
  }
  let current = '';
  for (const line of output.split('\n')) {
    if (line.startsWith('\0')) current = line.slice(1);
    else if (line && current) {
      const file = path.join(top, line);
      // git log lists newest first, so the first date seen for a file is its last change.
      if (!dates.has(file)) dates.set(file, current);
    }
  }
  return dates;
}
