export { CoursePlanSchema, SESSION_METHODS, type CoursePlan, type Day, type Session, type SessionMethod } from './schema.ts';
export { DAILY_QA_MINUTES, parseCoursePlan, sessionMinutes, type CoursePlanContext } from './parse.ts';
export { COURSES_FOLDER, loadCoursePlans } from './load.ts';
export { courseTitleRows, layoutSchedule, lessonNames } from './layout-schedule.ts';
export { DEFAULT_FEEDBACK_ITEMS, layoutCourseSelfAssessment, layoutFeedback, layoutNeedsSurvey, layoutSessionRecord, type Trainee } from './layout-forms.ts';
export { readTrainees } from './roster.ts';
