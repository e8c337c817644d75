import type { Question, QuestionType } from '../questions/index.ts';
import type { Blueprint } from './blueprint-schema.ts';

/** Scoring points of a short answer after scaling to the points the paper gives it. */
export type ScoringPoints = { point: string; points: number }[];

/** One case sub-question as placed on a paper. */
export interface ExamPart {
  points: number;
  /** Display position → original option index (choice parts only). */
  optionOrder?: number[];
  scoring?: ScoringPoints;
}

/** One question as placed on a paper: its points and, per variant, its option order. */
export interface ExamItem {
  question: Question;
  points: number;
  /** Display position → original option index (choice questions only). */
  optionOrder?: number[];
  scoring?: ScoringPoints;
  parts?: ExamPart[];
}

export interface ExamSection {
  heading: string;
  type: QuestionType;
  /** Points of every question when uniform, for the heading "每题 2 分". */
  pointsEach?: number;
  points: number;
  items: ExamItem[];
}

export interface ExamVariant {
  /** `A`, `B`, … */
  label: string;
  sections: ExamSection[];
}

/** A paper in all its variants: what layout and the manifest need, nothing more. */
export interface Exam {
  title: string;
  organization: string;
  duration: number;
  totalPoints: number;
  passMark: number;
  instructions: string[];
  /** Where trainees answer: on a separate answer sheet (答题卡) or on the paper itself. */
  answers: 'sheet' | 'paper';
  /** How multiple-choice questions are scored; printed in the key's 评分说明. */
  multipleScoring: 'all-or-nothing' | 'partial';
  /** Digits of the 工号 grid on the answer sheet. */
  idDigits: number;
  bankTitle: string;
  bankVersion: string;
  seed: string;
  blueprintFile: string;
  blueprintHash: string;
  variants: ExamVariant[];
}

/** Chinese section names used when a blueprint gives no heading. */
export const SECTION_NAMES: Record<QuestionType, string> = {
  single: '单项选择题',
  multiple: '多项选择题',
  truefalse: '判断题',
  fill: '填空题',
  short: '简答题',
  case: '案例分析题',
};

/** Returns the parts of an exam that come from its blueprint (title, time, marks, instructions). */
export function examHeaderOf(blueprint: Blueprint): Pick<Exam, 'title' | 'organization' | 'duration' | 'totalPoints' | 'passMark' | 'instructions' | 'answers' | 'multipleScoring' | 'idDigits'> {
  return {
    idDigits: blueprint.id_digits,
    title: blueprint.title,
    organization: blueprint.organization,
    duration: blueprint.duration,
    totalPoints: blueprint.total_points,
    passMark: blueprint.pass_mark,
    instructions: blueprint.instructions,
    answers: blueprint.answers,
    multipleScoring: blueprint.multiple_scoring,
  };
}

/** Returns the variant label for an index: 0 → `A`. */
export function variantLabel(index: number): string {
  return String.fromCharCode(65 + index);
}
