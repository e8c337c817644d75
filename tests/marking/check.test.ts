import { readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/lib/config.ts';
import { formatDiagnostics } from '../../src/lib/diagnostics/index.ts';
import { flagQuestions, parseAssessment, type StatsFile } from '../../src/lib/marking/index.ts';
import { checkProject, loadProject } from '../../src/lib/project/index.ts';
import { loadProjectConfig } from '../../scripts/project-config.ts';

const bank = (await loadProject(loadProjectConfig())).bank;
const targets = { blueprints: ['new-hire-theory'], rubrics: ['delayed-delivery-complaint'] };
const single = bank.questions.find((q): q is Extract<typeof q, { type: 'single' }> => q.type === 'single' && q.visibility === 'exam' && !q.retired)!;
const tf = bank.questions.find((q) => q.type === 'truefalse' && q.visibility === 'exam' && !q.retired)!;

const work = await mkdtemp(path.join(tmpdir(), 'trainbook-check-stats-'));
afterAll(() => rm(work, { recursive: true, force: true }));

const stats = (runId: string, version: string, items: StatsFile['items']): StatsFile => ({ trainbook: 1, runId, bank: { version }, n: 40, items });

describe('course assessment plans', () => {
  it('accepts the sample plan', async () => {
    const { assessment, diagnostics } = parseAssessment(readFileSync('question-bank/assessments/new-hire.yaml', 'utf8'), 'question-bank/assessments/new-hire.yaml', targets);
    expect(diagnostics).toEqual([]);
    expect(assessment).toMatchObject({ weights: { theory: 40, practical: 60 }, pass: { total: 60, each: 60 } });
  });

  it('locates weights that do not add up, unknown files and repeated red lines', () => {
    const text = ['title: 考核', 'blueprint: new-hire-thoery', 'rubric: delayed-delivery-complaint', 'weights:', '  theory: 50', '  practical: 60', 'red_lines:', '  - 泄露客户信息', '  - 泄露客户信息', ''].join('\n');
    expect(formatDiagnostics(parseAssessment(text, 'a.yaml', targets).diagnostics)).toBe(
      [
        'a.yaml:2:12  error  Unexpected blueprint `new-hire-thoery`, expected one of `new-hire-theory`  assessment/unknown-blueprint\n  note: did you mean `new-hire-theory`?',
        'a.yaml:5:3  error  Unexpected weights adding up to 110, expected 100  assessment/weights-not-100\n  note: set `theory` and `practical` so they add up to 100, e.g. 40 and 60.',
        'a.yaml:9:5  error  Duplicate red line `泄露客户信息`  assessment/duplicate-red-line\n  note: delete one of them.\n  cause: first listed here at a.yaml:8:5',
        '✖ 3 errors',
      ].join('\n\n'),
    );
  });
});

describe('question statistics in check', () => {
  it('flags low or negative discrimination only with n ≥ 20, extreme facility and unused distractors', () => {
    const ref = `${single.id}@${single.rev}`;
    const correct = single.answer[0]!;
    const distractors = Object.fromEntries(single.options.map((_, o) => [String.fromCharCode(65 + o), o === correct ? 30 : o === (correct + 1) % single.options.length ? 10 : 0]));
    const flags = flagQuestions(bank, [
      stats('run-a', '1.0.0', {
        [ref]: { n: 40, facility: 0.97, discrimination: -0.1, upperLower: -0.05, distractors },
        [`${tf.id}@${tf.rev}`]: { n: 19, facility: 0.5, discrimination: 0.05, upperLower: 0.1 },
      }),
    ]);
    expect(flags.map((f) => [f.ref, f.ruleId])).toEqual([
      [ref, 'stats/negative-discrimination'],
      [ref, 'stats/too-easy'],
      [ref, 'stats/unused-distractor'],
    ]);
  });

  it('uses the latest stats and ignores those of an older revision', () => {
    const ref = `${tf.id}@${tf.rev}`;
    const older = stats('run-a', '1.0.0', { [ref]: { n: 50, facility: 0.1, discrimination: 0.1, upperLower: 0.1 } });
    const newer = stats('run-b', '1.1.0', { [ref]: { n: 50, facility: 0.6, discrimination: 0.45, upperLower: 0.5 } });
    expect(flagQuestions(bank, [newer, older])).toEqual([]);
    expect(flagQuestions(bank, [older]).map((f) => f.ruleId)).toEqual(['stats/low-discrimination', 'stats/too-hard']);
    const oldRev = stats('run-c', '2.0.0', { [`${tf.id}@${tf.rev + 1}`]: { n: 50, facility: 0.01, discrimination: -0.5, upperLower: -0.5 } });
    expect(flagQuestions(bank, [oldRev])).toEqual([]);
  });

  it('makes npm run check warn at the question, with the rule id, and report unreadable stats files', async () => {
    const config = loadProjectConfig();
    const bankDir = path.join(work, 'question-bank');
    await cp(config.bankDir, bankDir, { recursive: true });
    await mkdir(path.join(bankDir, 'stats'), { recursive: true });
    await writeFile(path.join(bankDir, 'stats', 'run-a.json'), JSON.stringify(stats('run-a', '1.0.0', { [`${tf.id}@${tf.rev}`]: { n: 30, facility: 0.99, discrimination: 0.3, upperLower: 0.3 } })));
    await writeFile(path.join(bankDir, 'stats', 'broken.json'), '{');
    const { diagnostics } = await checkProject(resolveConfig(config.rootDir, { bankDir }), { markdown: false });
    const text = formatDiagnostics(diagnostics.filter((d) => d.ruleId.startsWith('stats/')));
    expect(text).toContain(`stats/broken.json  error  Unexpected content, expected a stats file written by \`npm run mark -- <run> --record\`  stats/unreadable`);
    expect(text).toMatch(new RegExp(`${tf.file.replace(/^question-bank/, '')}:\\d+:\\d+  warning  Question \`${tf.id}@${tf.rev}\`: facility 0.99 is above 0.95 \\(n = 30\\): almost everyone got it right in run \`run-a\`  stats/too-easy`));
  });
});
