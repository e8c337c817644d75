import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { LessonFrontmatterSchema, ModuleSchema } from './lib/content/index.ts';
import { config } from './site/config.ts';

// Ids are the paths without extension (`communication/active-listening`), exactly the URLs.
const pathToId = ({ entry }: { entry: string }) => entry.replace(/\.(mdx?|ya?ml)$/, '');

/**
 * The lessons' glob loader, with the question bank's signature mixed into each lesson's digest:
 * lessons embed quizzes when rendered, and Astro re-renders a lesson only when its digest changes.
 * The dev server updates the signature when question files change (scripts/dev-reload.ts).
 */
function lessonLoader(): Loader {
  const inner = glob({ pattern: '*/*.{md,mdx}', base: config.contentDir, generateId: pathToId });
  const signature = () => (globalThis as { __trainbookBankSignature?: string }).__trainbookBankSignature ?? '';
  return {
    name: 'trainbook-lessons',
    load: (context) => {
      // During `npm run build` our own diagnostics are collected and printed once, in full;
      // Astro's one-line copy of them is dropped. The dev server keeps Astro's messages.
      const collecting = () => Array.isArray((globalThis as { __trainbookRenderProblems?: unknown[] }).__trainbookRenderProblems);
      const logger = new Proxy(context.logger, {
        get: (target, key, receiver) =>
          key === 'error'
            ? (message: string) => (collecting() && / {2}(content|question|bank)\/[a-z-]+/.test(message) ? undefined : target.error(message))
            : Reflect.get(target, key, receiver),
      });
      return inner.load({ ...context, logger, generateDigest: (data) => context.generateDigest(typeof data === 'string' ? `${data}\u0000${signature()}` : data) });
    },
  };
}

export const collections = {
  modules: defineCollection({
    loader: glob({ pattern: '*/module.yaml', base: config.contentDir, generateId: pathToId }),
    schema: ModuleSchema,
  }),
  lessons: defineCollection({
    loader: lessonLoader(),
    schema: LessonFrontmatterSchema,
  }),
};
