import type { AstroIntegration } from 'astro';
import remarkDirective from 'remark-directive';
import type { TrainbookConfig } from '../lib/config.ts';
import { isShallowClone, rehypeTaskListLabels, remarkTrainbook } from '../lib/content/index.ts';
import type { Diagnostic } from '../lib/diagnostics/index.ts';
import { createLessonMarkdownOptions } from '../lib/project/index.ts';
import type { QuestionBank } from '../lib/questions/index.ts';
import { bankSignature, watchQuestionBank } from './bank-reload.ts';
import { LESSON_LOADER } from './lesson-loader.ts';

/** What the site is built from; `npm run build` and astro.config.mjs each pass their own. */
export interface TrainbookSiteOptions {
  /** The resolved project configuration. */
  config: TrainbookConfig;
  /** The question bank quizzes draw from (`npm run build` passes the one it has just checked). */
  bank: QuestionBank;
  /** Pages a lesson may link to. Default: the lessons on disk, scanned per render, so `npm run dev` sees new ones and drafts. */
  linkTargets?: ReadonlySet<string>;
  /**
   * Receives the problems found while rendering lessons. When given, the caller reports them
   * (`npm run build` prints them once, as diagnostics) and Astro's own one-line copies are dropped.
   */
  onRenderProblems?: (diagnostics: Diagnostic[]) => void;
}

/**
 * Returns the Astro integration that wires trainbook into Astro: the lesson Markdown plugins with the
 * bank, the values pages and the lesson loader read (`__TRAINBOOK_*__` constants), and under
 * `npm run dev` the question-bank watcher. All state comes in through `options`.
 */
export function trainbook(options: TrainbookSiteOptions): AstroIntegration {
  const { config } = options;
  // The dev server replaces the bank when question files change; the remark plugin reads it on each render.
  let bank = options.bank;
  return {
    name: 'trainbook',
    hooks: {
      'astro:config:setup': ({ command, updateConfig, logger }) => {
        if (command === 'dev' && isShallowClone(config.contentDir)) {
          logger.warn('this is a shallow git clone, so lessons show no last-updated dates (run `git fetch --unshallow` for them).');
        }
        updateConfig({
          markdown: {
            remarkPlugins: [
              remarkDirective,
              remarkTrainbook({
                ...createLessonMarkdownOptions(config, () => bank),
                ...(options.linkTargets ? { targets: options.linkTargets } : {}),
                ...(options.onRenderProblems ? { onProblems: options.onRenderProblems } : {}),
              }),
            ],
            rehypePlugins: [rehypeTaskListLabels],
          },
          vite: {
            define: {
              __TRAINBOOK_CONFIG__: JSON.stringify(config),
              // Drafts show in `npm run dev` and never in a build, whatever NODE_ENV says.
              __TRAINBOOK_SHOW_DRAFTS__: JSON.stringify(command === 'dev'),
              __TRAINBOOK_BANK_SIGNATURE__: JSON.stringify(bankSignature(bank)),
              __TRAINBOOK_CALLER_REPORTS_PROBLEMS__: JSON.stringify(Boolean(options.onRenderProblems)),
            },
          },
        });
      },
      'astro:server:setup': ({ server, refreshContent }) => {
        watchQuestionBank(server, config, async (reloaded) => {
          bank = reloaded;
          // The lesson loader takes the new signature, so lessons render again with the new quizzes.
          await refreshContent?.({ loaders: [LESSON_LOADER], context: { bankSignature: bankSignature(reloaded) } });
        });
      },
    },
  };
}
