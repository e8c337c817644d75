import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { listLessons, loadCourse } from '../src/lib/content/index.ts';
import { formatDiagnostics, hasErrors, type Diagnostic } from '../src/lib/diagnostics/index.ts';
import { readTextFile } from '../src/lib/encoding/index.ts';
import { listYamlFiles, loadSkillModels, missingCharacters, renderDocuments } from '../src/lib/skills/index.ts';
import { readSpreadsheet } from '../src/lib/spreadsheet/index.ts';
import {
  COURSES_FOLDER,
  layoutCourseSelfAssessment,
  layoutFeedback,
  layoutNeedsSurvey,
  layoutSchedule,
  layoutSessionRecord,
  parseCoursePlan,
  readTrainees,
  type Trainee,
} from '../src/lib/training/index.ts';
import { formatDuration, parseCommandLine, runMain, UsageError } from './cli.ts';
import { loadExamFont } from './exam-font.ts';
import { writeOutputFolder } from './output-folder.ts';
import { loadProjectConfig, PROJECT_ROOT } from './project-config.ts';

const USAGE = `Usage:
  npm run training -- <course> [--roster roster.xlsx] [--out DIR]
  npm run training -- --list

Prints every form of a course plan (question-bank/courses/<course>.yaml) into print/training-<course>/:
  schedule.pdf         培训日程表: the days and sessions
  needs-survey.pdf     培训需求调研表: the course's topics with a priority to tick, open questions
  session-record.pdf   培训签到与现场记录表: per day, sign-in sheet and the trainer's session record
  feedback.pdf         培训效果反馈表: items and trainers rated 1–5, comments
  self-assessment.pdf  技能自评表 of the course's skill model (when the plan names one)

  --roster F   trainees (columns 工号, 姓名, optional 部门 and 岗位): pre-fills the sign-in sheet
               and prints a 技能自评表 per trainee
  --out DIR    parent folder of the output folder (default: print/)
  --list       list the course plans`;

const relative = (p: string) => path.relative(PROJECT_ROOT, p).split(path.sep).join('/') || '.';

function fail(diagnostics: Diagnostic[]): number {
  console.error(formatDiagnostics(diagnostics));
  console.error('\n✖ no forms made: fix the errors above; nothing was written.');
  return 1;
}

const isFile = (file: string) => readFile(file).then(() => true, () => false);

/** Returns the plan file for a name or a path, or throws a UsageError listing the plans. */
async function resolvePlan(target: string, dir: string, names: string[]): Promise<string> {
  for (const candidate of [path.resolve(target), path.join(dir, `${target}.yaml`)]) {
    if (/\.ya?ml$/.test(candidate) && (await isFile(candidate))) return candidate;
  }
  throw new UsageError(`no course plan \`${target}\`; available: ${names.map((n) => `\`${n}\``).join(', ') || 'none'}`);
}

/** Prints a course's schedule and forms; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, {
    roster: { type: 'string' },
    out: { type: 'string', default: 'print' },
    list: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const config = loadProjectConfig();
  const dir = path.join(config.bankDir, COURSES_FOLDER);
  const names = (await listYamlFiles(dir)).map((f) => f.replace(/\.ya?ml$/, ''));
  if (values.list) {
    console.log(`Course plans:\n${names.map((n) => `  ${n}`).join('\n')}`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length ? `unexpected second argument \`${positionals[1]}\`` : 'name a course plan, or use `--list`');
  const planFile = await resolvePlan(positionals[0]!, dir, names);
  const source = await readTextFile(planFile, relative(planFile));
  if (!source.ok) return fail([source.diagnostic]);
  const text = source.text;
  const started = performance.now();

  const { course } = await loadCourse({ contentDir: config.contentDir, rootDir: config.rootDir });
  const lessons = listLessons(course);
  const lessonIds = new Set(lessons.map((l) => l.id));
  const skills = await loadSkillModels(config.bankDir, config.rootDir, lessonIds);
  const skillModels = new Map<string, ReadonlySet<string> | undefined>([...skills.names.map((n) => [n, undefined] as const), ...[...skills.models].map(([n, m]) => [n, new Set(m.roles.map((r) => r.id))] as const)]);
  const parsed = parseCoursePlan(text, relative(planFile), { lessons: lessonIds, skillModels });
  if (!parsed.plan) return fail(parsed.diagnostics);
  const plan = parsed.plan;
  const model = plan.skill_model ? skills.models.get(plan.skill_model) : undefined;
  if (plan.skill_model && !model) return fail(skills.diagnostics);

  const diagnostics: Diagnostic[] = [];
  let trainees: Trainee[] = [];
  if (values.roster) {
    const read = await readSpreadsheet(path.resolve(values.roster), values.roster);
    diagnostics.push(...read.diagnostics);
    if (read.tables[0]) {
      const roster = readTrainees(read.tables[0], model);
      diagnostics.push(...roster.diagnostics);
      trainees = roster.trainees;
    }
  }
  if (hasErrors(diagnostics)) return fail(diagnostics);

  const fonts = await loadExamFont();
  const titles = new Map(lessons.map((l) => [l.id, l.data.title]));
  const documents = [
    { name: 'schedule.pdf', document: layoutSchedule(plan, fonts, titles) },
    { name: 'needs-survey.pdf', document: layoutNeedsSurvey(plan, fonts, titles) },
    { name: 'session-record.pdf', document: layoutSessionRecord(plan, fonts, trainees) },
    { name: 'feedback.pdf', document: layoutFeedback(plan, fonts) },
    ...(model ? [{ name: 'self-assessment.pdf', document: layoutCourseSelfAssessment(plan, model, fonts, trainees) }] : []),
  ];
  const missing = missingCharacters(documents.map((d) => d.document), fonts);
  if (missing.length) throw new UsageError(`the PDF font has no glyph for ${missing.map((c) => `\`${c}\``).join(' ')}; replace them in the course plan or roster`);
  const files = await renderDocuments(documents, fonts, plan.title);
  const folder = path.join(path.resolve(PROJECT_ROOT, values.out), `training-${path.basename(planFile).replace(/\.ya?ml$/, '')}`);
  await writeOutputFolder(folder, files);
  console.log(`✓ ${relative(folder)}/: ${files.map((f) => `${f.name} (${f.document.pages.length} p.)`).join(', ')} in ${formatDuration(performance.now() - started)}`);
  return 0;
}

if (import.meta.main) process.exitCode = await runMain(main, USAGE);
