import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveConfig, type TrainbookConfig, type TrainbookUserConfig } from '../lib/config.ts';
import userConfig from '../../trainbook.config.mjs';

/** The repository root: two levels above `src/site/`. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Returns the project's configuration: `trainbook.config.mjs`, then environment
 * overrides (used by tests and CI to build fixture courses or sub-path sites).
 */
export function loadProjectConfig(env: NodeJS.ProcessEnv = process.env): TrainbookConfig {
  return resolveConfig(PROJECT_ROOT, userConfig as TrainbookUserConfig, {
    base: env.TRAINBOOK_BASE,
    contentDir: env.TRAINBOOK_CONTENT_DIR,
    bankDir: env.TRAINBOOK_BANK_DIR,
    lang: env.TRAINBOOK_LANG,
    site: env.TRAINBOOK_SITE,
  });
}
