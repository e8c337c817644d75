import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadCourse, listLessons } from '../src/lib/content/index.ts';
import { formatDiagnostics, hasErrors, type Diagnostic } from '../src/lib/diagnostics/index.ts';
import { readTextFile } from '../src/lib/encoding/index.ts';
import {
  layoutRatingForms,
  layoutSkillReport,
  layoutTeamSummary,
  listYamlFiles,
  missingCharacters,
  parseSkillModel,
  ratingsTemplate,
  readCourseResults,
  readRatings,
  readRoster,
  renderDocuments,
  scorePerson,
  SKILLS_FOLDER,
  summarizeTeam,
  teamWorkbook,
  RATER_LABELS,
  type Person,
  type SkillModel,
} from '../src/lib/skills/index.ts';
import { readSpreadsheet, workbookBytes, type Table } from '../src/lib/spreadsheet/index.ts';
import { formatDuration, parseCommandLine, runMain, UsageError } from './cli.ts';
import { loadExamFont } from './exam-font.ts';
import { writeOutputFolder } from './output-folder.ts';
import { loadProjectConfig, PROJECT_ROOT } from './project-config.ts';

const USAGE = `Usage:
  npm run skills -- <model> --forms [--roster roster.xlsx] [--out DIR]
  npm run skills -- <model> --template [--roster roster.xlsx] [--out DIR]
  npm run skills -- <model> --ratings ratings.xlsx [--practical results.csv] [--roster roster.xlsx] [--out DIR]
  npm run skills -- --list

  <model>        a skill model in question-bank/skills/ (e.g. hotline) or a path to one
  --forms        rating forms, one A4 page per person and rater kind: 自评表, 上级评价表,
                 同事评价表, 客户评价汇总表 (blank, one per role, without --roster)
  --template     the ratings workbook to fill in (one row per person × rater form)
  --ratings F    score a filled-in ratings workbook: a 技能评分报告 per person, and the team
                 summary as PDF and .xlsx
  --practical F  course results (columns 工号 and 课程成绩, 0–100, e.g. marking's results.csv):
                 the practical-test rater for people without 实操 rows (score ÷ 20)
  --roster F     people to pre-fill (columns 工号, 姓名, 岗位, optional 部门); with --ratings,
                 everyone on it gets a report line even without ratings
  --out DIR      parent folder of the output folder (default: print/)
  --list         list the skill models`;

const relative = (p: string) => path.relative(PROJECT_ROOT, p).split(path.sep).join('/') || '.';

function fail(diagnostics: Diagnostic[], what: string): number {
  console.error(formatDiagnostics(diagnostics));
  console.error(`\n✖ ${what}: fix the errors above; nothing was written.`);
  return 1;
}

/** Returns the model file for a name or path, or throws a UsageError listing the models. */
async function resolveModel(target: string, bankDir: string): Promise<string> {
  const dir = path.join(bankDir, SKILLS_FOLDER);
  for (const candidate of [path.resolve(target), path.join(dir, `${target}.yaml`), path.join(dir, target)]) {
    if (/\.ya?ml$/.test(candidate) && (await readFile(candidate).then(() => true, () => false))) return candidate;
  }
  const names = (await listYamlFiles(dir)).map((f) => f.replace(/\.ya?ml$/, ''));
  throw new UsageError(`no skill model \`${target}\`; available: ${names.map((n) => `\`${n}\``).join(', ') || 'none'}`);
}

/** Returns the sheet a reader wants: the one named `name` when there is one, else the first. */
function pickTable(tables: Table[], name: string): Table | undefined {
  return tables.find((t) => t.sheet === name) ?? tables[0];
}

async function readPeople(model: SkillModel, file: string): Promise<{ people: Person[]; diagnostics: Diagnostic[] }> {
  const read = await readSpreadsheet(path.resolve(file), file);
  const table = pickTable(read.tables, '名单');
  if (!table) return { people: [], diagnostics: read.diagnostics };
  const roster = readRoster(model, table);
  return { people: roster.people, diagnostics: [...read.diagnostics, ...roster.diagnostics] };
}

const safeName = (text: string) => text.replace(/[\\/:*?"<>|\s]+/g, '_');

/** Prints skill forms, the ratings template or the reports; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, {
    forms: { type: 'boolean' },
    template: { type: 'boolean' },
    ratings: { type: 'string' },
    practical: { type: 'string' },
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
  if (values.list) {
    console.log('Skill models:');
    for (const file of await listYamlFiles(path.join(config.bankDir, SKILLS_FOLDER))) console.log(`  ${file.replace(/\.ya?ml$/, '')}`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length ? `unexpected second argument \`${positionals[1]}\`` : 'name a skill model, or use `--list`');
  const modes = [values.forms && '--forms', values.template && '--template', values.ratings !== undefined && '--ratings'].filter(Boolean);
  if (modes.length !== 1) throw new UsageError(modes.length ? `use one of ${modes.join(', ')} at a time` : 'choose `--forms`, `--template` or `--ratings <file>`');
  if (values.practical !== undefined && values.ratings === undefined) throw new UsageError('`--practical` goes with `--ratings`');

  const started = performance.now();
  const modelFile = await resolveModel(positionals[0]!, config.bankDir);
  const modelName = path.basename(modelFile).replace(/\.ya?ml$/, '');
  const { course } = await loadCourse({ contentDir: config.contentDir, rootDir: config.rootDir });
  const lessons = listLessons(course);
  const source = await readTextFile(modelFile, relative(modelFile));
  if (!source.ok) return fail([source.diagnostic], 'nothing made');
  const parsed = parseSkillModel(source.text, relative(modelFile), { lessons: new Set(lessons.map((l) => l.id)) });
  if (!parsed.model) return fail(parsed.diagnostics, 'nothing made');
  const model = parsed.model;
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const roster = values.roster ? await readPeople(model, values.roster) : { people: [], diagnostics: [] };
  diagnostics.push(...roster.diagnostics);
  const outRoot = path.resolve(PROJECT_ROOT, values.out);

  if (values.template) {
    if (hasErrors(diagnostics)) return fail(diagnostics, 'no template made');
    const folder = path.join(outRoot, `skills-${modelName}-template`);
    await writeOutputFolder(folder, [{ name: 'ratings.xlsx', bytes: await workbookBytes([ratingsTemplate(model, roster.people)]) }]);
    console.log(`✓ ${relative(folder)}/ratings.xlsx: ${roster.people.length ? `${roster.people.length} people × 6 rater rows` : 'empty template (give --roster to pre-fill it)'} in ${formatDuration(performance.now() - started)}`);
    return 0;
  }

  const fonts = await loadExamFont();
  if (values.forms) {
    if (hasErrors(diagnostics)) return fail(diagnostics, 'no forms made');
    const documents = layoutRatingForms(model, fonts, roster.people);
    const missing = missingCharacters(documents.map((d) => d.document), fonts);
    if (missing.length) throw new UsageError(`the PDF font has no glyph for ${missing.map((c) => `\`${c}\``).join(' ')}; replace them in the model or roster`);
    const files = await renderDocuments(documents.map((d) => ({ name: `form-${d.kind}.pdf`, document: d.document })), fonts, model.title);
    const template = await workbookBytes([ratingsTemplate(model, roster.people)]);
    const folder = path.join(outRoot, `skills-${modelName}-forms`);
    await writeOutputFolder(folder, [...files, { name: 'ratings.xlsx', bytes: template }]);
    const pages = files.reduce((n, f) => n + f.document.pages.length, 0);
    console.log(`✓ ${relative(folder)}/: ${files.map((f) => f.name).join(', ')} (${pages} pages) and ratings.xlsx in ${formatDuration(performance.now() - started)}`);
    return 0;
  }

  const read = await readSpreadsheet(path.resolve(values.ratings!), values.ratings!);
  diagnostics.push(...read.diagnostics);
  const table = pickTable(read.tables, '评分');
  const ratings = table ? readRatings(model, table) : { forms: [], people: [], diagnostics: [] };
  diagnostics.push(...ratings.diagnostics);
  let practical = new Map<string, number>();
  if (values.practical) {
    const results = await readSpreadsheet(path.resolve(values.practical), values.practical);
    diagnostics.push(...results.diagnostics);
    if (results.tables[0]) {
      const course = readCourseResults(results.tables[0]);
      diagnostics.push(...course.diagnostics);
      practical = course.scores;
    }
  }
  if (hasErrors(diagnostics)) return fail(diagnostics, 'no reports made');
  if (diagnostics.length) console.error(formatDiagnostics(diagnostics));
  // Roster order first (everyone on it, rated or not), then anyone only the ratings name.
  const people = [...roster.people, ...ratings.people.filter((p) => !roster.people.some((r) => r.id === p.id))];
  const results = people.map((person) => scorePerson(model, person, ratings.forms, practical.get(person.id)));
  const team = summarizeTeam(model, results);
  const lessonTitles = new Map(lessons.map((l) => [l.id, l.data.title]));
  const documents = [
    ...results.filter((r) => r.exact !== undefined).map((r) => ({ name: `reports/${safeName(r.person.id)}-${safeName(r.person.name)}.pdf`, document: layoutSkillReport(model, r, fonts, { lessonTitles }) })),
    { name: 'team-summary.pdf', document: layoutTeamSummary(model, team, fonts) },
  ];
  const missing = missingCharacters(documents.map((d) => d.document), fonts);
  if (missing.length) throw new UsageError(`the PDF font has no glyph for ${missing.map((c) => `\`${c}\``).join(' ')}; replace them in the model or ratings`);
  const files = await renderDocuments(documents, fonts, model.title);
  const folder = path.join(outRoot, `skills-${modelName}-reports`);
  await writeOutputFolder(folder, [...files, { name: 'team-summary.xlsx', bytes: await workbookBytes(teamWorkbook(model, team)) }]);

  for (const r of results) {
    const note = r.missing.length ? `  (no ${r.missing.map((k) => RATER_LABELS[k]).join('、')}: weights re-normalised)` : '';
    console.log(`  ${r.person.id.padEnd(8)} ${r.person.name.padEnd(6)} ${r.score === undefined ? '  —  ' : r.score.toFixed(model.decimals)} ${r.tier?.name ?? '无评分'}${note}`);
  }
  const counts = team.tiers.map((t) => `${t.tier.name} ${t.count}`).join(' · ');
  console.log(`✓ ${relative(folder)}/: ${files.length - 1} reports, team-summary.pdf and .xlsx (${counts}${team.unscored ? ` · 无评分 ${team.unscored}` : ''}; ${team.disagreements.length} disagreements) in ${formatDuration(performance.now() - started)}`);
  return 0;
}

if (import.meta.main) process.exitCode = await runMain(main, USAGE);
