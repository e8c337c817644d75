import type { Location } from '../diagnostics/index.ts';
import type { Question, QuestionBody, QuestionType } from '../questions/index.ts';

/** An option as written in YAML: plain text, or pinned. */
export type DraftOption = string | { text: string; pin: true };

/** The answer-bearing fields of a draft or of a case part, exactly as they are written in YAML. */
export type DraftBody =
  | { type: 'single'; options: DraftOption[]; answer: string }
  | { type: 'multiple'; options: DraftOption[]; answer: string[] }
  | { type: 'truefalse'; answer: boolean }
  | { type: 'fill'; answers: (string | string[])[] }
  | { type: 'short'; reference: string; scoring: { point: string; points: number }[] }
  | { type: 'case'; parts: DraftPart[] };

/** A sub-question of a case draft. */
export type DraftPart = Exclude<DraftBody, { type: 'case' }> & { stem: string; points?: number; explanation?: string };

/**
 * A question read from another format, in the shape of a hand-written YAML entry: what every
 * importer produces and what the YAML writer prints. `id` is absent until ids are assigned.
 */
export type QuestionDraft = DraftBody &
  // The metadata is the bank's own (src/lib/questions), so a field added there is a field a draft must carry.
  Pick<Question, 'rev' | 'module' | 'lesson' | 'level' | 'difficulty' | 'tags' | 'visibility' | 'stem' | 'explanation'> & {
  id?: string;
  retired?: boolean;
  points?: number;
  /** Where the question came from, for diagnostics: a spreadsheet row, an XML line, a GIFT line. */
  origin: { file: string; place?: Location };
};

/** A question of the source file that trainbook cannot hold, reported by name instead of dropped. */
export interface SkippedQuestion {
  file: string;
  place?: Location;
  /** The source format's name for the question, e.g. `matching`, `calculated`, `description`. */
  sourceType: string;
  /** The question's name or first words, so a person can find it. */
  name: string;
  reason: string;
}

/** Returns a question of the bank as a draft (same fields as its YAML, defaults filled in). */
export function questionToDraft(question: Question): QuestionDraft {
  const common = {
    id: question.id,
    rev: question.rev,
    module: question.module,
    ...(question.lesson ? { lesson: question.lesson } : {}),
    level: question.level,
    difficulty: question.difficulty,
    tags: question.tags,
    visibility: question.visibility,
    ...(question.retired ? { retired: true } : {}),
    points: question.points,
    stem: question.stem,
    explanation: question.explanation,
    origin: { file: question.file, place: question.place },
  };
  if (question.type === 'case') {
    const parts = question.parts.map((part) => ({
      ...bodyToDraft(part),
      stem: part.stem,
      points: part.points,
      ...(part.explanation ? { explanation: part.explanation } : {}),
    })) as DraftPart[];
    return { ...common, type: 'case', parts };
  }
  return { ...common, ...bodyToDraft(question) } as QuestionDraft;
}

type PlainBody = Exclude<QuestionBody, { type: 'case' }>;

function bodyToDraft(body: PlainBody): Exclude<DraftBody, { type: 'case' }> {
  const letter = (index: number) => String.fromCharCode(65 + index);
  switch (body.type) {
    case 'single':
    case 'multiple': {
      const options: DraftOption[] = body.options.map((o) => (o.pin ? { text: o.text, pin: true } : o.text));
      return body.type === 'single'
        ? { type: 'single', options, answer: letter(body.answer[0]!) }
        : { type: 'multiple', options, answer: body.answer.map(letter) };
    }
    case 'truefalse':
      return { type: 'truefalse', answer: body.answer };
    case 'fill':
      return { type: 'fill', answers: body.answers.map((variants) => (variants.length === 1 ? variants[0]! : [...variants])) };
    case 'short':
      return { type: 'short', reference: body.reference, scoring: body.scoring.map((s) => ({ point: s.point, points: s.points })) };
  }
}

/** Question types as Chinese spreadsheets and reports name them. */
export const TYPE_LABELS: Record<QuestionType, string> = {
  single: '单选',
  multiple: '多选',
  truefalse: '判断',
  fill: '填空',
  short: '简答',
  case: '案例',
};
