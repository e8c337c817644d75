/**
 * The one import site of Zod: the copy Astro itself uses, so schemas built here
 * work unchanged inside `src/content.config.ts` and `npm ls zod` shows one copy.
 */
export { z } from 'astro/zod';
