import { createError, type Diagnostic, type Place } from '../diagnostics/index.ts';
import { findListItemPlaces, parseYamlFast, parseYamlSource, zodIssuesToDiagnostics, type YamlPath } from '../yaml/index.ts';
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
      if (blanks === 0) {
        report(['stem'], 'question/fill-without-blanks', 'Unexpected `fill` stem without blanks, expected `____` (four underscores) for each blank', 'mark each blank in the stem with `____`.');
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

/**
 * Returns the questions of one bank file and every problem in it.
 * A question with errors is left out; the others are still returned, so all problems surface at once.
 */
export function parseQuestionFile(source: string, file: string): { questions: Question[]; diagnostics: Diagnostic[] } {
  return parseQuestionFileFast(source, file) ?? parseQuestionFileWithPositions(source, file);
}

/**
 * The common case, fast: a valid file parsed without positions, each question placed by
 * its list item's indentation. Returns undefined as soon as anything needs a positioned
 * diagnostic, and the file is parsed again the slow way.
 */
function parseQuestionFileFast(source: string, file: string): { questions: Question[]; diagnostics: Diagnostic[] } | undefined {
  const value = parseYamlFast(source) as { questions?: unknown } | undefined;
  const places = findListItemPlaces(source, 'questions');
  if (!value || !QuestionFileSchema.safeParse(value).success || !Array.isArray(value.questions) || places?.length !== value.questions.length) return undefined;
  const questions: Question[] = [];
  for (const [index, item] of value.questions.entries()) {
    const result = QuestionSchema.safeParse(item);
    if (!result.success) return undefined;
    let problems = 0;
    const { body, points } = normalizeBody(result.data as unknown as BodyInput, () => problems++);
    const data = result.data as QuestionInput & Record<string, unknown>;
    if (problems || !String(data.explanation).trim()) return undefined;
    questions.push(toQuestion(data, body, points, file, places[index]!, item));
  }
  return { questions, diagnostics: [] };
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

function parseQuestionFileWithPositions(source: string, file: string): { questions: Question[]; diagnostics: Diagnostic[] } {
  const yaml = parseYamlSource(source, file);
  if (yaml.diagnostics.length) return { questions: [], diagnostics: yaml.diagnostics };
  const fileResult = QuestionFileSchema.safeParse(yaml.value ?? {});
  if (!fileResult.success) {
    return {
      questions: [],
      diagnostics: zodIssuesToDiagnostics(fileResult.error.issues, yaml.value, QuestionFileSchema, yaml, file, { namespace: 'question' }),
    };
  }
  const diagnostics: Diagnostic[] = [];
  const questions: Question[] = [];
  fileResult.data.questions.forEach((item, index) => {
    const base = ['questions', index] as const;
    const result = QuestionSchema.safeParse(item);
    if (!result.success) {
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
    if (diagnostics.length > before) return;
    questions.push(toQuestion(data, body, points, file, yaml.placeOf(base), item));
  });
  return { questions, diagnostics };
}
