import path from 'node:path';
import type { BankLock } from '../lib/bank/index.ts';
import { readGitDates } from '../lib/content/index.ts';
import { loadProject } from '../lib/project/index.ts';
import type { QuestionBank } from '../lib/questions/index.ts';
import { config } from './config.ts';

interface SiteBank {
  bank: QuestionBank;
  lock?: BankLock;
  /** Newest commit date of any lesson or question file (YYYY-MM-DD), when the course is in git. */
  lastChange?: string;
}

let cached: Promise<SiteBank> | undefined;

async function loadSiteBank(): Promise<SiteBank> {
  const { bank, lock } = await loadProject(config);
  const dates = [...readGitDates(config.contentDir), ...readGitDates(config.bankDir)]
    .filter(([file]) => !file.endsWith('bank.lock.json') && !file.endsWith('CHANGELOG.md') && !file.includes(`${path.sep}exams${path.sep}`))
    .map(([, date]) => date)
    .sort();
  return { bank, ...(lock ? { lock } : {}), ...(dates.length ? { lastChange: dates.at(-1) } : {}) };
}

/** Returns the question bank, its lock and the course's last change date; loaded once per build. */
export function getSiteBank(): Promise<SiteBank> {
  if (__TRAINBOOK_SHOW_DRAFTS__) return loadSiteBank();
  cached ??= loadSiteBank();
  return cached;
}

/** Returns the question bank for pages (practice pages, MDX quizzes). */
export async function getBank(): Promise<QuestionBank> {
  return (await getSiteBank()).bank;
}

declare const __TRAINBOOK_SHOW_DRAFTS__: boolean;
