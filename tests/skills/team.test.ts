import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSkillModel, readCourseResults, readRatings, readRoster, scorePerson, summarizeTeam } from '../../src/lib/skills/index.ts';
import { readSpreadsheet } from '../../src/lib/spreadsheet/index.ts';
import { ROOT } from '../support/paths.ts';

const model = parseSkillModel(readFileSync(path.join(ROOT, 'question-bank/skills/hotline.yaml'), 'utf8'), 'hotline.yaml').model!;
const team = path.join(import.meta.dirname, 'fixtures', 'team-12');
const table = async (name: string) => (await readSpreadsheet(path.join(team, name))).tables[0]!;

describe('sample team of 12', async () => {
  const { people } = readRoster(model, await table('roster.csv'));
  const ratings = readRatings(model, await table('ratings.csv'));
  const { scores } = readCourseResults(await table('results.csv'));
  const results = people.map((person) => scorePerson(model, person, ratings.forms, scores.get(person.id)));
  const summary = summarizeTeam(model, results);

  it('reads the generated ratings without problems', () => {
    expect(ratings.diagnostics).toEqual([]);
    expect(people).toHaveLength(12);
    expect(ratings.forms).toHaveLength(53);
  });

  it('re-normalises for the people with raters left out', () => {
    const missing = Object.fromEntries(results.filter((r) => r.missing.length).map((r) => [r.person.id, r.missing]));
    expect(missing).toEqual({ T004: ['customer'], T007: ['peer'], T008: ['self', 'practical'], T011: ['peer', 'customer'] });
  });

  it('gives the golden scores, tiers and team summary', async () => {
    const golden = {
      people: results.map((r) => ({ id: r.person.id, score: r.score, tier: r.tier?.name, exact: Math.round(r.exact! * 1e6) / 1e6, lowest: r.lowest.map((i) => i.indicator.id), disagreements: r.indicators.filter((i) => i.disagreement).length })),
      tiers: summary.tiers.map((t) => [t.tier.name, t.count]),
      dimensions: summary.dimensions.map((d) => [d.dimension.id, d.mean === undefined ? null : Math.round(d.mean * 1000) / 1000, d.n]),
    };
    expect(golden.tiers).toEqual([['优秀', 2], ['良好', 8], ['待提升', 2]]);
    await expect(`${JSON.stringify(golden, null, 2)}\n`).toMatchFileSnapshot('fixtures/team-12/expected.json');
  });
});
