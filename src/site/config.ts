import type { TrainbookConfig } from '../lib/config.ts';
import { createTranslator } from '../lib/i18n/index.ts';

declare const __TRAINBOOK_CONFIG__: TrainbookConfig;

/**
 * The project's resolved configuration, for pages and components. The `trainbook` integration
 * (src/site/integration.ts) injects it, so pages never re-read files or the environment.
 */
export const config: TrainbookConfig = __TRAINBOOK_CONFIG__;

/** The interface strings in the configured language. */
export const t = createTranslator(config.lang);
