export { FILLER_CHARACTERS, FILLER_LATIN, FILLER_PHRASES } from './fillers.ts';
export { buildSearchLexicon, normalizeQuery, type LexiconEntry, type SearchLexicon } from './lexicon.ts';
export { createSegmenter, planSearch, type PlanOptions, type QueryWord, type SearchPlan, type SearchTry } from './query.ts';
export { mergeResults, type MergedResults, type RankedResult, type TryResult } from './rank.ts';
export { correctWord, createReadings, isKnownCharacter, type PinyinTable } from './typo.ts';
