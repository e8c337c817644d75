export { createEditorJsonSchemas } from './json-schema.ts';
export { checkProject, createLessonMarkdownOptions, issueFormUrl, loadProject, type ProjectCheck } from './check-project.ts';
export { checkMarkingFiles, loadStatsFiles } from './check-marking.ts';
