import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listLessons, loadCourse } from '../../src/lib/content/index.ts';
import { formatDiagnostics } from '../../src/lib/diagnostics/index.ts';
import { loadGlossary, parseGlossary, pinyinSortKey } from '../../src/lib/glossary/index.ts';
import { ROOT } from '../support/paths.ts';

describe('parseGlossary', () => {
  it('reports unknown lessons with a did-you-mean and duplicate terms with the first definition', () => {
    const file = 'tests/glossary/fixtures/bad-glossary.yaml';
    const { diagnostics } = parseGlossary(readFileSync(path.join(ROOT, file), 'utf8'), file, new Set(['system-ops/tickets', 'system-ops/knowledge-base-and-tools']));
    expect(formatDiagnostics(diagnostics)).toContain('bad-glossary.yaml:3:13  error  Unexpected lesson `system-ops/ticket`, expected `module/lesson` of a published lesson  glossary/unknown-lesson');
    expect(formatDiagnostics(diagnostics)).toContain('did you mean `system-ops/tickets`?');
    expect(diagnostics.map((d) => d.ruleId).sort()).toEqual(['glossary/duplicate-term', 'glossary/unknown-lesson', 'glossary/unknown-lesson']);
    const duplicate = diagnostics.find((d) => d.ruleId === 'glossary/duplicate-term')!;
    expect([duplicate.place, duplicate.cause?.place]).toEqual([{ line: 10, column: 9 }, { line: 1, column: 9 }]);
  });

  it('reports a field of the wrong kind at its place', () => {
    const { diagnostics } = parseGlossary('- term: 工单\n  definition: 单据\n  synonyms: 单子\n', 'g.yaml');
    expect(diagnostics.map((d) => [d.ruleId, d.place])).toEqual([['glossary/wrong-type', { line: 3, column: 13 }]]);
  });

  it('sorts terms by pinyin and gives each a stable anchor', () => {
    const { glossary } = parseGlossary('- {term: 转接, definition: a}\n- {term: 重复来电率, definition: b}\n- {term: 工单, definition: c}\n- {term: FAB 法则, definition: d}\n', 'g.yaml');
    expect(glossary.terms.map((t) => [t.term, t.initial, t.anchor])).toEqual([
      ['重复来电率', 'C', 'term-chong-fu-lai-dian-lv'],
      ['FAB 法则', 'F', 'term-fab-fa-ze'],
      ['工单', 'G', 'term-gong-dan'],
      ['转接', 'Z', 'term-zhuan-jie'],
    ]);
    expect(pinyinSortKey('工单')).toBe('gong dan|1 1');
  });
});

describe('the sample glossary', () => {
  it('has at least 60 terms, each linking only to published lessons', async () => {
    const { course } = await loadCourse({ contentDir: path.join(ROOT, 'content'), rootDir: ROOT });
    const { glossary, diagnostics } = await loadGlossary(path.join(ROOT, 'content'), ROOT, new Set(listLessons(course).map((l) => l.id)));
    expect(formatDiagnostics(diagnostics)).toBe('');
    expect(glossary.terms.length).toBeGreaterThanOrEqual(60);
    expect(glossary.terms.filter((t) => t.lessons.length === 0).map((t) => t.term)).toEqual(['客户']);
  });
});
