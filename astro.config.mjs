// @ts-check
import { createHash } from 'node:crypto';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig, passthroughImageService } from 'astro/config';
import remarkDirective from 'remark-directive';
import { bankReloadPlugin, setBankSignature } from './scripts/dev-reload.ts';
import { loadProjectConfig } from './scripts/project-config.ts';
import { rehypeTaskListLabels, remarkTrainbook } from './src/lib/content/index.ts';
import { createLessonMarkdownOptions, loadProject } from './src/lib/project/index.ts';

const config = loadProjectConfig();
// `npm run build` has already checked the project; here we only need the bank for quizzes.
// The dev server swaps in a reloaded bank when question files change (scripts/dev-reload.ts).
// `npm run build` has just loaded the bank to check it and hands it over instead of parsing it twice.
const handedOver = /** @type {{ __trainbookBank?: import('./src/lib/questions/index.ts').QuestionBank }} */ (globalThis).__trainbookBank;
const holder = { bank: handedOver ?? (await loadProject(config)).bank };
setBankSignature(holder.bank);

// Astro keeps its content-layer cache per project; tests build several courses
// from one checkout, so each content folder gets its own cache.
const cacheKey = createHash('sha256').update(config.contentDir).update(config.bankDir).digest('hex').slice(0, 12);

export default defineConfig({
  site: config.site,
  base: config.base,
  trailingSlash: 'always',
  outDir: process.env.TRAINBOOK_OUT_DIR ?? './dist',
  cacheDir: `./node_modules/.astro/${cacheKey}`,
  devToolbar: { enabled: false },
  // Lesson images are copied as they are: no sharp, byte-identical rebuilds.
  image: { service: passthroughImageService() },
  markdown: {
    syntaxHighlight: false,
    // Smart quotes are an English typesetting rule; Chinese text keeps the quotes editors typed.
    smartypants: false,
    remarkPlugins: [
      remarkDirective,
      remarkTrainbook({
        ...createLessonMarkdownOptions(config, () => holder.bank),
        // The build hands over the published pages; the dev server scans files, so drafts are linkable there.
        targets: /** @type {{ __trainbookLinkTargets?: Set<string> }} */ (globalThis).__trainbookLinkTargets,
        // `npm run build` collects render problems here, because Astro logs them and builds on.
        onProblems: (diagnostics) => /** @type {{ __trainbookRenderProblems?: unknown[] }} */ (globalThis).__trainbookRenderProblems?.push(...diagnostics),
      }),
    ],
    rehypePlugins: [rehypeTaskListLabels],
  },
  integrations: [
    mdx(),
    sitemap(),
    {
      // Drafts show in `npm run dev` and never in a build, whatever NODE_ENV says.
      name: 'trainbook:drafts',
      hooks: {
        'astro:config:setup': ({ command, updateConfig }) => {
          updateConfig({ vite: { define: { __TRAINBOOK_SHOW_DRAFTS__: JSON.stringify(command === 'dev') }, plugins: [bankReloadPlugin(config, holder)] } });
        },
      },
    },
  ],
  vite: { define: { __TRAINBOOK_CONFIG__: JSON.stringify(config) } },
});
