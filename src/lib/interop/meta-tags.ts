import type { Level } from '../content/schema.ts';
import type { Location } from '../diagnostics/index.ts';
import { QUESTION_ID_PATTERN, type Question } from '../questions/index.ts';

/**
 * trainbook's metadata as LMS tags (`trainbook:difficulty=3`), so a question that goes to Moodle
 * and comes back keeps its difficulty, level, lesson, visibility and revision; Moodle users can
 * also filter the question bank by them.
 */
const PREFIX = 'trainbook:';

/** Returns the metadata tags of a question. */
export function metaTags(question: Question): string[] {
  return [
    `${PREFIX}difficulty=${question.difficulty}`,
    `${PREFIX}level=${question.level}`,
    ...(question.lesson ? [`${PREFIX}lesson=${question.lesson}`] : []),
    `${PREFIX}visibility=${question.visibility}`,
    `${PREFIX}rev=${question.rev}`,
  ];
}

export interface MetaFromTags {
  tags: string[];
  difficulty?: number;
  level?: Level;
  lesson?: string;
  visibility?: 'practice' | 'exam';
  rev?: number;
  /** Letters of pinned options, e.g. `E`. */
  pin?: string;
  /** Points, for formats without a grade field (GIFT). */
  points?: number;
}

/** Splits tags into trainbook's metadata and the question's own tags. */
export function readMetaTags(tags: readonly string[]): MetaFromTags {
  const meta: MetaFromTags = { tags: [] };
  for (const tag of tags) {
    const match = /^trainbook:([a-z]+)=(.*)$/.exec(tag);
    if (!match) {
      if (!meta.tags.includes(tag)) meta.tags.push(tag);
      continue;
    }
    const [, key, value] = match as unknown as [string, string, string];
    if (key === 'difficulty' && /^[1-5]$/.test(value)) meta.difficulty = Number(value);
    else if (key === 'level' && ['basic', 'advanced', 'expert'].includes(value)) meta.level = value as Level;
    else if (key === 'lesson' && value) meta.lesson = value;
    else if (key === 'visibility' && (value === 'practice' || value === 'exam')) meta.visibility = value;
    else if (key === 'rev' && /^[1-9]\d*$/.test(value)) meta.rev = Number(value);
    else if (key === 'pin' && /^[A-Z]+$/.test(value)) meta.pin = value;
    else if (key === 'points' && Number(value) > 0) meta.points = Number(value);
  }
  return meta;
}

/**
 * Returns the metadata fields of an imported question: the first of `ids` that is a valid id, then
 * what the `trainbook:` tags say, with the defaults of a new question (rev 1, basic, difficulty 2, exam).
 */
export function draftMetadata(meta: MetaFromTags, ids: readonly string[], module: string, origin: { file: string; place?: Location }) {
  const id = ids.find((candidate) => QUESTION_ID_PATTERN.test(candidate));
  return {
    ...(id ? { id } : {}),
    rev: meta.rev ?? 1,
    module,
    ...(meta.lesson ? { lesson: meta.lesson } : {}),
    level: meta.level ?? ('basic' as Level),
    difficulty: meta.difficulty ?? 2,
    tags: meta.tags,
    visibility: meta.visibility ?? ('exam' as const),
    origin,
  };
}

/** Scoring points as exports write them for an LMS, one per line: `- 表达歉意（2分）`. */
export function readScoringList(text: string): { point: string; points: number }[] {
  return text
    .split('\n')
    .map((line) => /^\s*[-*]\s*(.+?)[（(](\d+(?:\.\d+)?)分[)）]\s*$/.exec(line))
    .flatMap((m) => (m ? [{ point: m[1]!.trim(), points: Number(m[2]) }] : []));
}
