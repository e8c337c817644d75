/** What query processing knows about the course's words; built at site build time from the glossary and lesson tags. */
export interface SearchLexicon {
  /** Lower-cased phrase (a glossary term or one of its synonyms) → the glossary term to search for. */
  phrases: Record<string, string>;
  /** Chinese words worth correcting a typo towards: glossary terms, synonyms and lesson tags. */
  vocabulary: string[];
  /** Glossary term → its definition and the URLs of the lessons that explain it. */
  terms: Record<string, { definition: string; lessons: string[] }>;
  /** URL → title and module of every lesson a glossary entry names, to show it when Pagefind did not find it. */
  pages: Record<string, { title: string; module: string }>;
}

/** A glossary entry as search needs it. */
export interface LexiconEntry {
  term: string;
  synonyms: readonly string[];
  definition?: string;
  /** URLs of the lessons that explain the term. */
  lessons?: readonly string[];
}

/**
 * Returns the search lexicon: every synonym maps to its term, every term to itself.
 * `pages` gives the title and module of lessons by URL; only those a glossary entry names are kept.
 * @example buildSearchLexicon([{ term: '系统故障', synonyms: ['死机'] }], []).phrases['死机'] // => '系统故障'
 */
export function buildSearchLexicon(
  entries: readonly LexiconEntry[],
  tags: readonly string[],
  pages: Record<string, { title: string; module: string }> = {},
): SearchLexicon {
  const phrases: Record<string, string> = {};
  const terms: SearchLexicon['terms'] = {};
  const words = new Set<string>();
  for (const entry of entries) {
    terms[entry.term] = { definition: entry.definition ?? '', lessons: [...(entry.lessons ?? [])] };
    for (const phrase of [entry.term, ...entry.synonyms]) {
      const key = normalizeQuery(phrase);
      // The first entry to claim a phrase keeps it; a term always names itself.
      if (!(key in phrases) || phrase === entry.term) phrases[key] = entry.term;
      words.add(phrase);
    }
  }
  for (const tag of tags) words.add(tag);
  const vocabulary = [...words].filter((word) => /\p{Script=Han}/u.test(word) && [...word].length >= 2).sort();
  const linked = new Set(Object.values(terms).flatMap((t) => t.lessons));
  return { phrases, vocabulary, terms, pages: Object.fromEntries(Object.entries(pages).filter(([url]) => linked.has(url))) };
}

/**
 * Returns the query in one form: NFKC (full-width letters and digits become half-width), lower case,
 * punctuation turned into spaces, runs of spaces collapsed.
 * @example normalizeQuery('ＣＲＭ系统？') // => 'crm系统'
 */
export function normalizeQuery(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
