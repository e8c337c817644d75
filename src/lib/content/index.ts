export {
  LEVELS,
  LessonFrontmatterSchema,
  LevelSchema,
  ModuleSchema,
  RESERVED_LESSON_SLUGS,
  SLUG_PATTERN,
  type LessonFrontmatter,
  type LessonFrontmatterInput,
  type Level,
  type ModuleMeta,
  type ModuleMetaInput,
} from './schema.ts';
export { splitFrontMatter, type FrontMatterSplit } from './front-matter.ts';
export { parseLessonSource, parseModuleMeta } from './parse.ts';
export { loadCourse, type LoadCourseOptions } from './load-course.ts';
export {
  adjacentLessons,
  listLessons,
  listLinkTargets,
  pagePath,
  sortCourse,
  totalMinutes,
  type Course,
  type Lesson,
  type Module,
} from './course.ts';
export { CALLOUT_KINDS, transformCallouts, type CalloutKind, type CalloutOptions } from './remark-callouts.ts';
export { transformLinks, type LinkOptions } from './remark-links.ts';
export {
  checkLessonMarkdown,
  remarkTrainbook,
  scanLinkTargets,
  transformLessonTree,
  type LessonMarkdownOptions,
  type LessonTreeContext,
  type LessonTreeTransform,
} from './lesson-markdown.ts';
export { isShallowClone, readGitDates } from './git-dates.ts';
export { rehypeTaskListLabels } from './rehype-task-lists.ts';
