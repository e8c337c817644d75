import { loadProject } from '../lib/project/index.ts';
import type { QuestionBank } from '../lib/questions/index.ts';
import { config } from './config.ts';

let cached: Promise<QuestionBank> | undefined;

/** Returns the question bank for pages (practice pages, MDX quizzes); loaded once per build. */
export function getBank(): Promise<QuestionBank> {
  if (import.meta.env.DEV) return loadProject(config).then((p) => p.bank);
  cached ??= loadProject(config).then((p) => p.bank);
  return cached;
}
