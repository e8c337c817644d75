import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { LessonFrontmatterSchema, ModuleSchema } from './lib/content/index.ts';
import { config } from './site/config.ts';

// Ids are the paths without extension (`communication/active-listening`), exactly the URLs.
const pathToId = ({ entry }: { entry: string }) => entry.replace(/\.(mdx?|ya?ml)$/, '');

export const collections = {
  modules: defineCollection({
    loader: glob({ pattern: '*/module.yaml', base: config.contentDir, generateId: pathToId }),
    schema: ModuleSchema,
  }),
  lessons: defineCollection({
    loader: glob({ pattern: '*/*.{md,mdx}', base: config.contentDir, generateId: pathToId }),
    schema: LessonFrontmatterSchema,
  }),
};
