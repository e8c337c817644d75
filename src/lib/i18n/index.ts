export { fillPlaceholders } from './fill.ts';
export { createTranslator, UI_LANGUAGES, type Translate, type UiStringKey, type UiStrings } from './strings.ts';
export { createExamTranslator, type ExamStringKey, type ExamStrings, type ExamTranslate } from './exam-strings.ts';
