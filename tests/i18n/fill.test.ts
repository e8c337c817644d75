import { describe, expect, it } from 'vitest';
import { createTranslator, fillPlaceholders } from '../../src/lib/i18n/index.ts';

describe('fillPlaceholders', () => {
  it('fills every `{name}` and leaves a missing one visible', () => {
    expect(fillPlaceholders('{done}/{total} 节已完成', { done: 3, total: 5 })).toBe('3/5 节已完成');
    expect(fillPlaceholders('本次得分 {score}%：{correct}/{total}', { score: 80, correct: 4 })).toBe('本次得分 80%：4/{total}');
    expect(fillPlaceholders(undefined, { n: 1 })).toBe('');
  });

  it('is what the translator and the browser scripts use', async () => {
    expect(createTranslator('zh-CN')('progress.summary', { done: 1, total: 2 })).toBe('1/2 节已通过');
    const { readFileSync } = await import('node:fs');
    for (const script of ['quiz.ts', 'progress.ts', 'offline.ts', 'search.ts']) {
      const source = readFileSync(new URL(`../../src/scripts/${script}`, import.meta.url), 'utf8');
      expect(source).toContain("from '../lib/i18n/fill.ts'");
      expect(source).not.toMatch(/\.replace\(\/\\\{\(\\w\+\)\\\}\/g/);
    }
  });
});
