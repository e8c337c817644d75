// The one import site of pinyin-pro.
import { pinyin } from 'pinyin-pro';

/**
 * Returns a key that sorts Chinese words by pinyin (toneless syllables, then tone numbers), Latin words by letters.
 * @example pinyinSortKey('工单') // => 'gong dan|1 1'
 */
export function pinyinSortKey(word: string): string {
  const syllables = pinyin(word, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).map((s) => s.toLowerCase());
  const tones = pinyin(word, { toneType: 'num', type: 'array', nonZh: 'consecutive' }).map((s) => s.replace(/\D/g, '') || '0');
  return `${syllables.join(' ')}|${tones.join(' ')}`;
}

/**
 * Returns toneless syllable → characters for the 6,763 characters of GB 2312 (every common simplified
 * character), each under all of its readings; search uses it to find homophone typos in the browser.
 */
export function buildPinyinTable(): Record<string, string> {
  const decoder = new TextDecoder('gb18030');
  const table: Record<string, string> = {};
  for (let row = 0xb0; row <= 0xf7; row++) {
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      const char = decoder.decode(new Uint8Array([row, cell]));
      if (!/^\p{Script=Han}$/u.test(char)) continue;
      const readings = new Set(pinyin(char, { toneType: 'none', multiple: true, type: 'array' }));
      for (const reading of readings) if (/^[a-zü]+$/.test(reading)) table[reading] = (table[reading] ?? '') + char;
    }
  }
  return Object.fromEntries(Object.entries(table).sort(([a], [b]) => a.localeCompare(b)));
}
