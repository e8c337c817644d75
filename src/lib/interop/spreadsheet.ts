import { createError, type Diagnostic } from '../diagnostics/index.ts';
import type { Level } from '../content/schema.ts';
import { BLANK_MARKER, type Question, type QuestionType } from '../questions/index.ts';
import { cellText, findColumn, placeOf, type ColumnSpec, type SheetSpec, type Table, type TableRow } from '../spreadsheet/index.ts';
import { questionToDraft, TYPE_LABELS, type DraftBody, type DraftOption, type DraftPart, type QuestionDraft } from './draft.ts';

/**
 * The Chinese question spreadsheet (题库模板): one row per question, a case's parts on rows of their
 * own linked by 案例编号. Export writes it, import reads it and the usual variations of it.
 */
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const MIN_OPTION_COLUMNS = 8;
/** Marks a pinned option in its cell: `[固定]以上都是`. */
export const PIN_MARK = '[固定]';

const LEVEL_LABELS: Record<Level, string> = { basic: '基础', advanced: '进阶', expert: '专家' };
const VISIBILITY_LABELS = { practice: '练习', exam: '考试' } as const;

/** Header names accepted for each column; the first is what export writes. */
const COLUMNS = {
  id: ['题号', '编号', 'id', '试题编号'],
  type: ['题型', '题目类型', '试题类型', '类型', 'type'],
  caseId: ['案例编号', '案例', '案例id', '所属案例'],
  stem: ['题干', '题目', '试题内容', '题目内容', '问题', 'stem'],
  answer: ['答案', '正确答案', '参考答案', '标准答案', 'answer'],
  scoring: ['评分要点', '评分标准', '得分要点', 'scoring'],
  explanation: ['解析', '答案解析', '试题解析', 'explanation'],
  points: ['分值', '分数', 'points'],
  difficulty: ['难度', '难易度', '难易程度', 'difficulty'],
  level: ['层级', '级别', 'level'],
  tags: ['知识点', '标签', '知识点/标签', '知识点标签', 'tags'],
  visibility: ['可见性', '用途', 'visibility'],
  lesson: ['课程', '课', 'lesson'],
  module: ['模块', 'module'],
  rev: ['版本', '修订', 'rev'],
  retired: ['停用', 'retired'],
} as const;
type ColumnKey = keyof typeof COLUMNS;

const TYPE_NAMES: Record<string, QuestionType> = {};
for (const [type, names] of Object.entries({
  single: ['单选', '单选题', '单项选择', '单项选择题', '单项', 'single'],
  multiple: ['多选', '多选题', '多项选择', '多项选择题', '不定项', '不定项选择题', 'multiple'],
  truefalse: ['判断', '判断题', '是非题', '对错题', 'truefalse'],
  fill: ['填空', '填空题', 'fill'],
  short: ['简答', '简答题', '问答', '问答题', 'short'],
  case: ['案例', '案例题', '案例分析', '案例分析题', '情景题', '情景分析题', 'case'],
})) {
  for (const name of names) TYPE_NAMES[name] = type as QuestionType;
}

const DIFFICULTY_WORDS: Record<string, number> = { 易: 1, 容易: 1, 简单: 1, 较易: 2, 中: 3, 中等: 3, 一般: 3, 较难: 4, 难: 5, 困难: 5 };
const TRUE_WORDS = new Set(['对', '正确', '是', '√', '✓', '✔', 't', 'true', 'y', 'yes', '1']);
const FALSE_WORDS = new Set(['错', '错误', '否', '×', '✗', '✘', 'x', 'f', 'false', 'n', 'no', '0']);

/** Returns the template's columns, with option columns A–H (more when a question needs them). */
export function sheetColumns(optionCount = MIN_OPTION_COLUMNS): ColumnSpec[] {
  const text = (header: string, width: number, note?: string): ColumnSpec => ({ header, width, ...(note ? { note } : {}) });
  return [
    text('题号', 10, '留空：导入时按模块自动编号'),
    { header: '题型', width: 8, choices: Object.values(TYPE_LABELS) },
    text('案例编号', 10, '案例题与它的小题填同一个编号'),
    text('题干', 50, '填空题的空用 ____ 或（ ）表示'),
    ...Array.from({ length: Math.max(MIN_OPTION_COLUMNS, optionCount) }, (_, i) => text(`选项${LETTERS[i]}`, 20, i === 0 ? `固定位置的选项以 ${PIN_MARK} 开头` : undefined)),
    text('答案', 14, '单选 B；多选 AC；判断 正确/错误；填空 各空用；分隔，同一空的多种写法用 / 分隔；简答 写参考答案'),
    text('评分要点', 30, '简答题：每行一个要点，末尾写分值，如：表达歉意（2分）'),
    text('解析', 40),
    text('分值', 6),
    { header: '难度', width: 6, choices: ['1', '2', '3', '4', '5'] },
    { header: '层级', width: 8, choices: Object.values(LEVEL_LABELS) },
    text('知识点', 16, '多个知识点用、分隔'),
    { header: '可见性', width: 8, choices: Object.values(VISIBILITY_LABELS), note: '练习：可以出现在网站上；考试（默认）：只用于试卷' },
    text('课程', 18),
    text('模块', 16),
    text('版本', 6),
    { header: '停用', width: 6, choices: ['是'] },
  ];
}

/** Returns the sheet of a bank export: every question as a row, a case followed by its parts. */
export function questionsToSheet(questions: readonly Question[], name = '题目'): SheetSpec {
  const optionCount = Math.max(MIN_OPTION_COLUMNS, ...questions.flatMap((q) => (q.type === 'case' ? q.parts : [q]).map((p) => ('options' in p ? p.options.length : 0))));
  const columns = sheetColumns(optionCount);
  const index = (header: string) => columns.findIndex((c) => c.header === header);
  const rows: (string | number)[][] = [];
  const row = (values: Partial<Record<string, string | number>>) => {
    const cells: (string | number)[] = columns.map(() => '');
    for (const [header, value] of Object.entries(values)) if (value !== undefined) cells[index(header)] = value;
    rows.push(cells);
  };
  for (const question of questions) {
    const draft = questionToDraft(question);
    const meta = {
      题号: draft.id,
      分值: draft.points,
      难度: draft.difficulty,
      层级: LEVEL_LABELS[draft.level],
      知识点: draft.tags.join('、'),
      可见性: VISIBILITY_LABELS[draft.visibility],
      课程: draft.lesson ?? '',
      模块: draft.module,
      版本: draft.rev,
      停用: draft.retired ? '是' : '',
      解析: draft.explanation,
      题干: draft.stem,
    };
    if (draft.type === 'case') {
      row({ ...meta, 题型: TYPE_LABELS.case, 案例编号: draft.id });
      for (const part of draft.parts) row({ 题型: TYPE_LABELS[part.type], 案例编号: draft.id, 题干: part.stem, 分值: part.points, 解析: part.explanation ?? '', ...bodyCells(part) });
    } else row({ ...meta, 题型: TYPE_LABELS[draft.type], ...bodyCells(draft) });
  }
  return { name, columns, rows, spareRows: 200 };
}

function bodyCells(body: Exclude<DraftBody, { type: 'case' }>): Record<string, string> {
  switch (body.type) {
    case 'single':
    case 'multiple': {
      const cells: Record<string, string> = { 答案: Array.isArray(body.answer) ? body.answer.join('') : body.answer };
      body.options.forEach((o, i) => (cells[`选项${LETTERS[i]}`] = typeof o === 'string' ? o : `${PIN_MARK}${o.text}`));
      return cells;
    }
    case 'truefalse':
      return { 答案: body.answer ? '正确' : '错误' };
    case 'fill':
      return { 答案: body.answers.map((a) => (typeof a === 'string' ? a : a.join('/'))).join('；') };
    case 'short':
      return { 答案: body.reference, 评分要点: body.scoring.map((s) => `${s.point}（${s.points}分）`).join('\n') };
  }
}

/** The instructions sheet of the template and of exports (import ignores it: it has no 题干 column). */
export function instructionsSheet(): SheetSpec {
  const lines = [
    '每行一道题；案例题先写一行“案例”（题干写情景），它的小题各占一行，并填同一个案例编号。',
    '题型：单选、多选、判断、填空、简答、案例。',
    '答案：单选写字母（B）；多选写字母（AC、A,C、A、C 均可）；判断写 正确/错误（对/错、√/× 也可）；',
    '      填空题各空答案用；分隔，同一空可接受的多种写法用 / 分隔；简答写参考答案，评分要点每行一个并注明分值，如“表达歉意（2分）”。',
    `选项固定位置（如“以上都是”）：在选项前加 ${PIN_MARK}。`,
    '难度 1（易）–5（难）；层级：基础、进阶、专家；可见性：练习（可出现在网站上）或考试（默认，只用于试卷）。',
    '题号留空：导入时自动编号。导入命令：npm run import -- 文件.xlsx --module 模块名 --dry-run（先检查，不写文件）。',
  ];
  return { name: '说明', columns: [{ header: '填写说明', width: 120 }], rows: lines.map((line) => [line]) };
}

/** Returns one example row per question type, as `npm run new -- import-template` writes them. */
export function templateSheet(): SheetSpec {
  const columns = sheetColumns();
  const index = (header: string) => columns.findIndex((c) => c.header === header);
  const example = (values: Record<string, string | number>) => {
    const cells: (string | number)[] = columns.map(() => '');
    for (const [header, value] of Object.entries(values)) cells[index(header)] = value;
    return cells;
  };
  const common = { 难度: 2, 层级: '基础', 可见性: '练习' };
  const rows = [
    example({ ...common, 题型: '单选', 题干: '客户来电询问订单进度，客服接通后首先应该做什么？', 选项A: '直接查询订单', 选项B: '问候客户并核实身份', 选项C: '询问客户是否要投诉', 选项D: `${PIN_MARK}以上都不对`, 答案: 'B', 解析: '先问候并核实身份，才能安全地查询和告知订单信息。', 知识点: '开场、身份核实' }),
    example({ ...common, 题型: '多选', 题干: '下列哪些属于客户个人信息，需要保密？', 选项A: '手机号码', 选项B: '收货地址', 选项C: '公司客服热线', 选项D: '订单内容', 答案: 'ABD', 解析: '客服热线是公开信息，其余都属于客户个人信息。', 知识点: '信息保密' }),
    example({ ...common, 题型: '判断', 题干: '客户情绪激动时，客服应先处理情绪，再处理问题。', 答案: '正确', 解析: '情绪平复后，客户才能听进解决方案。', 知识点: '情绪管理' }),
    example({ ...common, 题型: '填空', 题干: '投诉处理的顺序是先____、再倾听、后解决。', 答案: '道歉/致歉', 解析: '先道歉能降低对立情绪。', 知识点: '投诉' }),
    example({ ...common, 题型: '简答', 题干: '请说明复述客户诉求的作用。', 答案: '复述能确认理解无误，让客户感到被倾听，并减少重复沟通。', 评分要点: '确认理解无误（2分）\n让客户感到被倾听（2分）', 解析: '复述是主动倾听的核心技巧。', 知识点: '倾听', 可见性: '考试' }),
    example({ ...common, 题型: '案例', 案例编号: 'K1', 题干: '客户来电说快递显示已签收，但本人并没有收到包裹，语气很着急。', 解析: '先安抚，再核实，最后给出明确的跟进时间。', 知识点: '物流', 难度: 3 }),
    example({ 题型: '单选', 案例编号: 'K1', 题干: '客服首先应该怎么回应？', 选项A: '“系统显示已签收，您再找找。”', 选项B: '“别着急，我马上帮您核实签收情况。”', 选项C: '“这要找快递公司。”', 答案: 'B', 分值: 2 }),
    example({ 题型: '判断', 案例编号: 'K1', 题干: '核实后应告诉客户下一次联系的具体时间。', 答案: '对', 分值: 1 }),
  ];
  return { name: '题目', columns, rows, spareRows: 200 };
}

/** Everything read from a sheet: drafts in row order, and every problem. */
export interface SheetImport {
  drafts: QuestionDraft[];
  diagnostics: Diagnostic[];
}

/**
 * Returns the questions of a question sheet. `module` is used for rows without a 模块 cell.
 * Forgiving where people differ (answer letters `A,C` / `AC` / `A、C`, 对/错/√/×, blanks written
 * `（ ）`, full-width letters), strict where it matters: every problem is reported at its cell.
 */
export function sheetToDrafts(table: Table, module: string | undefined, withSheet = false): SheetImport {
  const diagnostics: Diagnostic[] = [];
  const col = Object.fromEntries(Object.entries(COLUMNS).map(([key, names]) => [key, findColumn(table, ...names)])) as Record<ColumnKey, number | undefined>;
  const optionColumns: number[] = [];
  for (const letter of LETTERS) {
    const index = findColumn(table, `选项${letter}`, letter, `选项 ${letter}`);
    if (index === undefined) break;
    optionColumns.push(index);
  }
  const at = (column: number | undefined, row: TableRow) => placeOf(table, column ?? 0, row.number, withSheet);
  const error = (column: number | undefined, row: TableRow, ruleId: string, reason: string, note: string) => diagnostics.push(createError(table.file, at(column, row), ruleId, reason, note));
  for (const key of ['type', 'stem'] as const) {
    if (col[key] === undefined) {
      diagnostics.push(createError(table.file, placeOf(table, 0, table.headerRow, withSheet), 'interop/missing-column', `Unexpected header without a \`${COLUMNS[key][0]}\` column`, `add a column headed \`${COLUMNS[key][0]}\` (the template from \`npm run new -- import-template\` has every column).`));
    }
  }
  if (diagnostics.length) return { drafts: [], diagnostics };

  const drafts: QuestionDraft[] = [];
  const cases = new Map<string, { draft: QuestionDraft & { type: 'case' }; row: TableRow }>();
  const orphanParts: { caseId: string; row: TableRow; part: DraftPart }[] = [];

  for (const row of table.rows) {
    const cell = (key: ColumnKey) => cellText(row, col[key]);
    const typeText = cell('type').normalize('NFKC').replace(/\s+/g, '').toLowerCase();
    const type = TYPE_NAMES[typeText];
    if (!type) {
      error(col.type, row, 'interop/unknown-type', typeText ? `Unexpected 题型 \`${cell('type')}\`, expected one of ${Object.values(TYPE_LABELS).map((t) => `\`${t}\``).join(', ')}` : 'Unexpected empty 题型', 'write one of 单选、多选、判断、填空、简答、案例.');
      continue;
    }
    const caseId = cell('caseId');
    const stem = readStem(cell('stem'), type);
    const points = readNumber(cell('points'), col.points, row, '分值', error);
    if (type !== 'case' && caseId) {
      const body = readBody(type, row, cell, optionColumns, col, error);
      if (!body) continue;
      const explanation = cell('explanation');
      orphanParts.push({ caseId, row, part: { ...body, stem, ...(points !== undefined ? { points } : {}), ...(explanation ? { explanation } : {}) } as DraftPart });
      continue;
    }
    const rowModule = cell('module') || module;
    if (!rowModule) {
      error(col.module, row, 'interop/missing-module', 'Unexpected row without a module', 'pass `--module <module>`, or fill the 模块 column.');
      continue;
    }
    const difficultyText = cell('difficulty').normalize('NFKC');
    let difficulty = difficultyText === '' ? 2 : (DIFFICULTY_WORDS[difficultyText] ?? Number(difficultyText));
    if (!Number.isInteger(difficulty) || difficulty < 1 || difficulty > 5) {
      error(col.difficulty, row, 'interop/invalid-difficulty', `Unexpected 难度 \`${difficultyText}\`, expected a whole number from 1 to 5`, 'write 1 (易) to 5 (难), or 易、较易、中等、较难、难.');
      difficulty = 2;
    }
    const levelText = cell('level');
    const level = (Object.entries(LEVEL_LABELS).find(([key, label]) => levelText === label || levelText.toLowerCase() === key)?.[0] ?? (levelText ? undefined : 'basic')) as Level | undefined;
    if (!level) error(col.level, row, 'interop/invalid-level', `Unexpected 层级 \`${levelText}\`, expected \`基础\`, \`进阶\` or \`专家\``, 'write 基础, 进阶 or 专家, or leave it empty (基础).');
    const visibilityText = cell('visibility').toLowerCase();
    const visibility: 'practice' | 'exam' | undefined = ['练习', 'practice', '公开'].includes(visibilityText) ? 'practice' : ['', '考试', 'exam', '保密'].includes(visibilityText) ? 'exam' : undefined;
    if (!visibility) error(col.visibility, row, 'interop/invalid-visibility', `Unexpected 可见性 \`${cell('visibility')}\`, expected \`练习\` or \`考试\``, '练习 may appear on the site; 考试 (the default) is only printed on exam papers.');
    const revText = cell('rev');
    const rev = revText === '' ? 1 : Number(revText);
    if (!Number.isInteger(rev) || rev < 1) error(col.rev, row, 'interop/invalid-rev', `Unexpected 版本 \`${revText}\`, expected a whole number of at least 1`, 'leave it empty for a new question (1).');
    const retiredText = cell('retired').toLowerCase();
    const tags = cell('tags').split(/[,，、;；\n]+/).map((t) => t.trim()).filter(Boolean);
    const id = cell('id').normalize('NFKC').trim();
    const lesson = cell('lesson');
    const common = {
      ...(id ? { id } : {}),
      rev,
      module: rowModule,
      ...(lesson ? { lesson } : {}),
      level: level ?? 'basic',
      difficulty,
      tags: [...new Set(tags)],
      visibility: visibility ?? 'exam',
      ...(retiredText && TRUE_WORDS.has(retiredText) || retiredText === '停用' ? { retired: true } : {}),
      ...(points !== undefined ? { points } : {}),
      stem,
      explanation: cell('explanation'),
      origin: { file: table.file, place: at(col.stem, row) },
    };
    if (type === 'case') {
      if (!caseId) {
        error(col.caseId, row, 'interop/case-without-id', 'Unexpected 案例 row without 案例编号', 'give the case an 案例编号 and write the same number on each of its sub-question rows.');
        continue;
      }
      if (cases.has(caseId)) {
        error(col.caseId, row, 'interop/duplicate-case-id', `Unexpected 案例编号 \`${caseId}\` on a second 案例 row`, `give each case its own number; the first is on row ${cases.get(caseId)!.row.number}.`);
        continue;
      }
      const draft = { ...common, type: 'case' as const, parts: [] as DraftPart[] };
      cases.set(caseId, { draft, row });
      drafts.push(draft);
      continue;
    }
    const body = readBody(type, row, cell, optionColumns, col, error);
    if (body) drafts.push({ ...common, ...body } as QuestionDraft);
  }
  for (const { caseId, row, part } of orphanParts) {
    const owner = cases.get(caseId);
    if (owner) owner.draft.parts.push(part);
    else error(col.caseId, row, 'interop/unknown-case', `Unexpected 案例编号 \`${caseId}\` without a 案例 row`, `add a row with 题型 案例 and 案例编号 ${caseId} holding the scenario, or clear the 案例编号 of a standalone question.`);
  }
  return { drafts, diagnostics };
}

type CellReader = (key: ColumnKey) => string;
type ErrorAt = (column: number | undefined, row: TableRow, ruleId: string, reason: string, note: string) => void;

function readNumber(text: string, column: number | undefined, row: TableRow, label: string, error: ErrorAt): number | undefined {
  const value = text.normalize('NFKC').replace(/分$/, '');
  if (value === '') return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) {
    error(column, row, 'interop/invalid-number', `Unexpected ${label} \`${text}\`, expected a number above 0`, `write a number such as 2, or leave ${label} empty for the default.`);
    return undefined;
  }
  return number;
}

/** Blanks written as runs of underscores or empty brackets become `____` in fill stems. */
function readStem(text: string, type: QuestionType): string {
  const stem = text.replace(/\r\n?/g, '\n').trim();
  if (type !== 'fill') return stem;
  const underscored = stem.replace(/_{2,}|＿{2,}/g, BLANK_MARKER);
  return underscored.includes(BLANK_MARKER) ? underscored : underscored.replace(/[（(][\s\u3000]*[)）]/g, BLANK_MARKER);
}

function readBody(type: Exclude<QuestionType, 'case'>, row: TableRow, cell: CellReader, optionColumns: number[], col: Record<ColumnKey, number | undefined>, error: ErrorAt): Exclude<DraftBody, { type: 'case' }> | undefined {
  const answerText = cell('answer');
  switch (type) {
    case 'single':
    case 'multiple': {
      const texts = optionColumns.map((c) => cellText(row, c));
      const last = texts.findLastIndex((t) => t !== '');
      const options: DraftOption[] = [];
      for (let i = 0; i <= last; i++) {
        if (texts[i] === '') {
          error(optionColumns[i], row, 'interop/option-gap', `Unexpected empty 选项${LETTERS[i]} before 选项${LETTERS[last]}`, 'fill the options from A without gaps.');
          return undefined;
        }
        options.push(texts[i]!.startsWith(PIN_MARK) ? { text: texts[i]!.slice(PIN_MARK.length).trim(), pin: true } : texts[i]!);
      }
      const letters = answerText.normalize('NFKC').toUpperCase().replace(/[\s,，、;；/|和及]+/g, '');
      if (!/^[A-Z]+$/.test(letters)) {
        error(col.answer, row, 'interop/invalid-answer', `Unexpected 答案 \`${answerText}\`, expected option letters such as \`B\` or \`AC\``, 'write the letters of the correct options.');
        return undefined;
      }
      const unique = [...new Set(letters)];
      if (type === 'single' && unique.length > 1) {
        error(col.answer, row, 'interop/single-answer-count', `Unexpected ${unique.length} answers \`${answerText}\` in a 单选 question, expected one letter`, 'give one letter, or change 题型 to 多选.');
        return undefined;
      }
      return type === 'single' ? { type, options, answer: unique[0]! } : { type, options, answer: unique };
    }
    case 'truefalse': {
      const word = answerText.normalize('NFKC').trim().toLowerCase();
      if (TRUE_WORDS.has(word)) return { type, answer: true };
      if (FALSE_WORDS.has(word)) return { type, answer: false };
      error(col.answer, row, 'interop/invalid-truefalse', `Unexpected 答案 \`${answerText}\` in a 判断 question, expected \`正确\` or \`错误\``, 'write 正确/错误 (对/错, √/×, T/F also work).');
      return undefined;
    }
    case 'fill': {
      const answers = answerText
        .split(/[；;|\n]+/)
        .map((blank) => blank.split(/[/／]/).map((v) => v.trim()).filter(Boolean))
        .filter((variants) => variants.length > 0)
        .map((variants) => (variants.length === 1 ? variants[0]! : variants));
      if (answers.length === 0) {
        error(col.answer, row, 'interop/missing-answer', 'Unexpected empty 答案 in a 填空 question', 'write one answer per blank separated by ；, and variants of one blank separated by /.');
        return undefined;
      }
      return { type, answers };
    }
    case 'short': {
      const scoringText = cell('scoring');
      const scoring: { point: string; points: number }[] = [];
      for (const line of scoringText.split(/\n|(?<=分[)）])[；;]/).map((l) => l.trim()).filter(Boolean)) {
        const match = /^(.*?)\s*[（(]\s*([0-9０-９]+(?:[.．][0-9０-９]+)?)\s*分?\s*[)）][。.；;]?$/.exec(line);
        if (!match || !match[1]!.trim()) {
          error(col.scoring, row, 'interop/invalid-scoring', `Unexpected 评分要点 \`${line}\`, expected a point followed by its points, e.g. \`表达歉意（2分）\``, 'write one scoring point per line, each ending with its points in brackets.');
          return undefined;
        }
        scoring.push({ point: match[1]!.trim(), points: Number(match[2]!.normalize('NFKC')) });
      }
      return { type, reference: answerText, scoring };
    }
  }
}
