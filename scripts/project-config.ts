// The configuration loader lives with the site (astro.config.mjs needs it and imports nothing from scripts/).
export { loadProjectConfig, PROJECT_ROOT } from '../src/site/project-config.ts';
