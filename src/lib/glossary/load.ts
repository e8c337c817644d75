import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { closestMatch, createError, type Diagnostic } from '../diagnostics/index.ts';
import { parseYamlSource, zodIssuesToDiagnostics } from '../yaml/index.ts';
import { pinyinSortKey } from './pinyin.ts';
import { GlossarySchema, type GlossaryEntry } from './schema.ts';

/** A glossary entry as the site shows it: with its anchor and pinyin group. */
export interface GlossaryTerm extends GlossaryEntry {
  /** Fragment id on the 术语表 page, e.g. `term-gong-dan`. */
  anchor: string;
  /** First pinyin letter, `A`–`Z` or `#`. */
  initial: string;
  sortKey: string;
}

/** Entries sorted by pinyin, grouped by their first letter. */
export interface Glossary {
  file: string;
  terms: GlossaryTerm[];
}

/**
 * Returns the glossary parsed from YAML text, sorted by pinyin, and every problem in it:
 * schema errors, duplicate terms and, when `lessonIds` is given, lessons that do not exist.
 */
export function parseGlossary(source: string, file: string, lessonIds?: ReadonlySet<string>): { glossary: Glossary; diagnostics: Diagnostic[] } {
  const yaml = parseYamlSource(source, file);
  const diagnostics = [...yaml.diagnostics];
  if (diagnostics.length) return { glossary: { file, terms: [] }, diagnostics };
  const parsed = GlossarySchema.safeParse(yaml.value ?? []);
  if (!parsed.success) return { glossary: { file, terms: [] }, diagnostics: zodIssuesToDiagnostics(parsed.error.issues, yaml.value, GlossarySchema, yaml, file, { namespace: 'glossary' }) };
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  const terms: GlossaryTerm[] = parsed.data.map((entry, index) => {
    const first = seen.get(entry.term);
    if (first !== undefined) {
      diagnostics.push({
        ...createError(file, yaml.placeOf([index, 'term']), 'glossary/duplicate-term', `Unexpected second entry for \`${entry.term}\`, expected each term once`, 'merge the two entries: put the extra synonyms and lessons into the first one.'),
        cause: { file, place: yaml.placeOf([first, 'term']), reason: 'first defined here' },
      });
    } else seen.set(entry.term, index);
    entry.lessons.forEach((lesson, i) => {
      if (!lessonIds || lessonIds.has(lesson)) return;
      const guess = closestMatch(lesson, lessonIds);
      diagnostics.push(createError(file, yaml.placeOf([index, 'lessons', i]), 'glossary/unknown-lesson', `Unexpected lesson \`${lesson}\`, expected \`module/lesson\` of a published lesson`, guess ? `did you mean \`${guess}\`?` : 'write the module folder and the lesson file name without `.md`, e.g. `system-ops/tickets`.'));
    });
    const sortKey = pinyinSortKey(entry.term);
    const syllables = sortKey.split('|')[0]!.replace(/ü/g, 'v');
    let anchor = `term-${syllables.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
    for (let n = 2; anchors.has(anchor); n++) anchor = `${anchor.replace(/-\d+$/, '')}-${n}`;
    anchors.add(anchor);
    // The initial comes from the sort key, so a word is listed under the reading it is sorted by (重复 under C).
    const initial = /^[a-z]/.test(syllables) ? syllables[0]!.toUpperCase() : '#';
    return { ...entry, anchor, initial, sortKey };
  });
  terms.sort((a, b) => a.sortKey.localeCompare(b.sortKey) || a.term.localeCompare(b.term));
  return { glossary: { file, terms }, diagnostics };
}

/** Returns the glossary of a content folder (`glossary.yaml`), or an empty one when there is none. */
export async function loadGlossary(contentDir: string, rootDir: string, lessonIds?: ReadonlySet<string>): Promise<{ glossary: Glossary; diagnostics: Diagnostic[] }> {
  const full = path.join(contentDir, 'glossary.yaml');
  const file = path.relative(rootDir, full).split(path.sep).join('/');
  let source: string;
  try {
    source = await readFile(full, 'utf8');
  } catch {
    return { glossary: { file, terms: [] }, diagnostics: [] };
  }
  return parseGlossary(source, file, lessonIds);
}
