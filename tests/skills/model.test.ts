import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCourse, listLessons } from '../../src/lib/content/index.ts';
import { formatDiagnostics } from '../../src/lib/diagnostics/index.ts';
import { parseSkillModel, RATER_KINDS } from '../../src/lib/skills/index.ts';
import { ROOT } from '../support/paths.ts';

const { course } = await loadCourse({ contentDir: path.join(ROOT, 'content'), rootDir: ROOT });
const lessons = new Set(listLessons(course).map((l) => l.id));
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

describe('skill model', () => {
  it('ships a valid sample model for inbound, outbound and online chat', () => {
    const { model, diagnostics } = parseSkillModel(read('question-bank/skills/hotline.yaml'), 'question-bank/skills/hotline.yaml', { lessons });
    expect(diagnostics).toEqual([]);
    expect(model!.roles.map((r) => r.id)).toEqual(['inbound', 'outbound', 'chat']);
    expect(RATER_KINDS.map((k) => model!.weights[k])).toEqual([40, 20, 10, 20, 10]);
    for (const dimension of model!.dimensions) expect(dimension.indicators.length).toBeGreaterThanOrEqual(3);
    const core = model!.dimensions.filter((d) => d.core).map((d) => d.id);
    expect(core).toEqual(['communication', 'emotion', 'service', 'problem-solving']);
    for (const role of model!.roles) expect(role.dimensions.slice(0, 4)).toEqual(core);
  });

  it('reports weights, tier order, duplicate ids, unknown dimensions and lessons together, each at its line', () => {
    const file = 'tests/skills/fixtures/bad-model.yaml';
    const { model, diagnostics } = parseSkillModel(read(file), file, { lessons });
    expect(model).toBeUndefined();
    expect(formatDiagnostics(diagnostics)).toMatchInlineSnapshot(`
      "tests/skills/fixtures/bad-model.yaml:3:3  error  Unexpected rater weights adding up to 105, expected 100; over by 5  skills/weights-not-100
        note: adjust \`supervisor\`, \`self\`, \`peer\`, \`customer\` and \`practical\` so they add up to 100 (e.g. 40, 20, 10, 20, 10).

      tests/skills/fixtures/bad-model.yaml:13:10  error  Unexpected lowest tier \`优秀\` starting at 4.5, expected \`min: 1\` so that every score from 1 to 5 has a tier  skills/tier-gap
        note: set \`min: 1\` on the last tier.

      tests/skills/fixtures/bad-model.yaml:13:10  error  Unexpected tier \`优秀\` with \`min: 4.5\` after \`良好\` (min 3.5), expected tiers from the highest \`min\` down  skills/tier-order
        note: list tiers from the best to the lowest, each with a smaller \`min\`.

      tests/skills/fixtures/bad-model.yaml:22:19  error  Unexpected lesson \`communication/active-listenin\`, expected a lesson of content/ as \`module/lesson\`  skills/unknown-lesson
        note: did you mean \`communication/active-listening\`?

      tests/skills/fixtures/bad-model.yaml:26:13  error  Unexpected duplicate indicator id \`com-listen\`, expected each id once in the model  skills/duplicate-id
        note: give this indicator another id; ids head the columns of the ratings sheet.

      tests/skills/fixtures/bad-model.yaml:33:33  error  Unexpected dimension \`emotoin\`, expected one of \`communication\`  skills/unknown-dimension
        note: add the dimension under \`dimensions:\` or remove it here.

      ✖ 6 errors"
    `);
  });

  it('asks for 3–5 indicators per dimension', () => {
    const file = 'tests/skills/fixtures/two-indicators.yaml';
    const { diagnostics } = parseSkillModel(read(file), file, { lessons });
    expect(formatDiagnostics(diagnostics)).toContain('tests/skills/fixtures/two-indicators.yaml:10:7  error  Unexpected 2 item(s) in `dimensions[0].indicators`, expected at least 3');
  });
});
