import type { SearchLexicon } from './lexicon.ts';

/** Toneless pinyin syllable → the characters read that way (a character with two readings is under both). */
export type PinyinTable = Record<string, string>;

/** Returns a lookup from a character to its toneless readings. */
export function createReadings(table: PinyinTable): (char: string) => ReadonlySet<string> {
  const readings = new Map<string, Set<string>>();
  for (const [syllable, chars] of Object.entries(table)) {
    for (const char of chars) readings.set(char, (readings.get(char) ?? new Set()).add(syllable));
  }
  const none: ReadonlySet<string> = new Set();
  return (char) => readings.get(char) ?? none;
}

/** Returns true if the table knows the character, i.e. it is a common simplified character. */
export function isKnownCharacter(table: PinyinTable, char: string): boolean {
  return Object.values(table).some((chars) => chars.includes(char));
}

const sounds = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].some((s) => b.has(s));

/**
 * Returns the course word a typed word was most likely meant to be, or undefined: first a word
 * that sounds the same (the usual slip with a pinyin keyboard: 公单 → 工单), then, for words of
 * three or more characters, one that differs in a single character (退款市效 → 退款时效).
 * @example correctWord('公单', lexicon, readings) // => '工单'
 */
export function correctWord(word: string, lexicon: SearchLexicon, readings: (char: string) => ReadonlySet<string>): string | undefined {
  const chars = [...word];
  if (chars.length < 2 || lexicon.phrases[word] !== undefined || !chars.every((c) => /\p{Script=Han}/u.test(c))) return undefined;
  const sameLength = lexicon.vocabulary.filter((candidate) => [...candidate].length === chars.length && candidate !== word);
  const homophone = sameLength.find((candidate) => [...candidate].every((c, i) => c === chars[i] || sounds(readings(c), readings(chars[i]!))));
  if (homophone) return homophone;
  if (chars.length < 3) return undefined;
  return sameLength.find((candidate) => [...candidate].filter((c, i) => c !== chars[i]).length === 1);
}
