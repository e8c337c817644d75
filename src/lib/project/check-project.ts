import type { TrainbookConfig } from '../config.ts';
import {
  checkLessonMarkdown,
  listLessons,
  listLinkTargets,
  loadCourse,
  type CalloutKind,
  type Course,
  type LessonMarkdownOptions,
} from '../content/index.ts';
import path from 'node:path';
import { checkBankAgainstLock, readBankLock, type BankLock } from '../bank/index.ts';
import { createError, createWarning, type Diagnostic } from '../diagnostics/index.ts';
import { createTranslator } from '../i18n/index.ts';
import { loadQuestionBank, type QuestionBank } from '../questions/index.ts';
import { createQuizDirectiveTransform } from '../quiz/index.ts';
import { checkExamFiles } from './check-exams.ts';
import { checkMarkingFiles } from './check-marking.ts';
import { findPlaceholders } from './placeholders.ts';
import { checkTrainingFiles } from './check-training.ts';
import { loadGlossary } from '../glossary/index.ts';

/** Everything `npm run check` knows after reading the project. */
export interface ProjectCheck {
  course: Course;
  bank: QuestionBank;
  diagnostics: Diagnostic[];
  /** How many things were read, for the summary line. */
  counts: { modules: number; lessons: number; questions: number };
}

/**
 * Returns the options every lesson is rendered and checked with, so check and build agree.
 * `bank` may be a getter, so the dev server can swap in a reloaded bank.
 */
export function createLessonMarkdownOptions(
  config: TrainbookConfig,
  bank: QuestionBank | (() => QuestionBank),
  { render = true }: { render?: boolean } = {},
): LessonMarkdownOptions {
  const getBank = typeof bank === 'function' ? bank : () => bank;
  const t = createTranslator(config.lang);
  const labels: Record<CalloutKind, string> = { tip: t('callout.tip'), warning: t('callout.warning'), example: t('callout.example') };
  return {
    base: config.base,
    contentDir: config.contentDir,
    publicDir: config.publicDir,
    rootDir: config.rootDir,
    allowRawHtml: config.allowRawHtml,
    labels,
    transforms: [createQuizDirectiveTransform({ getBank, t, imageBase: `${config.base}bank-assets/`, render, ...(config.repository ? { reportUrl: issueFormUrl(config.repository) } : {}) })],
  };
}

/**
 * Returns the address of a repository's new-issue form (GitHub, Gitea and GitLab use `issues/new`).
 * @example issueFormUrl('https://github.com/team/handbook') // => 'https://github.com/team/handbook/issues/new'
 */
export function issueFormUrl(repository: string): string {
  return `${repository}/issues/new`;
}

/**
 * Returns the course and the question bank, with the bank checked against the course and
 * against its lock (revisions, reused ids, deleted questions), and the lock if there is one.
 */
export async function loadProject(config: TrainbookConfig): Promise<Omit<ProjectCheck, 'counts'> & { lock?: BankLock; withheldLessons: string[] }> {
  const { course, diagnostics, withheld } = await loadCourse({ contentDir: config.contentDir, rootDir: config.rootDir });
  const modules = new Map(course.modules.map((m) => [m.slug, new Set(m.lessons.map((l) => l.slug))]));
  // A lesson left out for its own errors still exists: questions naming it are not wrong too.
  for (const id of withheld) modules.get(id.split('/')[0]!)?.add(id.split('/')[1]!);
  const loaded = await loadQuestionBank({ bankDir: config.bankDir, rootDir: config.rootDir, modules });
  diagnostics.push(...loaded.diagnostics);
  const lockPath = path.join(config.bankDir, 'bank.lock.json');
  const lockFile = path.relative(config.rootDir, lockPath).split(path.sep).join('/');
  const { lock, places, diagnostics: lockProblems } = await readBankLock(lockPath, lockFile);
  diagnostics.push(...lockProblems);
  if (lock) {
    diagnostics.push(...checkBankAgainstLock(loaded.bank, lock, lockFile, places));
    const metaFile = path.relative(config.rootDir, path.join(config.bankDir, 'bank.yaml')).split(path.sep).join('/');
    // An unreadable bank.yaml has no version to compare; its own error says why.
    const metaReadable = !loaded.diagnostics.some((d) => d.file === metaFile && d.severity === 'error');
    if (metaReadable && lock.version !== loaded.bank.meta.version) {
      diagnostics.push({
        ...createError(metaFile, loaded.bank.versionPlace, 'bank/version-mismatch', `Unexpected bank version \`${loaded.bank.meta.version}\`, expected \`${lock.version}\` (the last release in bank.lock.json)`, 'leave `version:` to `npm run bank:release`, which bumps it together with the lock and the changelog.'),
        cause: { file: lockFile, place: places?.version, reason: 'last release recorded' },
      });
    }
  } else if (!lockProblems.length && loaded.bank.questions.length) {
    diagnostics.push(createWarning(lockFile, undefined, 'bank/missing-lock', 'Unexpected question bank without a lock, expected bank.lock.json recording each question’s revision', 'run `npm run bank:release -- --init` once and commit the lock.'));
  }
  return { course, bank: loaded.bank, diagnostics, withheldLessons: withheld, ...(lock ? { lock } : {}) };
}

/**
 * Returns every problem in the project without building the site: module and lesson
 * metadata, the question bank, each lesson's Markdown (callouts, links, images, quizzes), then
 * blueprints and rubrics (so `npm run build` stops before building when a sample exam cannot be made).
 * `markdown: false` skips the last part, for the build, whose renderer runs the same checks.
 */
export async function checkProject(config: TrainbookConfig, { markdown = true }: { markdown?: boolean } = {}): Promise<ProjectCheck> {
  const { course, bank, diagnostics, withheldLessons } = await loadProject(config);
  const targets = listLinkTargets(course);
  for (const id of withheldLessons) targets.add(`/${id}/`);
  const options = { ...createLessonMarkdownOptions(config, bank, { render: false }), targets };
  const lessons = listLessons(course);
  if (markdown) for (const lesson of lessons) diagnostics.push(...checkLessonMarkdown(lesson.body, lesson.path, options));
  diagnostics.push(...findPlaceholders(lessons, bank.questions));
  const bankHasErrors = diagnostics.some((d) => d.severity === 'error' && path.resolve(config.rootDir, d.file).startsWith(config.bankDir + path.sep));
  diagnostics.push(...(await checkExamFiles(config, bank, { bankHasErrors })));
  diagnostics.push(...(await checkMarkingFiles(config, bank)));
  diagnostics.push(...(await checkTrainingFiles(config, course)));
  // The glossary's related lessons must be published lessons, like any link.
  diagnostics.push(...(await loadGlossary(config.contentDir, config.rootDir, new Set(lessons.map((l) => l.id)))).diagnostics);
  return {
    course,
    bank,
    diagnostics,
    counts: { modules: course.modules.length, lessons: lessons.length, questions: bank.questions.length },
  };
}

