import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTranslator, UI_LANGUAGES } from '../../src/lib/i18n/index.ts';
import { ROOT } from '../support/paths.ts';

describe('interface strings', () => {
  it('exist in Chinese and English and fill in their placeholders', () => {
    expect(UI_LANGUAGES).toEqual(['zh-CN', 'en']);
    expect(createTranslator('zh-CN')('home.lessons', { n: 3 })).toBe('3 节课');
    expect(createTranslator('en')('home.lessons', { n: 3 })).toBe('3 lessons');
    expect(() => createTranslator('fr')).toThrow('createTranslator: unknown language `fr`, expected one of zh-CN, en');
  });

  it('are never written into pages, components or scripts directly, so `lang: en` switches them all', () => {
    const offenders: string[] = [];
    for (const folder of ['src/pages', 'src/components', 'src/layouts', 'src/scripts']) {
      for (const file of readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })) {
        if (!/\.(astro|ts)$/.test(file)) continue;
        readFileSync(path.join(ROOT, folder, file), 'utf8')
          .split('\n')
          .forEach((line, i) => {
            const code = line.replace(/\/\/.*$/, '').replace(/\{\/\*.*\*\/\}/, '');
            if (/\p{Script=Han}/u.test(code)) offenders.push(`${folder}/${file}:${i + 1}: ${line.trim()}`);
          });
      }
    }
    expect(offenders).toEqual([]);
  });
});
