import { performance } from 'node:perf_hooks';
import { formatDiagnostics, hasErrors } from '../src/lib/diagnostics/index.ts';
import { checkProject } from '../src/lib/project/index.ts';
import { formatDuration, parseCommandLine, runMain } from './cli.ts';
import { loadProjectConfig } from './project-config.ts';

const USAGE = `Usage: npm run check

Validates content/ and question-bank/ without building the site.
Prints every problem as  file:line:col  error  message  rule-id  and exits 1 if any is an error.`;

/** Checks the project and returns the exit code: 0 clean (warnings allowed), 1 on errors. */
export async function main(argv: string[]): Promise<number> {
  const { values } = parseCommandLine(argv, { help: { type: 'boolean', short: 'h' } }, { allowPositionals: false });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const started = performance.now();
  const { diagnostics, counts } = await checkProject(loadProjectConfig());
  if (diagnostics.length) console.error(formatDiagnostics(diagnostics));
  const summary = `${counts.modules} modules, ${counts.lessons} lessons, ${counts.questions} questions checked in ${formatDuration(performance.now() - started)}`;
  if (hasErrors(diagnostics)) {
    console.error(`\n✖ check failed: ${summary}. Fix the errors above; nothing was built.`);
    return 1;
  }
  console.log(`✓ ${summary}`);
  return 0;
}

if (import.meta.main) process.exitCode = await runMain(main, USAGE);
