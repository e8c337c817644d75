import { createWarning, type Diagnostic } from '../diagnostics/index.ts';
import { indexToLetter, type QuestionBank } from '../questions/index.ts';
import type { ItemStatsRecord, StatsFile } from './stats-file.ts';

/** Discrimination below this, with at least `MIN_N` candidates, flags a question. */
export const MIN_DISCRIMINATION = 0.2;
export const MIN_N = 20;
export const MAX_FACILITY = 0.95;
export const MIN_FACILITY = 0.2;

/** A flag on a question from its latest statistics. */
export interface StatsFlag {
  /** `id` of the question. */
  id: string;
  /** `id@rev` or `id@rev(part)` as recorded. */
  ref: string;
  ruleId: 'stats/negative-discrimination' | 'stats/low-discrimination' | 'stats/too-easy' | 'stats/too-hard' | 'stats/unused-distractor';
  reason: string;
  /** The run the numbers come from. */
  runId: string;
}

/** Orders stats files oldest first: by bank version, then run id. */
function compareFiles(a: StatsFile, b: StatsFile): number {
  const va = a.bank.version.split('.').map(Number);
  const vb = b.bank.version.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((va[i] ?? 0) !== (vb[i] ?? 0)) return (va[i] ?? 0) - (vb[i] ?? 0);
  return a.runId.localeCompare(b.runId);
}

function correctLetters(bank: QuestionBank, ref: string): Set<string> | undefined {
  const match = /^([^@]+)@\d+(?:\((\d+)\))?$/.exec(ref);
  const question = match && bank.byId.get(match[1]!);
  if (!question) return undefined;
  const body = question.type === 'case' && match![2] ? question.parts[Number(match![2]) - 1] : question;
  return body && 'options' in body ? new Set(body.answer.map(indexToLetter)) : undefined;
}

function rulesFor(record: ItemStatsRecord, correct: Set<string> | undefined): Omit<StatsFlag, 'id' | 'ref' | 'runId'>[] {
  const flags: Omit<StatsFlag, 'id' | 'ref' | 'runId'>[] = [];
  const d = record.discrimination;
  if (d !== null && record.n >= MIN_N) {
    if (d < 0) flags.push({ ruleId: 'stats/negative-discrimination', reason: `discrimination ${d.toFixed(2)} is negative (n = ${record.n}): stronger candidates did worse on it` });
    else if (d < MIN_DISCRIMINATION) flags.push({ ruleId: 'stats/low-discrimination', reason: `discrimination ${d.toFixed(2)} is below ${MIN_DISCRIMINATION} (n = ${record.n})` });
  }
  if (record.facility > MAX_FACILITY) flags.push({ ruleId: 'stats/too-easy', reason: `facility ${record.facility.toFixed(2)} is above ${MAX_FACILITY} (n = ${record.n}): almost everyone got it right` });
  if (record.facility < MIN_FACILITY) flags.push({ ruleId: 'stats/too-hard', reason: `facility ${record.facility.toFixed(2)} is below ${MIN_FACILITY} (n = ${record.n})` });
  if (record.distractors && correct) {
    const unused = Object.entries(record.distractors).filter(([letter, count]) => count === 0 && !correct.has(letter)).map(([l]) => l);
    if (unused.length) flags.push({ ruleId: 'stats/unused-distractor', reason: `nobody chose option${unused.length > 1 ? 's' : ''} ${unused.join(', ')} (n = ${record.n})` });
  }
  return flags;
}

/**
 * Returns the flags of every current question from its latest recorded statistics. Only stats
 * of the question's current `rev` count: revising a question clears its flags.
 */
export function flagQuestions(bank: QuestionBank, files: readonly StatsFile[]): StatsFlag[] {
  const latest = new Map<string, { record: ItemStatsRecord; runId: string }>();
  for (const file of [...files].sort(compareFiles)) for (const [ref, record] of Object.entries(file.items)) latest.set(ref, { record, runId: file.runId });
  const flags: StatsFlag[] = [];
  for (const [ref, { record, runId }] of [...latest].sort(([a], [b]) => a.localeCompare(b))) {
    const match = /^([^@]+)@(\d+)/.exec(ref);
    const question = match && bank.byId.get(match[1]!);
    if (!question || question.rev !== Number(match![2]) || question.retired) continue;
    for (const flag of rulesFor(record, correctLetters(bank, ref))) flags.push({ ...flag, id: question.id, ref, runId });
  }
  return flags;
}

/** Returns `npm run check` warnings for flagged questions, located at each question. */
export function statsDiagnostics(bank: QuestionBank, files: readonly StatsFile[]): Diagnostic[] {
  return flagQuestions(bank, files).map((flag) => {
    const question = bank.byId.get(flag.id)!;
    return createWarning(question.file, question.place, flag.ruleId, `Question \`${flag.ref}\`: ${flag.reason} in run \`${flag.runId}\``, 'revise the question (and raise its `rev`), or retire it; the flag clears when the new revision has its own statistics.');
  });
}

/** Returns the flags as plain text lines for `bank:diff`, or a line saying there are none. */
export function formatFlagsText(flags: readonly StatsFlag[]): string {
  if (!flags.length) return 'No question is flagged by its latest statistics.';
  return ['Flagged by their latest statistics (npm run check warns about them):', ...flags.map((f) => `  ${f.ref}  ${f.ruleId}  ${f.reason} (run ${f.runId})`)].join('\n');
}

/** Returns the flags as a Markdown table for a pull-request comment; empty without flags. */
export function formatFlagsMarkdown(flags: readonly StatsFlag[]): string {
  if (!flags.length) return '';
  return ['### 统计预警 Flagged by statistics', '', '| 题目 | 规则 | 说明 | 考试批次 |', '| --- | --- | --- | --- |', ...flags.map((f) => `| \`${f.ref}\` | \`${f.ruleId}\` | ${f.reason} | \`${f.runId}\` |`)].join('\n');
}
