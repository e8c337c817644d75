export { createRandom, hashSeed, permutationWithPins, shuffle } from './random.ts';
export { listPracticeQuestions, selectQuizQuestions, type QuizSpec } from './select.ts';
export { markdownToHast, markdownToInlineHast, type MarkdownToHastOptions } from './markdown.ts';
export { renderQuiz, type RenderQuizOptions } from './render.ts';
export { createQuizDirectiveTransform, parseQuizAttributes, quizSeed, QUIZ_SOURCE_ATTRIBUTE, readQuizSource, type QuizSource, type QuizTransformOptions } from './directive.ts';
