import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SITES } from '../support/paths.ts';
import { listFiles, readSiteTexts } from '../support/site-files.ts';

const site = SITES.fixture;
const html = (page: string) => readFileSync(path.join(site, page, 'index.html'), 'utf8');
const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('building the fixture course under base /handbook/', () => {
  it('gives byte-identical output when built twice', () => {
    const files = listFiles(site);
    expect(files.length).toBeGreaterThan(20);
    expect(listFiles(SITES.fixtureAgain)).toEqual(files);
    const differing = files.filter((file) => hash(path.join(site, file)) !== hash(path.join(SITES.fixtureAgain, file)));
    expect(differing).toEqual([]);
  });

  it('writes home, module, lesson, print, practice, search and 404 pages and a sitemap', () => {
    for (const page of ['', 'basics', 'basics/first-steps', 'basics/second-steps', 'basics/print', 'basics/practice', 'advanced-topics/mdx-lesson', 'search', 'changelog']) {
      expect(existsSync(path.join(site, page, 'index.html')), page).toBe(true);
    }
    expect(existsSync(path.join(site, '404.html'))).toBe(true);
    expect(readFileSync(path.join(site, 'sitemap-0.xml'), 'utf8')).toContain('/handbook/basics/first-steps/');
  });

  it('prefixes every internal link, image, script and stylesheet with the base', () => {
    for (const file of listFiles(site).filter((f) => f.endsWith('.html'))) {
      const text = readFileSync(path.join(site, file), 'utf8');
      const urls = [...text.matchAll(/\s(?:href|src|action)="([^"]*)"/g)].map((m) => m[1]!);
      // Relative URLs would break below a base path too: every URL is absolute, a fragment or external.
      expect(urls.filter((url) => !/^(\/handbook\/|#|https?:|mailto:|data:)/.test(url)), file).toEqual([]);
    }
    expect(html('basics/first-steps')).toContain('href="/handbook/basics/second-steps/"');
    // A link written as a file path (`./second-steps.md#小结`) becomes the lesson's URL.
    expect(html('basics/first-steps')).toContain('href="/handbook/basics/second-steps/#%E5%B0%8F%E7%BB%93"');
  });

  it('renders callouts and quizzes in .md and .mdx lessons alike', () => {
    const md = html('basics/first-steps');
    expect(md).toContain('<aside class="callout callout-tip" role="note" aria-label="提示"><p class="callout-title">提示</p>');
    expect(md).toContain('<p class="callout-title">别漏掉回访</p>');
    expect(md).toMatch(/<section class="quiz"[^>]*data-quiz="lesson"/);
    const mdx = html('advanced-topics/mdx-lesson');
    expect(mdx).toContain('<aside class="callout callout-tip"');
    expect(mdx).toContain('data-question="adv-001@1"');
  });

  it('keeps `10:30` as text instead of treating `:30` as a directive', () => {
    expect(html('basics/second-steps')).toContain('时间写作 10:30 不会变成指令');
  });

  it('sets the Chinese language on every page', () => {
    for (const file of listFiles(site).filter((f) => f.endsWith('.html'))) {
      expect(readFileSync(path.join(site, file), 'utf8'), file).toContain('<html lang="zh-CN"');
    }
  });

  it('loads quiz JavaScript only on pages with a quiz, and a lesson page’s scripts stay under 12 KB gzipped', () => {
    const scripts = (page: string) => [...html(page).matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => m[1]!);
    const quiz = (page: string) => scripts(page).filter((src) => src.includes('QuizScript'));
    expect(quiz('basics/first-steps')).toHaveLength(1);
    expect(quiz('basics/practice')).toHaveLength(1);
    expect(quiz('search')).toEqual([]);
    expect(readFileSync(path.join(site, '404.html'), 'utf8')).not.toContain('QuizScript');
    // Every script of the page and every chunk it imports statically, gzipped, as a phone downloads them
    // (the lazily imported traditional→simplified converter of the search page is not among them).
    const files = scripts('basics/first-steps').map((src) => path.join(site, src.replace(/^\/handbook\//, '')));
    for (const file of files) {
      for (const [, chunk] of readFileSync(file, 'utf8').matchAll(/from\s*["'](\.\/[^"']+)["']/g)) {
        const next = path.resolve(path.dirname(file), chunk!);
        if (!files.includes(next)) files.push(next);
      }
    }
    const gzipped = files.reduce((sum, file) => sum + gzipSync(readFileSync(file)).length, 0);
    expect(gzipped).toBeGreaterThan(500);
    expect(gzipped).toBeLessThanOrEqual(12 * 1024);
  });

  it('leaves drafts and exam-only questions out of every file', () => {
    for (const [file, text] of readSiteTexts(site)) {
      expect(text, file).not.toContain('DRAFT-SECRET-TEXT');
      expect(text, file).not.toMatch(/EXAMSECRET/);
    }
  });

  it('indexes only lesson content for search, without quiz answers', () => {
    const texts = readSiteTexts(site);
    const fragments = [...texts].filter(([file]) => file.includes('/fragment/'));
    expect(fragments).toHaveLength(3);
    const all = fragments.map(([, text]) => text).join('\n');
    expect(all).toContain('首次解决率');
    expect(all).not.toContain('工单用来记录和跟进客户问题');
  });

  it('prints a module as one handout with a cover, contents and every lesson in order', () => {
    const page = html('basics/print');
    const first = page.indexOf('id="lesson-first-steps"');
    const second = page.indexOf('id="lesson-second-steps"');
    expect(page).toContain('class="print-cover"');
    expect(page).toContain('href="#lesson-first-steps"');
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    // Lessons share heading ids (each has "自测"); on one page they are prefixed per lesson.
    const ids = [...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(ids).toContain('first-steps--自测');
    expect(ids).toContain('first-steps--工单字段');
  });
});
