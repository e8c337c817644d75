export { createEditorJsonSchemas } from './json-schema.ts';
export { checkProject, createLessonMarkdownOptions, issueFormUrl, loadProject, type ProjectCheck } from './check-project.ts';
