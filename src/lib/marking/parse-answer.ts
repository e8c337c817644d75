import type { KeyItem } from '../exam/index.ts';
import { indexToLetter, letterToIndex } from '../questions/index.ts';
import type { ItemResponse } from './responses.ts';

const TRUE_MARKS = new Set(['√', '✓', '✔', 'T', 'TRUE', 'Y', '对', '正确', '是']);
const FALSE_MARKS = new Set(['×', '✗', '✘', 'X', 'F', 'FALSE', 'N', '错', '错误', '否']);

/** Returns the letter range of a choice item for messages: `A–D`. */
export function optionRange(item: KeyItem): string {
  return `A–${indexToLetter((item.options?.length ?? 1) - 1)}`;
}

/**
 * Returns the response in a cell for an item, undefined for a blank cell, or the reason it is
 * not a valid response (a sentence for a diagnostic). Letters may be lower case, full width or
 * separated (`a, c`); true/false takes √/×, T/F, 对/错.
 * @example parseAnswer(' a c ', { type: 'multiple', options: 'ABCD', … }) // => { response: { kind: 'choice', letters: 'AC' } }
 */
export function parseAnswer(text: string, item: KeyItem): { response?: ItemResponse; reason?: string; note?: string } {
  const value = text.normalize('NFKC').trim();
  if (value === '') return {};
  const label = item.part === undefined ? `question ${item.number}` : `question ${item.number} part ${item.part}`;
  // `npm run scan` writes `?` and what it saw where a person must decide; never score a guess.
  if (value.startsWith('?')) {
    const seen = value.slice(1);
    return {
      reason: `the scanner flagged ${label} for review (${seen ? `it saw ${seen}` : 'an unclear mark'})`,
      note: 'look at the sheet in scan/review/ and type the answer over the cell (empty for no answer)',
    };
  }
  switch (item.type) {
    case 'single':
    case 'multiple': {
      const cleaned = value.toUpperCase().replace(/[\s,，、;；]/g, '');
      const count = item.options?.length ?? 0;
      const letters = new Set<string>();
      for (const ch of cleaned) {
        const index = letterToIndex(ch);
        if (index < 0 || index >= count) return { reason: `'${ch}' is not an option of ${label} (${optionRange(item)})`, note: `enter the letters the candidate chose, e.g. ${item.type === 'multiple' ? '`ACD`' : '`B`'}; leave the cell empty for no answer` };
        letters.add(ch);
      }
      return { response: { kind: 'choice', letters: [...letters].sort().join('') } };
    }
    case 'truefalse': {
      const upper = value.toUpperCase();
      if (TRUE_MARKS.has(upper)) return { response: { kind: 'truefalse', value: true } };
      if (FALSE_MARKS.has(upper)) return { response: { kind: 'truefalse', value: false } };
      return { reason: `'${value}' is not a true/false answer of ${label}`, note: 'enter `√` or `×` (also `T`/`F`, `对`/`错`); leave the cell empty for no answer' };
    }
    default: {
      const points = Number(value);
      if (!/^\d+(\.\d+)?$/.test(value) || !Number.isFinite(points)) return { reason: `'${value}' is not a number of points for ${label}`, note: `enter the points the marker awarded, from 0 to ${item.points}` };
      if (points > item.points) return { reason: `${value} points is above the maximum ${item.points} of ${label}`, note: `enter at most ${item.points}` };
      return { response: { kind: 'points', points } };
    }
  }
}
