import { createHash } from 'node:crypto';
import type { Question } from '../questions/index.ts';

/** Fields whose change changes what a trainee reads or how answers are marked. */
export const CONTENT_FIELDS = ['type', 'stem', 'options', 'answer', 'answers', 'reference', 'scoring', 'parts', 'explanation', 'points'] as const;
/** Fields that describe a question without changing it; changes are listed, not rev-checked. */
export const META_FIELDS = ['module', 'lesson', 'level', 'difficulty', 'tags', 'visibility', 'retired'] as const;
export type ContentField = (typeof CONTENT_FIELDS)[number];
export type Field = ContentField | (typeof META_FIELDS)[number];

/** Returns JSON with sorted keys, so equal data always gives equal text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Returns a hash per field of a question, computed from the parsed (normalised) question,
 * so re-indenting, re-quoting or switching between `|` and quoted strings changes nothing.
 */
export function fingerprintFields(question: Question): Record<Field, string> {
  const record = question as unknown as Record<string, unknown>;
  return Object.fromEntries([...CONTENT_FIELDS, ...META_FIELDS].map((field) => [field, sha(canonical(record[field])).slice(0, 10)])) as Record<Field, string>;
}

/** Returns the hash of a question's content (metadata such as tags does not count). */
export function fingerprintQuestion(question: Question): string {
  const fields = fingerprintFields(question);
  return sha(canonical(CONTENT_FIELDS.map((field) => fields[field])));
}

/** Returns the fields of `among` whose hashes differ. */
export function changedFields<F extends Field>(before: Partial<Record<Field, string>>, after: Record<Field, string>, among: readonly F[]): F[] {
  return among.filter((field) => before[field] !== after[field]);
}

/** Returns a one-line excerpt of a question's stem for changelogs and diffs. */
export function shortStem(question: Pick<Question, 'stem'>, length = 30): string {
  const text = question.stem.replace(/!\[[^\]]*\]\([^)]*\)/g, '').replace(/_{4,}/g, '____').replace(/[*`#>]/g, '').replace(/\s+/g, ' ').trim();
  return [...text].length > length ? `${[...text].slice(0, length).join('')}…` : text;
}
