import type { TrainbookConfig } from '../lib/config.ts';
import { createTranslator } from '../lib/i18n/index.ts';
import { issueFormUrl } from '../lib/project/index.ts';

declare const __TRAINBOOK_CONFIG__: TrainbookConfig;

/**
 * The project's resolved configuration, for pages and components. The `trainbook` integration
 * (src/site/integration.ts) injects it, so pages never re-read files or the environment.
 */
export const config: TrainbookConfig = __TRAINBOOK_CONFIG__;

/** The interface strings in the configured language. */
export const t = createTranslator(config.lang);

/** `{ reportUrl }` for quizzes when the config names a repository, else nothing: “这道题有误” links are off. */
export const reportOption: { reportUrl?: string } = config.repository ? { reportUrl: issueFormUrl(config.repository) } : {};

/** Returns the “编辑此页” address of a file (relative to the project root), or undefined without a repository. */
export function editUrl(file: string): string | undefined {
  return config.repository ? `${config.repository}/edit/${config.branch}/${file.split('\\').join('/')}` : undefined;
}
