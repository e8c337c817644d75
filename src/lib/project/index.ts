export { checkProject, createLessonMarkdownOptions, loadProject, type ProjectCheck } from './check-project.ts';
