import { describe, expect, it } from 'vitest';

// The public surface of the skill-evaluation and training folders: changing it is a decision.
describe('skills and training public API', () => {
  it.each([
    ['skills', ['FORM_KINDS', 'FORM_TITLES', 'RATER_KINDS', 'RATER_LABELS', 'RATINGS_COLUMNS', 'SKILLS_FOLDER', 'SkillModelSchema', 'box', 'describeMissing', 'describeTierRule', 'formatScore', 'heatColour', 'heatFill', 'infoRow', 'layoutRatingFormPages', 'layoutRatingForms', 'layoutSkillReport', 'layoutTeamSummary', 'listYamlFiles', 'loadSkillModels', 'missingCharacters', 'parseSkillModel', 'ratingsTemplate', 'readCourseResults', 'readRatings', 'readRoster', 'renderDocuments', 'roleIdFor', 'roundHalfUp', 'scoreBoxesRow', 'scorePerson', 'stack', 'summarizeTeam', 'table', 'teamWorkbook', 'textOp', 'tierFor']],
    ['training', ['COURSES_FOLDER', 'CoursePlanSchema', 'DAILY_QA_MINUTES', 'DEFAULT_FEEDBACK_ITEMS', 'SESSION_METHODS', 'courseTitleRows', 'layoutCourseSelfAssessment', 'layoutFeedback', 'layoutNeedsSurvey', 'layoutSchedule', 'layoutSessionRecord', 'lessonNames', 'loadCoursePlans', 'parseCoursePlan', 'readTrainees', 'sessionMinutes']],
  ])('%s exports exactly its documented names', async (folder, names) => {
    expect(Object.keys(await import(`../../src/lib/${folder}/index.ts`)).sort()).toEqual([...names].sort());
  });
});
