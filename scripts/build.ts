import { copyFile, mkdir, readdir, rm } from 'node:fs/promises';
import { isShallowClone, listLinkTargets } from '../src/lib/content/index.ts';
import { assertOutputTarget, commitStagingDir, listProtectedFolders, prepareStagingDir } from '../src/lib/output/index.ts';
import { listQuestionImages, type QuestionBank } from '../src/lib/questions/index.ts';
import { listPracticeQuestions } from '../src/lib/quiz/index.ts';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatDiagnostics, hasErrors, isContentError, type Diagnostic } from '../src/lib/diagnostics/index.ts';
import { checkProject } from '../src/lib/project/index.ts';
import { formatDuration, parseCommandLine, runMain, UsageError } from './cli.ts';
import { loadProjectConfig, PROJECT_ROOT } from './project-config.ts';
import { writeSearchIndex } from './search-index.ts';
import { writeServiceWorker } from '../src/lib/offline/index.ts';

const USAGE = `Usage: npm run build [-- --out DIR] [--exams DIR | --no-exams]

Checks content/ and question-bank/, builds the handbook site with Astro,
indexes it with Pagefind and replaces DIR (default: dist/) only when all of that succeeded.
Then prints the sample exam papers of question-bank/blueprints/ and rubrics/ (seed \`sample\`)
into the private folder given by --exams (default: exams/), never into the site.`;

function parseBuildArgs(argv: string[]): { outDir: string; examsDir: string; exams: boolean; help: boolean } {
  const { values } = parseCommandLine(
    argv,
    { out: { type: 'string' }, exams: { type: 'string' }, 'no-exams': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    { allowPositionals: false },
  );
  if (values.exams !== undefined && values['no-exams']) throw new UsageError('choose one of `--exams DIR` and `--no-exams`');
  const outDir = values.out ?? process.env.TRAINBOOK_OUT_DIR ?? 'dist';
  const examsDir = values.exams ?? process.env.TRAINBOOK_EXAMS_DIR ?? 'exams';
  for (const [flag, value] of [['--out', outDir], ['--exams', examsDir]] as const) {
    if (value.trim() === '') throw new UsageError(`\`${flag}\` needs a folder, e.g. \`${flag} build-output\``);
  }
  return { outDir: path.resolve(PROJECT_ROOT, outDir), examsDir: path.resolve(PROJECT_ROOT, examsDir), exams: !values['no-exams'], help: values.help ?? false };
}

/** A site built before trainbook marked its outputs: Astro's assets beside Pagefind's index. */
const isEarlierSite = (names: string[]) => names.includes('index.html') && names.includes('pagefind') && names.includes('_astro');

/**
 * Runs `task` with known noise filtered out: Astro 6's deprecation notice for `markdown.remarkPlugins`
 * and `markdown.smartypants` (the replacement is not read by @astrojs/mdx 5, and the legacy option is
 * the one setting that applies our remark plugins to .md and .mdx alike; docs/architecture.md), and
 * Astro's own printing of our content errors, which the build reports itself.
 */
async function withoutKnownNoise<T>(task: () => Promise<T>): Promise<T> {
  const { warn, error } = console;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && /`markdown\.(remarkPlugins|smartypants)`/.test(args[0])) return;
    warn(...args);
  };
  // Astro's Markdown renderer prints each failing lesson's error with its stack; ours are
  // collected and printed once as diagnostics, without a stack.
  console.error = (...args: unknown[]) => {
    if (isContentError(args[0])) return;
    error(...args);
  };
  try {
    return await task();
  } finally {
    Object.assign(console, { warn, error });
  }
}

/**
 * Copies the images of practice questions to `bank-assets/` in the site, where quizzes link them.
 * Only practice questions' images: an exam question's figure must not be published either.
 */
async function copyPracticeImages(bank: QuestionBank, bankDir: string, siteDir: string): Promise<void> {
  for (const question of listPracticeQuestions(bank)) {
    for (const src of listQuestionImages(question)) {
      const target = path.join(siteDir, 'bank-assets', src);
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(path.join(bankDir, src), target);
    }
  }
}

/** Prints every sample blueprint and rubric with a fixed seed, so the build's papers are reproducible. */
async function buildSampleExams(bankDir: string, examsDir: string): Promise<number> {
  const { main: examMain } = await import('./exam.ts');
  let failures = 0;
  for (const folder of ['blueprints', 'rubrics']) {
    let names: string[] = [];
    try {
      names = (await readdir(path.join(bankDir, folder))).filter((f) => /\.ya?ml$/.test(f)).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const code = await examMain([path.join(bankDir, folder, name), '--seed', 'sample', '--out', examsDir]);
      if (code !== 0) failures += 1;
    }
  }
  return failures;
}

/** Builds the site into a staging folder and swaps it into place; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const { outDir, examsDir, exams, help } = parseBuildArgs(argv);
  if (help) {
    console.log(USAGE);
    return 0;
  }
  const config = loadProjectConfig();
  // Before anything else: the output folder is replaced whole, so it must be one trainbook may replace.
  await assertOutputTarget(outDir, { protect: listProtectedFolders(config), isEarlierOutput: isEarlierSite });
  const started = performance.now();

  const stopped = (diagnostics: Diagnostic[]) => {
    console.error(formatDiagnostics(diagnostics));
    console.error(`\n✖ build stopped: fix the errors above. ${path.relative(PROJECT_ROOT, outDir) || '.'}/ was left as it was.`);
    return 1;
  };
  // Lesson Markdown is checked while Astro renders it (the same remark plugins), so it is not
  // parsed twice; if rendering fails, the full check runs to report every problem at once.
  const check = await checkProject(config, { markdown: false });
  if (hasErrors(check.diagnostics)) return stopped(check.diagnostics);
  if (check.diagnostics.length) console.error(formatDiagnostics(check.diagnostics));
  console.log(`✓ checked ${check.counts.modules} modules, ${check.counts.lessons} lessons in ${formatDuration(performance.now() - started)}`);

  if (isShallowClone(config.contentDir)) console.warn('warning: this is a shallow git clone, so lessons show no last-updated dates. Fetch the full history (`git fetch --unshallow`, or `fetch-depth: 0` in CI) to show them.');
  // Astro, its integrations and the PDF code load only now: a refused or failed check stays quick.
  const [{ build: astroBuild }, { createAstroConfig }] = await Promise.all([import('astro'), import('../src/site/astro-config.ts')]);
  const renderProblems: Diagnostic[] = [];
  const siteConfig = createAstroConfig({
    config,
    bank: check.bank,
    // Links are checked against published pages only, exactly as `npm run check` does (a draft is not a target).
    linkTargets: listLinkTargets(check.course),
    onRenderProblems: (diagnostics) => renderProblems.push(...diagnostics),
  });
  const staging = await prepareStagingDir(outDir);
  try {
    // `force` clears Astro's content cache: rendered lessons embed quizzes from the bank, which
    // Astro does not know about, so a cached lesson could show an outdated (or now exam-only) question.
    await withoutKnownNoise(() =>
      astroBuild({ ...siteConfig, configFile: false, outDir: staging, force: true, logLevel: process.env.TRAINBOOK_LOG_LEVEL === 'debug' ? 'debug' : 'error' }),
    );
    if (renderProblems.length) {
      await rm(staging, { recursive: true, force: true });
      return stopped(renderProblems);
    }
    await copyPracticeImages(check.bank, config.bankDir, staging);
    console.log(`✓ site rendered in ${formatDuration(performance.now() - started)}`);
    const pages = await writeSearchIndex(staging);
    console.log(`✓ search index: ${pages} pages, ${formatDuration(performance.now() - started)}`);
    // After Pagefind: the service worker precaches its core files and is versioned by their content.
    await writeServiceWorker(staging, config.base);
    await commitStagingDir(staging, outDir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    const full = await checkProject(config);
    if (hasErrors(full.diagnostics)) return stopped(full.diagnostics.filter((d) => d.severity === 'error'));
    // What only rendering finds (a <Quiz> whose attributes are expressions) is located by the component.
    if (isContentError(error)) return stopped([...error.diagnostics]);
    throw error;
  }
  console.log(`✓ built ${path.relative(PROJECT_ROOT, outDir)}/ in ${formatDuration(performance.now() - started)}`);
  const failures = exams ? await buildSampleExams(config.bankDir, examsDir) : 0;
  if (failures) {
    console.error(`✖ ${failures} sample exam${failures === 1 ? '' : 's'} could not be printed (the site was built).`);
    return 1;
  }
  return 0;
}

if (import.meta.main) process.exitCode = await runMain(main, USAGE);
