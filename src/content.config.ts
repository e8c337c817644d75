import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { LessonFrontmatterSchema, ModuleSchema } from './lib/content/index.ts';
import { config } from './site/config.ts';
import { createLessonLoader } from './site/lesson-loader.ts';

// Ids are the paths without extension (`communication/active-listening`), exactly the URLs.
const pathToId = ({ entry }: { entry: string }) => entry.replace(/\.(mdx?|ya?ml)$/, '');

/** Fingerprint of the bank the site was configured with (src/site/integration.ts). */
declare const __TRAINBOOK_BANK_SIGNATURE__: string;
/** True when the caller (`npm run build`) prints render problems itself (src/site/integration.ts). */
declare const __TRAINBOOK_CALLER_REPORTS_PROBLEMS__: boolean;

export const collections = {
  modules: defineCollection({
    loader: glob({ pattern: '*/module.yaml', base: config.contentDir, generateId: pathToId }),
    schema: ModuleSchema,
  }),
  lessons: defineCollection({
    loader: createLessonLoader({
      contentDir: config.contentDir,
      generateId: pathToId,
      bankSignature: __TRAINBOOK_BANK_SIGNATURE__,
      callerReportsProblems: __TRAINBOOK_CALLER_REPORTS_PROBLEMS__,
    }),
    schema: LessonFrontmatterSchema,
  }),
};
