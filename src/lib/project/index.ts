export { createEditorJsonSchemas } from './json-schema.ts';
export { checkProject, createLessonMarkdownOptions, loadProject, type ProjectCheck } from './check-project.ts';
export { checkMarkingFiles, loadStatsFiles } from './check-marking.ts';
