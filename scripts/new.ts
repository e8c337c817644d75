import { access, mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { listLessons, loadCourse, RESERVED_LESSON_SLUGS, SLUG_PATTERN } from '../src/lib/content/index.ts';
import { closestMatch } from '../src/lib/diagnostics/index.ts';
import { loadProject } from '../src/lib/project/index.ts';
import { QUESTION_TYPES, type QuestionType } from '../src/lib/questions/index.ts';
import { PLACEHOLDER } from '../src/lib/project/placeholders.ts';
import { parseCommandLine, runMain, UsageError } from './cli.ts';
import { loadProjectConfig, PROJECT_ROOT } from './project-config.ts';

const USAGE = `Usage:
  npm run new -- lesson <module> <slug>      a lesson file with front matter, as a draft
  npm run new -- question <module> <type>    a question file with the next free id
                                             types: ${QUESTION_TYPES.join(', ')}
  npm run new -- import-template [file.xlsx] the 题库 spreadsheet for \`npm run import\`, one example row per type
                                             (default: question-import-template.xlsx)

Placeholders are marked ${PLACEHOLDER}: \`npm run check\` reports any left in a published lesson or a question.`;

const P = PLACEHOLDER;

const QUESTION_BODIES: Record<QuestionType, string> = {
  single: `    stem: |\n      ${P}题干\n    options:\n      - ${P}选项 A\n      - ${P}选项 B\n      - ${P}选项 C\n      - ${P}选项 D\n    answer: A\n`,
  multiple: `    stem: |\n      ${P}题干\n    options:\n      - ${P}选项 A\n      - ${P}选项 B\n      - ${P}选项 C\n      - { text: 以上都是, pin: true }\n    answer: [A, B]\n`,
  truefalse: `    stem: |\n      ${P}一个可以判断对错的陈述。\n    answer: true\n`,
  fill: `    stem: |\n      ${P}题干，空格处写四个下划线：____。\n    answers:\n      - [${P}答案, ${P}可接受的其他写法]\n`,
  short: `    stem: |\n      ${P}题干\n    reference: |\n      ${P}参考答案\n    scoring:\n      - { point: ${P}评分要点一, points: 3 }\n      - { point: ${P}评分要点二, points: 3 }\n`,
  case: `    stem: |\n      ${P}情景描述（120–300 字）\n    parts:\n      - type: single\n        stem: ${P}小题一\n        options: [${P}选项 A, ${P}选项 B, ${P}选项 C]\n        answer: A\n        points: 2\n      - type: short\n        stem: ${P}小题二\n        reference: ${P}参考答案\n        scoring:\n          - { point: ${P}评分要点, points: 4 }\n        points: 4\n`,
};

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

function requireModule(module: string | undefined, modules: string[]): string {
  if (!module) throw new UsageError('name the module, e.g. `communication`');
  if (!modules.includes(module)) {
    const suggestion = closestMatch(module, modules);
    throw new UsageError(`no module \`${module}\`${suggestion ? `; did you mean \`${suggestion}\`?` : ''} Modules: ${modules.join(', ')}`);
  }
  return module;
}

/** Creates a lesson or question file from a template and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, { help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('say what to create: `lesson`, `question` or `import-template`');
  if (positionals.length > 3) throw new UsageError(`too many arguments: \`${positionals.slice(3).join(' ')}\``);
  const [kind, moduleArg, name] = positionals;
  if (kind === 'import-template') return writeImportTemplate(moduleArg ?? 'question-import-template.xlsx');
  const config = loadProjectConfig();
  const { course, bank } = await loadProject(config);
  const modules = course.modules.map((m) => m.slug);
  const relative = (file: string) => path.relative(PROJECT_ROOT, file);

  if (kind === 'lesson') {
    const module = requireModule(moduleArg, modules);
    if (!name || !SLUG_PATTERN.test(name) || (RESERVED_LESSON_SLUGS as readonly string[]).includes(name)) {
      throw new UsageError('give the lesson a URL name of lowercase letters, digits and hyphens, e.g. `repeat-callers`');
    }
    const file = path.join(config.contentDir, module, `${name}.md`);
    if ((await exists(file)) || (await exists(file.replace(/\.md$/, '.mdx')))) throw new UsageError(`${relative(file)} already exists`);
    // Drafts count too: a new lesson goes after every lesson of the module, published or not.
    const { course: withDrafts } = await loadCourse({ contentDir: config.contentDir, rootDir: config.rootDir, includeDrafts: true });
    const order = Math.max(0, ...listLessons(withDrafts).filter((l) => l.module === module).map((l) => l.data.order)) + 1;
    await writeFile(
      file,
      `---\ntitle: ${P}课程标题\ndescription: ${P}一句话说明这节课学什么。\norder: ${order}\nduration: 20\nlevel: basic\nobjectives:\n  - ${P}学完后能……\ntags: []\n# A draft stays out of the site; set it to false (or delete the line) when the lesson is ready.\ndraft: true\n---\n\n## ${P}第一部分\n\n${P}正文。\n\n:::tip\n${P}提示内容。\n:::\n\n## 自测\n\n${P}在题库中为本课添加 \`visibility: practice\` 的题目，然后在这里写 \`::quiz{ids="题号,题号"}\`。\n`,
    );
    console.log(`✓ created ${relative(file)} (a draft). Replace every ${P}, then \`npm run check\`; preview with \`npm run dev\`.`);
    return 0;
  }

  if (kind === 'question') {
    const module = requireModule(moduleArg, modules);
    const type = name as QuestionType;
    if (!(QUESTION_TYPES as readonly string[]).includes(type)) throw new UsageError(`unknown question type \`${name ?? ''}\`; use one of ${QUESTION_TYPES.join(', ')}`);
    // Ids continue the module's own prefix (com-036 → com-037); a new module starts from its initials.
    const prefixes = bank.questions.filter((q) => q.module === module).map((q) => q.id.replace(/-?\d+$/, ''));
    const prefix = prefixes.sort((a, b) => prefixes.filter((p) => p === b).length - prefixes.filter((p) => p === a).length)[0] ?? module.split('-').map((w) => w[0]).join('');
    const numbers = bank.questions.filter((q) => q.id.startsWith(`${prefix}-`)).map((q) => Number(q.id.slice(prefix.length + 1)) || 0);
    const id = `${prefix}-${String(Math.max(0, ...numbers) + 1).padStart(3, '0')}`;
    const folder = path.join(config.bankDir, module);
    await mkdir(folder, { recursive: true });
    const file = path.join(folder, `${id}.yaml`);
    const lessons = course.modules.find((m) => m.slug === module)!.lessons.map((l) => l.slug);
    await writeFile(
      file,
      `# yaml-language-server: $schema=../schema/question-file.schema.json\n# Replace every ${P}. Questions are exam-only unless \`visibility: practice\`.\nquestions:\n  - id: ${id}\n    rev: 1\n    type: ${type}\n    module: ${module}\n    # lesson: ${lessons[0] ?? 'lesson-slug'}   # the lesson that teaches it (one of: ${lessons.join(', ')})\n    level: basic\n    difficulty: 2\n    tags: []\n    visibility: exam\n${QUESTION_BODIES[type]}    explanation: |\n      ${P}解析：为什么这个答案是对的。\n`,
    );
    console.log(`✓ created ${relative(file)} with id ${id}. Replace every ${P}, then \`npm run check\`.`);
    return 0;
  }
  throw new UsageError(`unknown kind \`${kind}\`; use \`lesson\` or \`question\``);
}

/** Writes the import spreadsheet with one example row per question type; never over an existing file. */
async function writeImportTemplate(file: string): Promise<number> {
  if (!file.endsWith('.xlsx')) throw new UsageError(`the template is an .xlsx workbook; name it e.g. \`${file.replace(/\.[^.]*$/, '')}.xlsx\``);
  const target = path.resolve(file);
  if (await exists(target)) throw new UsageError(`${file} already exists`);
  const { instructionsSheet, templateSheet } = await import('../src/lib/interop/index.ts');
  const { workbookBytes } = await import('../src/lib/spreadsheet/index.ts');
  await writeFile(`${target}.tmp-${process.pid}`, await workbookBytes([templateSheet(), instructionsSheet()]));
  await rename(`${target}.tmp-${process.pid}`, target);
  console.log(`✓ created ${file}: one example row per question type. Replace the examples with your questions, then \`npm run import -- ${file} --module <module> --dry-run\`.`);
  return 0;
}

if (import.meta.main) process.exitCode = await runMain(main, USAGE);
