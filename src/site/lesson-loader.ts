import { glob, type Loader } from 'astro/loaders';

/** The lesson loader's name; `refreshContent` addresses it when the bank changes under `npm run dev`. */
export const LESSON_LOADER = 'trainbook-lessons';

export interface LessonLoaderOptions {
  contentDir: string;
  generateId: (options: { entry: string }) => string;
  /** Fingerprint of the bank the site was configured with (`bankSignature`, src/site/bank-reload.ts). */
  bankSignature: string;
  /** True when the caller (`npm run build`) prints render problems itself, so Astro's one-line copies are dropped. */
  callerReportsProblems: boolean;
}

/**
 * Returns the lessons' glob loader, with the question bank's signature mixed into each lesson's digest:
 * lessons embed quizzes when rendered, and Astro re-renders a lesson only when its digest changes.
 * Under `npm run dev` the integration refreshes this loader with a new signature when question
 * files change (`refreshContent` with `{ bankSignature }`, src/site/integration.ts).
 */
export function createLessonLoader(options: LessonLoaderOptions): Loader {
  const inner = glob({ pattern: '*/*.{md,mdx}', base: options.contentDir, generateId: options.generateId });
  let signature = options.bankSignature;
  return {
    name: LESSON_LOADER,
    load: (context) => {
      const logger = new Proxy(context.logger, {
        get: (target, key, receiver) =>
          key === 'error'
            ? (message: string) => (options.callerReportsProblems && / {2}(content|question|bank)\/[a-z-]+/.test(message) ? undefined : target.error(message))
            : Reflect.get(target, key, receiver),
      });
      const generateDigest = (data: Record<string, unknown> | string) => context.generateDigest(typeof data === 'string' ? `${data}\u0000${signature}` : data);
      const refreshed = context.refreshContextData?.bankSignature;
      if (typeof refreshed !== 'string') return inner.load({ ...context, logger, generateDigest });
      signature = refreshed;
      // A refresh re-reads every lesson with the new digests. The first load's file watcher stays
      // active (its digests read `signature` too), so this pass must not add a second one.
      return inner.load({ ...context, logger, generateDigest, watcher: undefined });
    },
  };
}
