import { FILLER_CHARACTERS, FILLER_LATIN, FILLER_PHRASES } from './fillers.ts';
import { normalizeQuery, type SearchLexicon } from './lexicon.ts';
import { correctWord } from './typo.ts';

/** One word of a cleaned query; `term` is set when the word is a glossary term or synonym. */
export interface QueryWord {
  text: string;
  term?: string;
  /** The course word this one was taken to be a typo of. */
  corrected?: string;
}

/**
 * One Pagefind search to run. Tiers rank results: 0 the whole query (as typed, or with glossary
 * terms for colloquial words), 1 the query without its least specific words or with a typo corrected,
 * 2 a single specific word.
 */
export interface SearchTry {
  query: string;
  tier: 0 | 1 | 2;
  weight: number;
  /** The words a fallback try searched for, for the "以下是包含「…」的课程" message. */
  words: string[];
}

export interface SearchPlan {
  /** The query after normalising, converting and dropping fillers; empty when nothing is left. */
  cleaned: string;
  words: QueryWord[];
  /** Pagefind searches, most faithful first. */
  tries: SearchTry[];
  /** The lessons glossary entries of the query's words name, as a try of their own (tier 1): URLs, not Pagefind ids. */
  glossary: { try: SearchTry; ids: string[] }[];
}

export interface PlanOptions {
  /** Splits Chinese text into words; the browser's `Intl.Segmenter` by default. */
  segment?: (text: string) => string[];
  /** Converts traditional characters to simplified (opencc-js in the browser); identity by default. */
  toSimplified?: (text: string) => string;
  /** Fallback tries for single words: at most this many, most specific first. Default 4. */
  maxFallbacks?: number;
  /** Character readings for typo correction (see `createReadings`); no correction without them. */
  readings?: (char: string) => ReadonlySet<string>;
}

const han = /\p{Script=Han}/u;

/** Returns a word splitter backed by `Intl.Segmenter('zh', { granularity: 'word' })`. */
export function createSegmenter(): (text: string) => string[] {
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  return (text) => [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
}

/** Splits text into glossary phrases (longest match first) and the free text between them. */
function matchPhrases(text: string, lexicon: SearchLexicon): { text: string; term?: string }[] {
  const pieces: { text: string; term?: string }[] = [];
  const longest = Math.max(0, ...Object.keys(lexicon.phrases).map((p) => p.length));
  let free = '';
  let i = 0;
  outer: while (i < text.length) {
    for (let length = Math.min(longest, text.length - i); length >= 2; length--) {
      const candidate = text.slice(i, i + length);
      const term = lexicon.phrases[candidate];
      if (term === undefined) continue;
      // Latin phrases (`crm`, `fcr`) match whole words only, never inside a longer word.
      const before = text[i - 1] ?? ' ';
      const after = text[i + length] ?? ' ';
      if (/[a-z0-9]/.test(candidate[0]!) && /[a-z0-9]/.test(before)) continue;
      if (/[a-z0-9]/.test(candidate.at(-1)!) && /[a-z0-9]/.test(after)) continue;
      if (free) pieces.push({ text: free });
      free = '';
      pieces.push({ text: candidate, term });
      i += length;
      continue outer;
    }
    free += text[i];
    i += 1;
  }
  if (free) pieces.push({ text: free });
  return pieces;
}

/** Finds typos of course words in a run of Chinese text, longest first; the rest is segmented. */
function correctTypos(chunk: string, lexicon: SearchLexicon, options: PlanOptions, segment: (text: string) => string[]): QueryWord[] {
  const chars = [...chunk];
  if (options.readings) {
    for (let length = Math.min(5, chars.length); length >= 2; length--) {
      for (let start = 0; start + length <= chars.length; start++) {
        const window = chars.slice(start, start + length).join('');
        const corrected = correctWord(window, lexicon, options.readings);
        if (!corrected) continue;
        const before = chars.slice(0, start).join('');
        const after = chars.slice(start + length).join('');
        const word: QueryWord = { text: window, corrected, ...(lexicon.phrases[corrected] ? { term: lexicon.phrases[corrected] } : {}) };
        return [...correctTypos(before, lexicon, options, segment), word, ...correctTypos(after, lexicon, options, segment)];
      }
    }
  }
  return segment(chunk).map((text) => ({ text }));
}

/** Returns the words of free text with filler phrases and filler characters removed. */
function cleanFreeText(text: string, lexicon: SearchLexicon, options: PlanOptions, segment: (text: string) => string[]): QueryWord[] {
  let rest = text;
  for (const filler of FILLER_PHRASES) rest = rest.split(filler).join(' ');
  return rest
    .split(' ')
    .flatMap((chunk) => (han.test(chunk) ? correctTypos(chunk, lexicon, options, segment) : [{ text: chunk }]))
    .map((word) => ({ ...word, text: word.text.trim() }))
    .filter((word) => word.text && !FILLER_CHARACTERS.has(word.text) && !FILLER_LATIN.has(word.text));
}

/** The word to search the lessons for: the glossary term, else the corrected word, else the word. */
const canonicalOf = (word: QueryWord) => word.term ?? word.corrected ?? word.text;

/** How telling a word is for a fallback search: glossary words first, then longer words. */
function specificity(word: QueryWord): number {
  const length = [...word.text].length;
  return (word.term || word.corrected ? 10 : 0) + Math.min(length, 6) + (han.test(word.text) ? 0 : 1);
}

/**
 * Returns the Pagefind searches to run for what a trainee typed, most faithful first:
 * the cleaned query, the query with glossary terms for colloquial words, the query without its
 * single characters, then its most specific single words.
 * @example planSearch('死机了怎么办', lexicon).tries[1].query // => '系统故障'
 */
export function planSearch(raw: string, lexicon: SearchLexicon, options: PlanOptions = {}): SearchPlan {
  const segment = options.segment ?? createSegmenter();
  const text = normalizeQuery((options.toSimplified ?? ((s: string) => s))(raw));
  const words: QueryWord[] = [];
  for (const piece of matchPhrases(text, lexicon)) {
    if (piece.term !== undefined) words.push({ text: piece.text, term: piece.term });
    else words.push(...cleanFreeText(piece.text, lexicon, options, segment));
  }
  // The same word twice narrows nothing.
  const unique = words.filter((word, i) => words.findIndex((w) => w.text === word.text) === i);
  const cleaned = unique.map((w) => w.text).join(' ');
  const tries: SearchTry[] = [];
  const add = (query: string, tier: SearchTry['tier'], weight: number, used: string[]) => {
    if (query && !tries.some((t) => t.query === query)) tries.push({ query, tier, weight, words: used });
  };
  const glossary = [...new Set(unique.map((w) => w.term).filter((t): t is string => t !== undefined))]
    .filter((term) => lexicon.terms[term]?.lessons.length)
    .map((term) => ({ try: { query: term, tier: 1 as const, weight: 0.8, words: [term] }, ids: lexicon.terms[term]!.lessons }));
  if (!unique.length) return { cleaned, words: unique, tries, glossary };
  const fixed = unique.map((w) => w.corrected ?? w.text);
  const hasTypos = unique.some((w) => w.corrected);
  // With a typo corrected, the corrected query is the faithful one; the query as typed still runs.
  // Pagefind matches a lone character as the start of any word (等 finds 等级), so a query that
  // still holds one is not trusted as a whole-query match.
  const loose = unique.some((w) => !w.term && !w.corrected && han.test(w.text) && [...w.text].length === 1);
  const whole = loose ? 1 : 0;
  if (hasTypos) add(fixed.join(' '), whole, 1, fixed);
  add(cleaned, whole, hasTypos ? 0.6 : 1, unique.map((w) => w.text));
  const canonical = unique.map(canonicalOf);
  add([...new Set(canonical)].join(' '), whole, 0.9, canonical);
  // Single characters left over (嫌, 等) are rarely what a lesson is written with.
  const core = unique.filter((w) => w.term || w.corrected || [...w.text].length >= 2 || !han.test(w.text));
  if (core.length && core.length < unique.length) {
    const coreWords = [...new Set(core.map(canonicalOf))];
    add(coreWords.join(' '), 1, 0.7, coreWords);
  }
  if (unique.length > 1 || unique[0]!.term || unique[0]!.corrected) {
    const fallbacks = [...core].sort((a, b) => specificity(b) - specificity(a)).slice(0, options.maxFallbacks ?? 4);
    for (const word of fallbacks) {
      add(canonicalOf(word), 2, 0.5, [canonicalOf(word)]);
      const typed = word.corrected ?? word.text;
      if (typed !== canonicalOf(word)) add(typed, 2, 0.3, [typed]);
    }
  }
  return { cleaned, words: unique, tries, glossary };
}
