import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listLessons, loadCourse } from '../../src/lib/content/index.ts';
import { formatDiagnostics } from '../../src/lib/diagnostics/index.ts';
import { parseCoursePlan, sessionMinutes } from '../../src/lib/training/index.ts';
import { ROOT } from '../support/paths.ts';

const { course } = await loadCourse({ contentDir: path.join(ROOT, 'content'), rootDir: ROOT });
const lessons = new Set(listLessons(course).map((l) => l.id));
const skillModels = new Map([['hotline', new Set(['inbound', 'outbound', 'chat'])]]);

describe('course plan', () => {
  it('ships a valid sample plan whose every day ends with a 30-minute Q&A', () => {
    const file = 'question-bank/courses/new-hire-inbound.yaml';
    const { plan, diagnostics } = parseCoursePlan(readFileSync(path.join(ROOT, file), 'utf8'), file, { lessons, skillModels });
    expect(diagnostics).toEqual([]);
    expect(plan!.days).toHaveLength(3);
    for (const day of plan!.days) {
      const last = day.sessions.at(-1)!;
      const { start, end } = sessionMinutes(last.time);
      expect([last.method, end - start]).toEqual(['qa', 30]);
    }
  });

  it('reports an unknown method with the nearest one, at its line', () => {
    const file = 'tests/training/fixtures/bad-plan.yaml';
    const { plan, diagnostics } = parseCoursePlan(readFileSync(path.join(ROOT, file), 'utf8'), file, { lessons, skillModels });
    expect(plan).toBeUndefined();
    expect(formatDiagnostics(diagnostics)).toMatchInlineSnapshot(`
      "tests/training/fixtures/bad-plan.yaml:37:17  error  Unexpected \`days[2].sessions[0].method\` value \`lectur\`, expected one of \`lecture\`, \`role-play\`, \`case\`, \`drill\`, \`qa\`, \`exam\`  training/invalid-value
        note: did you mean \`lecture\`?

      ✖ 1 error"
    `);
  });

  it('then reports overlaps, a missing or long daily Q&A, reversed times, unknown lessons and roles together', () => {
    const text = readFileSync(path.join(ROOT, 'tests/training/fixtures/bad-plan.yaml'), 'utf8').replace(/method: lectur$/m, 'method: lecture');
    const { diagnostics } = parseCoursePlan(text, 'bad-plan.yaml', { lessons, skillModels });
    expect(formatDiagnostics(diagnostics)).toMatchInlineSnapshot(`
      "bad-plan.yaml:6:7  error  Unexpected role \`inbond\`, expected one of \`inbound\`, \`outbound\`, \`chat\`  training/unknown-role
        note: use a role id of the skill model.

      bad-plan.yaml:13:19  error  Unexpected lesson \`communication/active-listenin\`, expected a lesson of content/ as \`module/lesson\`  training/unknown-lesson
        note: did you mean \`communication/active-listening\`?

      bad-plan.yaml:15:15  error  Unexpected session starting at 10:00 before the previous one ends, expected sessions in time order without overlap  training/overlapping-sessions
        note: move the session or shorten the one before it.

      bad-plan.yaml:19:9  error  Unexpected last session \`练习\` (\`drill\`) on \`第 1 天\`, expected a 30-minute Q&A (\`method: qa\`) to close every day  training/missing-daily-qa
        note: add a last session with \`method: qa\` lasting 30 minutes.

      bad-plan.yaml:29:15  error  Unexpected Q&A of 45 minutes on \`第 2 天\`, expected 30 minutes  training/daily-qa-length
        note: make the day’s last session \`30\` minutes long.

      bad-plan.yaml:35:9  error  Unexpected last session \`时间写反\` (\`lecture\`) on \`第 3 天\`, expected a 30-minute Q&A (\`method: qa\`) to close every day  training/missing-daily-qa
        note: add a last session with \`method: qa\` lasting 30 minutes.

      bad-plan.yaml:35:15  error  Unexpected time \`09:00-08:00\`, expected a start before the end within one day  training/invalid-time
        note: write \`HH:MM-HH:MM\`, e.g. \`09:00-10:30\`.

      ✖ 7 errors"
    `);
  });
});
