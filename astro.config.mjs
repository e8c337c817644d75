// @ts-check
// Read by `npm run dev` and `npm run preview`. `npm run build` does not load this file: it passes
// the same configuration, with the bank it has just checked, to Astro itself (scripts/build.ts).
import { defineConfig } from 'astro/config';
import { loadProject } from './src/lib/project/index.ts';
import { createAstroConfig } from './src/site/astro-config.ts';
import { loadProjectConfig } from './src/site/project-config.ts';

const config = loadProjectConfig();
export default defineConfig(createAstroConfig({ config, bank: (await loadProject(config)).bank }));
