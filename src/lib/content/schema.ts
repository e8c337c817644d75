import { z } from '../z.ts';

/** The three levels used for lessons, modules and questions, from basic to expert. */
export const LEVELS = ['basic', 'advanced', 'expert'] as const;
export const LevelSchema = z
  .enum(LEVELS)
  .describe('how demanding the material is: `basic` (基础), `advanced` (进阶) or `expert` (专家)');
export type Level = z.output<typeof LevelSchema>;

/** Folder and file names become URLs, so they are limited to lowercase ASCII words. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Lesson slugs that would collide with pages every module already has. */
export const RESERVED_LESSON_SLUGS = ['print', 'practice'] as const;

/** `content/<module>/module.yaml`: what a module is about and where it sits in the course. */
export const ModuleSchema = z.strictObject({
  /** Shown on the home page and as the module page heading. Example: `沟通技巧与情绪管理`. */
  title: z.string().trim().min(1).describe('the module title shown on the home page, e.g. `沟通技巧与情绪管理`'),
  /** Position in the course; modules are listed by this number. */
  order: z.number().int().min(0).describe('a whole number giving the module’s position in the course, e.g. `2`'),
  /** One or two sentences for the home page card. */
  summary: z.string().trim().min(1).describe('one or two sentences shown on the home page'),
  /** What trainees can do after the module; shown on the module page. */
  objectives: z.array(z.string().trim().min(1)).min(1).describe('a list of learning objectives, one per line starting with `- `'),
  /** Overall level of the module. Default: `basic`. */
  level: LevelSchema.default('basic'),
  /** Time for the whole module including practice, in minutes. */
  estimated_minutes: z.number().int().positive().describe('the whole module’s study time in minutes, e.g. `120`'),
});
export type ModuleMeta = z.output<typeof ModuleSchema>;
export type ModuleMetaInput = z.input<typeof ModuleSchema>;

/** Front matter of a lesson file (`content/<module>/<lesson>.md` or `.mdx`). */
export const LessonFrontmatterSchema = z.strictObject({
  /** The lesson heading and page title. */
  title: z.string().trim().min(1).describe('the lesson title, e.g. `投诉处理：先道歉、再倾听、后解决`'),
  /** One sentence for the module page and search results. */
  description: z.string().trim().min(1).describe('one sentence saying what the lesson teaches'),
  /** Position within the module; lessons are listed by this number. */
  order: z.number().int().min(0).describe('a whole number giving the lesson’s position in its module, e.g. `1`'),
  /** Study time in minutes. */
  duration: z.number().int().positive().describe('study time in whole minutes, e.g. `25`'),
  /** Default: `basic`. */
  level: LevelSchema.default('basic'),
  /** What trainees can do after the lesson; shown in a box above the content. Default: none. */
  objectives: z.array(z.string().trim().min(1)).default([]).describe('a list of learning objectives'),
  /** Keywords; they help search. Default: none. */
  tags: z.array(z.string().trim().min(1)).default([]).describe('a list of keywords, e.g. `[投诉, 安抚]`'),
  /** A draft is left out of the built site. Default: `false`. */
  draft: z.boolean().default(false).describe('`true` to leave the lesson out of the site while it is being written'),
});
export type LessonFrontmatter = z.output<typeof LessonFrontmatterSchema>;
export type LessonFrontmatterInput = z.input<typeof LessonFrontmatterSchema>;
