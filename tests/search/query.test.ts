import { describe, expect, it } from 'vitest';
import { buildSearchLexicon, createReadings, correctWord, FILLER_PHRASES, mergeResults, normalizeQuery, planSearch, type SearchTry } from '../../src/lib/search/index.ts';
import { buildPinyinTable } from '../../src/lib/glossary/index.ts';

const lexicon = buildSearchLexicon(
  [
    { term: '系统故障', synonyms: ['死机', '宕机'], definition: '系统用不了', lessons: ['/system-ops/outage/'] },
    { term: '工单', synonyms: ['单子'], lessons: ['/system-ops/tickets/'] },
    { term: '客户', synonyms: ['买家'] },
    { term: '投诉处理', synonyms: ['投诉', '吐槽'] },
    { term: '客户关系管理系统', synonyms: ['CRM'] },
    { term: '退款时效', synonyms: [] },
  ],
  ['情绪安抚'],
  { '/system-ops/outage/': { title: '系统故障', module: '客服系统操作' }, '/other/': { title: '无关', module: '' } },
);
const readings = createReadings(buildPinyinTable());

describe('normalizeQuery', () => {
  it('turns full-width letters and digits half-width, lowers case and drops punctuation', () => {
    expect(normalizeQuery('ＣＲＭ系统？ 7天！')).toBe('crm系统 7天');
  });
});

describe('planSearch', () => {
  it('drops question words and fillers, keeping the words a lesson is written with', () => {
    const plan = planSearch('客户总是投诉怎么办？', lexicon);
    expect(plan.cleaned).toBe('客户 投诉');
    expect(plan.tries[0]).toEqual({ query: '客户 投诉', tier: 0, weight: 1, words: ['客户', '投诉'] });
  });

  it('never cuts a single-character filler out of a word (了 in 了解)', () => {
    expect(planSearch('了解客户需求了吗', lexicon).cleaned).toBe('了解 客户 需求');
  });

  it('searches for the glossary term when a colloquial synonym was typed', () => {
    const plan = planSearch('死机了怎么办', lexicon);
    expect(plan.tries.map((t) => t.query)).toEqual(['死机', '系统故障']);
    expect(plan.glossary).toEqual([{ try: { query: '系统故障', tier: 1, weight: 0.8, words: ['系统故障'] }, ids: ['/system-ops/outage/'] }]);
  });

  it('converts traditional characters with the converter it is given', () => {
    const plan = planSearch('投訴', lexicon, { toSimplified: (s) => s.replace('訴', '诉') });
    expect(plan.words).toEqual([{ text: '投诉', term: '投诉处理' }]);
  });

  it('matches Latin glossary words only as whole words', () => {
    expect(planSearch('CRM 怎么用', lexicon).words[0]).toEqual({ text: 'crm', term: '客户关系管理系统' });
    expect(planSearch('crmx', lexicon).words[0]).toEqual({ text: 'crmx' });
  });

  it('falls back to the most specific single words, glossary words first', () => {
    const plan = planSearch('买家嫌单子太慢', lexicon);
    const fallbacks = plan.tries.filter((t) => t.tier === 2).map((t) => t.query);
    expect(fallbacks.slice(0, 2)).toEqual(['客户', '买家']);
    expect(fallbacks).toContain('工单');
    // A lone character (嫌) left in the query makes even the whole query a weaker (tier 1) try.
    expect(plan.tries.filter((t) => t.tier === 1).map((t) => t.query)).toEqual(['买家 嫌 单子 太慢', '客户 嫌 工单 太慢', '客户 工单 太慢']);
  });

  it('corrects a homophone typo of a course word and still runs the query as typed', () => {
    const plan = planSearch('公单', lexicon, { readings });
    expect(plan.words).toEqual([{ text: '公单', corrected: '工单', term: '工单' }]);
    expect(plan.tries.slice(0, 2).map((t) => [t.query, t.weight])).toEqual([['工单', 1], ['公单', 0.6]]);
  });

  it('leaves nothing to search when the query is only fillers', () => {
    expect(planSearch('怎么办呢？', lexicon).tries).toEqual([]);
  });
});

describe('correctWord', () => {
  it('finds a word that sounds the same, or for three or more characters differs in one', () => {
    expect(correctWord('情绪暗抚', lexicon, readings)).toBe('情绪安抚');
    expect(correctWord('退款市效', lexicon, readings)).toBe('退款时效');
    expect(correctWord('工单', lexicon, readings)).toBeUndefined();
    expect(correctWord('天气', lexicon, readings)).toBeUndefined();
  });
});

describe('the filler list', () => {
  it('holds only phrases of two or more characters, longest first', () => {
    expect(FILLER_PHRASES.every((p) => [...p].length >= 2)).toBe(true);
    expect([...FILLER_PHRASES].sort((a, b) => b.length - a.length)).toEqual(FILLER_PHRASES);
  });
});

describe('mergeResults', () => {
  const attempt = (tier: 0 | 1 | 2, words: string[], weight = 1): SearchTry => ({ query: words.join(' '), tier, weight, words });

  it('keeps the whole query’s results first and in Pagefind’s order', () => {
    const merged = mergeResults([
      { try: attempt(0, ['a', 'b']), ids: ['x', 'y'] },
      { try: attempt(2, ['a'], 0.5), ids: ['z', 'y', 'w'] },
    ]);
    expect(merged.results.map((r) => r.id)).toEqual(['x', 'y', 'z', 'w']);
    expect(merged.fallbackWords).toBeUndefined();
  });

  it('ranks pages found by more words higher when the whole query found nothing, and names the words', () => {
    const merged = mergeResults([
      { try: attempt(0, ['a', 'b']), ids: [] },
      { try: attempt(2, ['a'], 0.5), ids: ['p', 'q'] },
      { try: attempt(2, ['b'], 0.5), ids: ['r', 'q'] },
    ]);
    expect(merged.results[0]!.id).toBe('q');
    expect(merged.fallbackWords).toEqual(['a', 'b']);
  });
});

describe('buildSearchLexicon', () => {
  it('keeps only the pages a glossary entry names', () => {
    expect(Object.keys(lexicon.pages)).toEqual(['/system-ops/outage/']);
    expect(lexicon.phrases['死机']).toBe('系统故障');
    expect(lexicon.vocabulary).toContain('情绪安抚');
  });
});
