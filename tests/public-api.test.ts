import { describe, expect, it } from 'vitest';

// The library's public surface: changing it is a decision, not an accident.
describe('src/lib public API', () => {
  it.each([
    ['diagnostics', ['ContentError', 'closestMatch', 'createError', 'createWarning', 'formatDiagnostic', 'formatDiagnostics', 'formatPlace', 'hasErrors', 'isContentError', 'isTextPlace', 'sortDiagnostics']],
    ['questions', ['BLANK_MARKER', 'BankMetaSchema', 'CasePartSchema', 'OptionSchema', 'PART_TYPES', 'QUESTION_ID_PATTERN', 'QUESTION_TYPES', 'QuestionFileSchema', 'QuestionSchema', 'RESERVED_BANK_FOLDERS', 'ScoringPointSchema', 'countBlanks', 'indexToLetter', 'isChoiceType', 'BLANK_TOKEN', 'countRenderedBlanks', 'isFillAnswerCorrect', 'letterToIndex', 'listQuestionImages', 'loadQuestionBank', 'normaliseFillAnswer', 'normalizeFillAnswer', 'parseQuestionFile', 'protectBlanks']],
    ['quiz', ['createQuizDirectiveTransform', 'createRandom', 'hashSeed', 'listPracticeQuestions', 'markdownToHast', 'markdownToInlineHast', 'parseQuizAttributes', 'permutationWithPins', 'QUIZ_SOURCE_ATTRIBUTE', 'quizSeed', 'readQuizSource', 'renderQuiz', 'selectQuizQuestions', 'shuffle']],
    ['output', ['OUTPUT_MARKER', 'OutputTargetError', 'assertOutputTarget', 'commitStagingDir', 'listProtectedFolders', 'prepareStagingDir', 'writeFileAtomic', 'writeOutputMarker']],
    ['project', ['checkMarkingFiles', 'checkProject', 'createEditorJsonSchemas', 'createLessonMarkdownOptions', 'issueFormUrl', 'loadProject', 'loadStatsFiles']],
    ['analysis', ['GROUP_SHARE', 'analyseItems', 'correlation', 'covariance', 'difficultyBand', 'discriminationBand', 'mean', 'median', 'standardDeviation', 'variance']],
    ['search', ['FILLER_CHARACTERS', 'FILLER_LATIN', 'FILLER_PHRASES', 'buildSearchLexicon', 'correctWord', 'createReadings', 'createSegmenter', 'isKnownCharacter', 'mergeResults', 'normalizeQuery', 'planSearch']],
    ['glossary', ['GlossaryEntrySchema', 'GlossarySchema', 'buildPinyinTable', 'loadGlossary', 'parseGlossary', 'pinyinSortKey']],
  ])('%s exports exactly its documented names', async (folder, names) => {
    expect(Object.keys(await import(`../src/lib/${folder}/index.ts`)).sort()).toEqual([...names].sort());
  });

  it('never imports Astro virtual modules from src/lib', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const files = readdirSync(new URL('../src/lib', import.meta.url), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const offenders = files.filter((f) => /from ['"]astro:/.test(readFileSync(new URL(`../src/lib/${f}`, import.meta.url), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
