import { parseCommandLine, runMain, UsageError } from '../cli.ts';
import { writeSearchIndex } from '../search-index.ts';

const USAGE = `Usage: node scripts/bench/index-site.ts <dir>

Indexes a built site with Pagefind, as the bench's bare Astro + Pagefind baseline.`;

/** Indexes the site folder named on the command line and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const { positionals } = parseCommandLine(argv, {});
  if (positionals.length !== 1) throw new UsageError('name the one built site folder to index');
  await writeSearchIndex(positionals[0]!);
  return 0;
}

if (import.meta.main) process.exitCode = await runMain(main, USAGE);
