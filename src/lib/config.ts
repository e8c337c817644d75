import path from 'node:path';
import { UI_LANGUAGES } from './i18n/index.ts';

/** What a team sets in `trainbook.config.mjs`; every field has a default. */
export interface TrainbookUserConfig {
  /** Site title in the header and the browser tab. Default: `客服培训手册`. */
  title?: string;
  /** Interface language and `<html lang>`: `zh-CN` (default) or `en`. */
  lang?: string;
  /** Public URL of the deployed site, used for the sitemap. Default: `https://example.com`. */
  site?: string;
  /** Path the site is served under, e.g. `/handbook/` for `https://example.com/handbook/`. Default: `/`. */
  base?: string;
  /** Folder of curriculum modules. Default: `content`. */
  contentDir?: string;
  /** Folder of the question bank. Default: `question-bank`. */
  bankDir?: string;
  /**
   * Publish raw HTML in lessons as written, scripts, iframes and event handlers included.
   * Only for a fully trusted repository. Default: false (check refuses unsafe HTML).
   */
  allowRawHtml?: boolean;
  /** Self-check score (percent) at which a lesson counts as passed in a trainee's progress. Default: `80`. */
  passMark?: number;
  /** Repository web address for “编辑此页” and “报告问题” links, e.g. `https://github.com/team/handbook`. Default: none (no links). */
  repository?: string;
  /** Branch the edit links open. Default: `main`. */
  branch?: string;
}

/** The resolved configuration: absolute folders and a base that starts and ends with `/`. */
export interface TrainbookConfig {
  title: string;
  lang: string;
  site: string;
  base: string;
  rootDir: string;
  contentDir: string;
  bankDir: string;
  publicDir: string;
  allowRawHtml: boolean;
  passMark: number;
  /** Without a trailing slash; undefined when unset. */
  repository?: string;
  branch: string;
}

/**
 * Returns a base path that starts and ends with `/`.
 * @example normalizeBase('handbook') // => '/handbook/'
 */
export function normalizeBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** Returns the full configuration for a project in `rootDir`; later sources override earlier ones. */
export function resolveConfig(rootDir: string, ...sources: TrainbookUserConfig[]): TrainbookConfig {
  const merged: TrainbookUserConfig = Object.assign({}, ...sources.map((s) => Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined && v !== ''))));
  const lang = merged.lang ?? 'zh-CN';
  if (!UI_LANGUAGES.includes(lang)) {
    throw new TypeError(`trainbook config: unknown lang \`${lang}\`, expected one of ${UI_LANGUAGES.map((l) => `\`${l}\``).join(', ')}`);
  }
  return {
    title: merged.title ?? '客服培训手册',
    lang,
    site: merged.site ?? 'https://example.com',
    base: normalizeBase(merged.base ?? '/'),
    rootDir,
    contentDir: path.resolve(rootDir, merged.contentDir ?? 'content'),
    bankDir: path.resolve(rootDir, merged.bankDir ?? 'question-bank'),
    publicDir: path.resolve(rootDir, 'public'),
    allowRawHtml: merged.allowRawHtml === true,
    passMark: resolvePassMark(merged.passMark),
    ...(merged.repository ? { repository: merged.repository.replace(/\/+$/, '') } : {}),
    branch: merged.branch ?? 'main',
  };
}

function resolvePassMark(value: number | undefined): number {
  if (value === undefined) return 80;
  if (typeof value !== 'number' || !(value > 0 && value <= 100)) {
    throw new TypeError(`trainbook config: unexpected passMark \`${String(value)}\`, expected a percentage above 0 and at most 100, e.g. \`80\``);
  }
  return value;
}
