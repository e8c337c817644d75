export { CoursePlanSchema, SESSION_METHODS, type CoursePlan, type Day, type Session, type SessionMethod } from './schema.ts';
export { DAILY_QA_MINUTES, parseCoursePlan, sessionMinutes, type CoursePlanContext } from './parse.ts';
export { COURSES_FOLDER, loadCoursePlans } from './load.ts';
