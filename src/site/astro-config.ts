import { createHash } from 'node:crypto';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import type { AstroUserConfig } from 'astro';
import { passthroughImageService } from 'astro/config';
import { trainbook, type TrainbookSiteOptions } from './integration.ts';

/**
 * Returns the whole Astro configuration of the site. astro.config.mjs uses it for `npm run dev`;
 * `npm run build` calls it with the bank it has just checked and hands the result to Astro directly.
 */
export function createAstroConfig(options: TrainbookSiteOptions): AstroUserConfig {
  const { config } = options;
  // Astro keeps its content-layer cache per project; tests build several courses
  // from one checkout, so each content folder gets its own cache.
  const cacheKey = createHash('sha256').update(config.contentDir).update(config.bankDir).digest('hex').slice(0, 12);
  return {
    root: config.rootDir,
    site: config.site,
    base: config.base,
    trailingSlash: 'always',
    cacheDir: `./node_modules/.astro/${cacheKey}`,
    devToolbar: { enabled: false },
    // Lesson images are copied as they are: no sharp, byte-identical rebuilds.
    image: { service: passthroughImageService() },
    markdown: {
      syntaxHighlight: false,
      // Smart quotes are an English typesetting rule; Chinese text keeps the quotes editors typed.
      smartypants: false,
    },
    integrations: [mdx(), sitemap(), trainbook(options)],
  };
}
