export {
  BankMetaSchema,
  BLANK_MARKER,
  CasePartSchema,
  OptionSchema,
  PART_TYPES,
  QUESTION_ID_PATTERN,
  QUESTION_TYPES,
  QuestionFileSchema,
  QuestionSchema,
  ScoringPointSchema,
  type BankMeta,
  type OptionInput,
  type QuestionInput,
  type QuestionType,
} from './schema.ts';
export {
  countBlanks,
  indexToLetter,
  isChoiceType,
  letterToIndex,
  type CasePart,
  type Choice,
  type Question,
  type QuestionBank,
  type QuestionBody,
} from './question.ts';
export { parseQuestionFile } from './parse.ts';
export { listQuestionImages, loadQuestionBank, RESERVED_BANK_FOLDERS, type LoadBankOptions } from './load-bank.ts';
export { isFillAnswerCorrect, normaliseFillAnswer, normalizeFillAnswer } from './answers.ts';
export { BLANK_TOKEN, countRenderedBlanks, protectBlanks } from './blanks.ts';
