export { loadGlossary, parseGlossary, type Glossary, type GlossaryTerm } from './load.ts';
export { buildPinyinTable, pinyinSortKey } from './pinyin.ts';
export { GlossaryEntrySchema, GlossarySchema, type GlossaryEntry, type GlossaryEntryInput } from './schema.ts';
