import { describe, expect, it } from 'vitest';
import { isNoLineStart, wrapText } from '../../src/lib/exam-pdf/index.ts';
import { createRandom } from '../../src/lib/quiz/index.ts';

// Full-width characters 10 units wide, Latin 5.5: close to the real font's proportions.
const measure = (text: string) => [...text].reduce((width, char) => width + (char.charCodeAt(0) > 0x2e80 ? 10 : 5.5), 0);

describe('wrapText', () => {
  it('keeps Latin words and numbers whole and breaks Chinese between characters', () => {
    const text = '请在CRM system里查询FirstContactResolution和首次解决率为80%的工单记录';
    const lines = wrapText(text, 100, measure);
    expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    for (const word of ['CRM', 'system', '80%']) expect(lines.some((line) => line.includes(word)), word).toBe(true);
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(100 + 10);
  });

  it('never starts a line with 。，、）」 and the like', () => {
    const random = createRandom('kinsoku');
    const pieces = ['客服', '工单', '。', '，', '、', '）', '」', '（', '「', '首次解决率', 'CRM', '！', '？', '：'];
    for (let run = 0; run < 300; run++) {
      const text = Array.from({ length: 40 }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      const lines = wrapText(text, 60 + Math.floor(random() * 80), measure);
      expect(lines.join('')).toBe(text);
      for (const line of lines.slice(1)) expect(isNoLineStart(line[0] ?? ''), `${JSON.stringify(lines)}`).toBe(false);
    }
  });

  it('never leaves an answer bracket alone on the last line: the previous character comes with it', () => {
    // 9 characters fill a 90-wide line exactly; the bracket would be the whole second line.
    const lines = wrapText('客户最关心的问题是什么（　　）', 90, measure);
    expect(lines).toEqual(['客户最关心的问题是', '什么（　　）']);
    const tight = wrapText('一二三四五六七八九（　　）', 90, measure);
    expect(tight).toEqual(['一二三四五六七八', '九（　　）']);
  });

  it('joins a lone last character and its full stop to the previous line when they fit, and moves one down otherwise', () => {
    expect(wrapText('一二三四五六七八九十。', 100, measure)).toEqual(['一二三四五六七八', '九十。']);
    expect(wrapText('一二三四五六七八十。', 100, measure)).toEqual(['一二三四五六七八十。']);
    for (let width = 60; width <= 200; width += 7) {
      const lines = wrapText('请写出处理客户投诉时先道歉再倾听后解决的原因并举例说明。', width, measure);
      if (lines.length > 1) expect([...lines.at(-1)!.replace(/[。，]/g, '')].length, `${width}: ${JSON.stringify(lines)}`).toBeGreaterThan(1);
    }
  });

  it('breaks at line feeds', () => {
    expect(wrapText('第一行\n第二行', 500, measure)).toEqual(['第一行', '第二行']);
  });
});
