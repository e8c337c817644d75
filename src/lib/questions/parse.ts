import { createError, createWarning, type Diagnostic, type Place } from '../diagnostics/index.ts';
import { findListItemPlaces, parseYamlFast, parseYamlSource, zodIssuesToDiagnostics, type YamlPath, type YamlSource } from '../yaml/index.ts';
import { countRenderedBlanks } from './blanks.ts';
import { countBlanks, indexToLetter, letterToIndex, type CasePart, type Choice, type Question, type QuestionBody } from './question.ts';
import { QuestionFileSchema, QuestionSchema, type QuestionInput } from './schema.ts';

type Report = (path: YamlPath, ruleId: string, reason: string, note: string, cause?: { path: YamlPath; reason: string }) => void;

type BodyInput = Record<string, unknown> & { type: string; stem: string; points?: number };

const DEFAULT_POINTS = 2;
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

function normalizeChoices(options: unknown[], report: Report): Choice[] {
  const choices = options.map((option) =>
    typeof option === 'string' ? { text: option.trim(), pin: false } : { text: String((option as Choice).text).trim(), pin: Boolean((option as Choice).pin) },
  );
  if (choices.length > 26) {
    report(['options'], 'question/too-many-options', `Unexpected ${choices.length} options, expected at most 26 (A–Z)`, 'split the question or shorten the list of options.');
  }
  if (choices.length < 2) {
    report(['options'], 'question/too-few-options', `Unexpected ${choices.length} option(s), expected at least 2`, 'add options under `options:`, one per line starting with `- `.');
  }
  const firstSeen = new Map<string, number>();
  choices.forEach((choice, index) => {
    if (!choice.text) {
      report(['options', index], 'question/empty-option', `Unexpected empty option ${indexToLetter(index)}, expected text`, 'write the option text or remove the line.');
      return;
    }
    const key = choice.text.replace(/\s+/g, '');
    const first = firstSeen.get(key);
    if (first === undefined) firstSeen.set(key, index);
    else
      report(
        ['options', index],
        'question/duplicate-option',
        `Unexpected duplicate option ${indexToLetter(index)} \`${choice.text}\`, expected every option to differ`,
        'reword or remove one of the two options.',
        { path: ['options', first], reason: `option ${indexToLetter(first)} defined` },
      );
  });
  return choices;
}

function normalizeAnswerLetters(type: 'single' | 'multiple', answer: unknown, choices: Choice[], report: Report): number[] {
  const letters = (Array.isArray(answer) ? answer : [answer]).map((letter) => String(letter));
  const valid = choices.map((_, index) => indexToLetter(index));
  const indexes: number[] = [];
  letters.forEach((letter, position) => {
    const index = letterToIndex(letter);
    if (index < 0 || index >= choices.length) {
      report(
        Array.isArray(answer) ? ['answer', position] : ['answer'],
        'question/unknown-answer',
        `Unexpected answer \`${letter}\`, expected one of ${valid.map((v) => `\`${v}\``).join(', ')}`,
        `set \`answer:\` to the letter of a listed option, or add an option ${/^[A-Z]$/i.test(letter.trim()) ? `\`${letter.trim().toUpperCase()}\`` : ''}.`.replace(' .', '.'),
      );
    } else if (!indexes.includes(index)) {
      indexes.push(index);
    }
  });
  if (type === 'single' && letters.length !== 1) {
    report(['answer'], 'question/single-answer-count', `Unexpected ${letters.length} correct options in a \`single\` question, expected exactly 1`, 'give one letter, e.g. `answer: B`, or change `type:` to `multiple`.');
  }
  if (type === 'multiple' && new Set(letters.map((l) => l.trim().toUpperCase())).size < 2) {
    report(['answer'], 'question/multiple-answer-count', `Unexpected ${new Set(letters.map((l) => l.trim().toUpperCase())).size} correct option(s) in a \`multiple\` question, expected at least 2`, 'list two or more letters, e.g. `answer: [A, C]`, or change `type:` to `single`.');
  }
  return indexes.sort((a, b) => a - b);
}

function normalizeBody(input: BodyInput, report: Report): { body: Exclude<QuestionBody, { type: 'case' }> | { type: 'case'; parts: CasePart[] }; points: number } {
  if (!input.stem.trim()) {
    report(['stem'], 'question/empty-stem', 'Unexpected empty `stem`, expected the question text', 'write the question under `stem: |`.');
  }
  const checkPoints = (expected: number, what: string) => {
    if (input.points !== undefined && input.points !== expected) {
      const difference = input.points - expected;
      report(['points'], 'question/points-mismatch', `Unexpected \`points: ${input.points}\`, expected ${expected} (the sum of ${what}); ${difference > 0 ? 'over' : 'short'} by ${Math.abs(difference)}`, `set \`points: ${expected}\` or adjust ${what}.`);
    }
  };
  switch (input.type) {
    case 'single':
    case 'multiple': {
      const options = normalizeChoices(input.options as unknown[], report);
      const answer = normalizeAnswerLetters(input.type, input.answer, options, report);
      return { body: { type: input.type, options, answer }, points: input.points ?? DEFAULT_POINTS };
    }
    case 'truefalse':
      return { body: { type: 'truefalse', answer: input.answer as boolean }, points: input.points ?? DEFAULT_POINTS };
    case 'fill': {
      const answers = (input.answers as unknown[]).map((entry) => (Array.isArray(entry) ? entry : [entry]).map((v) => String(v).trim()));
      const blanks = countBlanks(input.stem);
      const rendered = countRenderedBlanks(input.stem);
      if (blanks === 0) {
        report(['stem'], 'question/fill-without-blanks', 'Unexpected `fill` stem without blanks, expected `____` (four underscores) for each blank', 'mark each blank in the stem with `____`.');
      } else if (rendered !== blanks) {
        report(['stem'], 'question/hidden-blank', `Unexpected ${blanks - rendered} blank(s) inside code, raw HTML or a link address, expected every \`____\` in the question text`, 'take the `____` out of the backticks, HTML tag or link: trainees could not fill it in.');
      } else if (blanks !== answers.length) {
        report(['answers'], 'question/fill-blank-count', `Unexpected ${answers.length} answer(s) for ${blanks} blank(s), expected one entry in \`answers\` per \`____\``, 'give each blank its own entry, in order, e.g. `answers: [道歉, [倾听, 聆听]]`.');
      }
      answers.forEach((variants, index) => {
        if (variants.some((variant) => !variant)) report(['answers', index], 'question/empty-answer', `Unexpected empty accepted answer for blank ${index + 1}, expected text`, 'write the accepted answer or remove the empty entry.');
      });
      return { body: { type: 'fill', answers }, points: input.points ?? DEFAULT_POINTS };
    }
    case 'short': {
      const scoring = input.scoring as { point: string; points: number }[];
      if (scoring.length === 0) {
        report(['scoring'], 'question/short-without-scoring', 'Unexpected `short` question without scoring points, expected at least one', 'add `scoring:` entries like `- { point: 表达歉意, points: 2 }`.');
      } else checkPoints(sum(scoring.map((s) => s.points)), 'the scoring points');
      const total = input.points ?? sum(scoring.map((s) => s.points));
      return { body: { type: 'short', reference: String(input.reference).trim(), scoring }, points: total };
    }
    default: {
      const partsInput = (input.parts ?? []) as BodyInput[];
      if (partsInput.length === 0) {
        report(['parts'], 'question/case-without-parts', 'Unexpected `case` without sub-questions, expected at least one entry in `parts`', 'add sub-questions under `parts:`, each with `type`, `stem` and its answer fields.');
      }
      const parts = partsInput.map((part, index) => {
        const nested: Report = (path, ruleId, reason, note, cause) =>
          report(['parts', index, ...path], ruleId, `Part ${index + 1}: ${reason}`, note, cause && { ...cause, path: ['parts', index, ...cause.path] });
        const { body, points } = normalizeBody(part, nested);
        const explanation = typeof part.explanation === 'string' ? part.explanation.trim() : undefined;
        return { ...(body as Exclude<QuestionBody, { type: 'case' }>), stem: part.stem.trim(), points, ...(explanation ? { explanation } : {}) };
      });
      if (parts.length) checkPoints(sum(parts.map((p) => p.points)), 'the parts’ points');
      return { body: { type: 'case', parts }, points: input.points ?? sum(parts.map((p) => p.points)) };
    }
  }
}

/** The questions of one bank file, its problems, and the ids of questions left out because of them. */
export interface ParsedQuestionFile {
  questions: Question[];
  diagnostics: Diagnostic[];
  /**
   * Ids written in the file whose question has errors (or the whole file, when it is not valid YAML).
   * Their errors are reported once, here; checks elsewhere (the lock, quizzes) must not also call them missing.
   */
  withheld: string[];
}

/**
 * Returns the questions of one bank file and every problem in it.
 * A question with errors is left out; the others are still returned, so all problems surface at once.
 */
export function parseQuestionFile(source: string, file: string): ParsedQuestionFile {
  return parseQuestionFileFast(source, file) ?? parseQuestionFileWithPositions(source, file);
}

/** A value on a line after text and ` #`: perhaps a comment that cut a text short, worth the slow path. */
const POSSIBLE_TRAILING_COMMENT = /\S[ \t]+#/;

/** Fields whose values are text trainees read; a comment cutting one short loses words silently. */
const TEXT_FIELDS = new Set(['stem', 'explanation', 'reference', 'options', 'answers', 'scoring']);

/** Returns whether a question's options or fill answers hold a YAML number or boolean (`0123`, `1.50`). */
function hasNonTextAnswers(item: unknown): boolean {
  const record = item as { options?: unknown[]; answers?: unknown[]; parts?: unknown[] };
  const scalars = [...(record.options ?? []), ...(record.answers ?? []).flat()];
  return scalars.some((v) => v !== null && typeof v !== 'string' && typeof v !== 'object') || (record.parts ?? []).some(hasNonTextAnswers);
}

/**
 * Returns the question with every option and fill answer as the editor wrote it: YAML reads
 * `0123` as 123 and `1.50` as 1.5, but the accepted answer is the text `0123` and `1.50`.
 */
function keepAnswersAsWritten(item: unknown, yaml: YamlSource, base: YamlPath): unknown {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return item;
  const record = { ...(item as Record<string, unknown>) };
  const asWritten = (value: unknown, path: YamlPath): unknown =>
    Array.isArray(value) ? value.map((v, i) => asWritten(v, [...path, i])) : value !== null && typeof value !== 'string' && typeof value !== 'object' ? (yaml.textOf(path) ?? String(value)) : value;
  if (Array.isArray(record.options)) record.options = record.options.map((o, i) => asWritten(o, [...base, 'options', i]));
  if (Array.isArray(record.answers)) record.answers = asWritten(record.answers, [...base, 'answers']);
  if (Array.isArray(record.parts)) record.parts = record.parts.map((p, i) => keepAnswersAsWritten(p, yaml, [...base, 'parts', i]));
  return record;
}

/** Returns the ids a file that cannot be parsed seems to define, by their `id:` lines. */
export function idsByLine(source: string): string[] {
  return [...source.matchAll(/^[ \t]*(?:-[ \t]+)?id:[ \t]*["']?([A-Za-z0-9_-]+)/gm)].map((m) => m[1]!);
}

/**
 * The common case, fast: a valid file parsed without positions, each question placed by
 * its list item's indentation. Returns undefined as soon as anything needs a positioned
 * diagnostic, and the file is parsed again the slow way.
 */
function parseQuestionFileFast(source: string, file: string): ParsedQuestionFile | undefined {
  if (POSSIBLE_TRAILING_COMMENT.test(source)) return undefined;
  const value = parseYamlFast(source) as { questions?: unknown } | undefined;
  const places = findListItemPlaces(source, 'questions');
  if (!value || !QuestionFileSchema.safeParse(value).success || !Array.isArray(value.questions) || places?.length !== value.questions.length) return undefined;
  const questions: Question[] = [];
  for (const [index, item] of value.questions.entries()) {
    if (hasNonTextAnswers(item)) return undefined;
    const result = QuestionSchema.safeParse(item);
    if (!result.success) return undefined;
    let problems = 0;
    const { body, points } = normalizeBody(result.data as unknown as BodyInput, () => problems++);
    const data = result.data as QuestionInput & Record<string, unknown>;
    if (problems || !String(data.explanation).trim()) return undefined;
    questions.push(toQuestion(data, body, points, file, places[index]!, item));
  }
  return { questions, diagnostics: [], withheld: [] };
}

function toQuestion(
  data: QuestionInput & Record<string, unknown>,
  body: ReturnType<typeof normalizeBody>['body'],
  points: number,
  file: string,
  place: Place,
  item: unknown,
): Question {
  return {
    ...body,
    id: data.id,
    rev: data.rev,
    module: data.module,
    ...(data.lesson ? { lesson: data.lesson } : {}),
    level: data.level ?? 'basic',
    difficulty: data.difficulty,
    tags: data.tags ?? [],
    visibility: data.visibility ?? 'exam',
    retired: data.retired ?? false,
    points,
    stem: data.stem.trim(),
    explanation: String(data.explanation).trim(),
    file,
    place,
    source: item as Record<string, unknown>,
  } as Question;
}

function parseQuestionFileWithPositions(source: string, file: string): ParsedQuestionFile {
  const yaml = parseYamlSource(source, file);
  if (yaml.diagnostics.length) return { questions: [], diagnostics: yaml.diagnostics, withheld: idsByLine(source) };
  const fileResult = QuestionFileSchema.safeParse(yaml.value ?? {});
  if (!fileResult.success) {
    return {
      questions: [],
      diagnostics: zodIssuesToDiagnostics(fileResult.error.issues, yaml.value, QuestionFileSchema, yaml, file, { namespace: 'question' }),
      withheld: idsByLine(source),
    };
  }
  const diagnostics: Diagnostic[] = [];
  const questions: Question[] = [];
  const withheld: string[] = [];
  for (const { path, place, comment } of yaml.commentedScalars()) {
    const field = path.slice(2).find((segment) => typeof segment === 'string' && TEXT_FIELDS.has(segment));
    if (path[0] !== 'questions' || !field) continue;
    diagnostics.push(
      createWarning(file, place, 'question/comment-in-text', `Unexpected \` #${comment}\` after the text of \`${String(field)}\`: YAML reads \` #\` as the start of a comment, so “${comment}” is not part of the text`, 'put the whole text in quotes (`explanation: "见第 3 条 #退款规则"`) or write it as a `|` block; if it really is a comment, move it to its own line.'),
    );
  }
  fileResult.data.questions.forEach((raw, index) => {
    const base = ['questions', index] as const;
    const item = keepAnswersAsWritten(raw, yaml, base);
    const result = QuestionSchema.safeParse(item);
    const id = (item as { id?: unknown } | null)?.id;
    if (!result.success) {
      if (typeof id === 'string') withheld.push(id);
      diagnostics.push(...zodIssuesToDiagnostics(result.error.issues, item, QuestionSchema, yaml, file, { namespace: 'question', basePath: base }));
      return;
    }
    const before = diagnostics.length;
    const report: Report = (path, ruleId, reason, note, cause) => {
      const diagnostic = createError(file, yaml.placeOf([...base, ...path]), ruleId, reason, note);
      if (cause) diagnostic.cause = { file, place: yaml.placeOf([...base, ...cause.path]), reason: cause.reason };
      diagnostics.push(diagnostic);
    };
    const data = result.data as QuestionInput & Record<string, unknown>;
    const { body, points } = normalizeBody(data as unknown as BodyInput, report);
    if (!String(data.explanation).trim()) {
      report(['explanation'], 'question/empty-explanation', 'Unexpected empty `explanation`, expected 解析 text', 'explain why the answer is right; trainees see it after answering.');
    }
    if (diagnostics.slice(before).some((d) => d.severity === 'error')) {
      withheld.push(data.id);
      return;
    }
    questions.push(toQuestion(data, body, points, file, yaml.placeOf(base), item));
  });
  return { questions, diagnostics, withheld };
}
