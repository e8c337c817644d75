import { rm } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { build as astroBuild } from 'astro';
import { formatDiagnostics, hasErrors } from '../src/lib/diagnostics/index.ts';
import { checkProject } from '../src/lib/project/index.ts';
import { commitStagingDir, prepareStagingDir } from './atomic-dir.ts';
import { formatDuration, runMain, UsageError } from './cli.ts';
import { loadProjectConfig, PROJECT_ROOT } from './project-config.ts';
import { writeSearchIndex } from './search-index.ts';

const USAGE = `Usage: npm run build [-- --out DIR]

Checks content/ and question-bank/, builds the handbook site with Astro,
indexes it with Pagefind and replaces DIR (default: dist/) only when all of that succeeded.`;

function parseArgs(argv: string[]): { outDir: string } {
  let outDir = process.env.TRAINBOOK_OUT_DIR ?? 'dist';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--out') {
      const value = argv[++i];
      if (!value) throw new UsageError('`--out` needs a folder, e.g. `--out public-site`');
      outDir = value;
    } else {
      throw new UsageError(`unknown argument \`${arg}\``);
    }
  }
  return { outDir: path.resolve(PROJECT_ROOT, outDir) };
}

/** Builds the site into a staging folder and swaps it into place; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const { outDir } = parseArgs(argv);
  const config = loadProjectConfig();
  const started = performance.now();

  const check = await checkProject(config);
  if (check.diagnostics.length) console.error(formatDiagnostics(check.diagnostics));
  if (hasErrors(check.diagnostics)) {
    console.error(`\n✖ build stopped: fix the errors above. ${path.relative(PROJECT_ROOT, outDir) || '.'}/ was left as it was.`);
    return 1;
  }
  console.log(`✓ checked ${check.counts.modules} modules, ${check.counts.lessons} lessons`);

  const staging = await prepareStagingDir(outDir);
  try {
    // `force` clears Astro's content cache: rendered lessons embed quizzes from the bank, which
    // Astro does not know about, so a cached lesson could show an outdated (or now exam-only) question.
    await astroBuild({ root: PROJECT_ROOT, outDir: staging, force: true, logLevel: process.env.TRAINBOOK_LOG_LEVEL === 'debug' ? 'debug' : 'warn' });
    const pages = await writeSearchIndex(staging);
    console.log(`✓ search index: ${pages} lessons`);
    await commitStagingDir(staging, outDir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  console.log(`✓ built ${path.relative(PROJECT_ROOT, outDir)}/ in ${formatDuration(performance.now() - started)}`);
  return 0;
}

if (import.meta.main) process.exitCode = await runMain(main, USAGE);
