import { closestMatch, createError, type Diagnostic } from '../diagnostics/index.ts';
import { parseYamlSource, zodIssuesToDiagnostics, type YamlSource } from '../yaml/index.ts';
import { CoursePlanSchema, type CoursePlan } from './schema.ts';

/** The end-of-day Q&A every training day closes with, in minutes. */
export const DAILY_QA_MINUTES = 30;

/** What a plan is checked against: course lessons, and the skill models with their role ids. */
export interface CoursePlanContext {
  lessons?: ReadonlySet<string>;
  /** Role ids by model name; `undefined` for a model file that exists but is invalid (reported on its own). */
  skillModels?: ReadonlyMap<string, ReadonlySet<string> | undefined>;
}

/**
 * Returns a session's start and end in minutes after midnight.
 * @example sessionMinutes('09:00-10:30') // => { start: 540, end: 630 }
 */
export function sessionMinutes(time: string): { start: number; end: number } {
  const [start, end] = time.split(/\s*[-–~]\s*/).map((part) => {
    const [h, m] = part.split(':').map(Number);
    return h! * 60 + m!;
  });
  return { start: start!, end: end! };
}

function checkPlan(plan: CoursePlan, source: YamlSource, file: string, { lessons, skillModels }: CoursePlanContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  plan.days.forEach((day, d) => {
    let previousEnd = -1;
    day.sessions.forEach((session, s) => {
      const at = source.placeOf(['days', d, 'sessions', s, 'time']);
      const { start, end } = sessionMinutes(session.time);
      const minutesOff = session.time.split(/\s*[-–~]\s*/).some((part) => Number(part.split(':')[1]) >= 60);
      if (minutesOff || start >= 24 * 60 || end > 24 * 60 || end <= start) {
        diagnostics.push(createError(file, at, 'training/invalid-time', `Unexpected time \`${session.time}\`, expected a start before the end within one day`, 'write `HH:MM-HH:MM`, e.g. `09:00-10:30`.'));
        return;
      }
      if (start < previousEnd) diagnostics.push(createError(file, at, 'training/overlapping-sessions', `Unexpected session starting at ${session.time.split(/\s*[-–~]\s*/)[0]} before the previous one ends, expected sessions in time order without overlap`, 'move the session or shorten the one before it.'));
      previousEnd = end;
      if (!session.room && !plan.room) diagnostics.push(createError(file, source.placeOf(['days', d, 'sessions', s]), 'training/missing-room', 'Missing `room` for this session, expected a room here or a course-wide `room:`', 'add `room:` to the session or to the course.'));
      if (lessons) {
        session.lessons.forEach((lesson, l) => {
          if (lessons.has(lesson)) return;
          const suggestion = closestMatch(lesson, lessons);
          diagnostics.push(createError(file, source.placeOf(['days', d, 'sessions', s, 'lessons', l]), 'training/unknown-lesson', `Unexpected lesson \`${lesson}\`, expected a lesson of content/ as \`module/lesson\``, suggestion ? `did you mean \`${suggestion}\`?` : 'use the folder and file name (without .md) of a lesson in content/.'));
        });
      }
    });
    const last = day.sessions.at(-1)!;
    const place = source.placeOf(['days', d, 'sessions', day.sessions.length - 1]);
    if (last.method !== 'qa') {
      diagnostics.push(createError(file, place, 'training/missing-daily-qa', `Unexpected last session \`${last.title}\` (\`${last.method}\`) on \`${day.title}\`, expected a ${DAILY_QA_MINUTES}-minute Q&A (\`method: qa\`) to close every day`, `add a last session with \`method: qa\` lasting ${DAILY_QA_MINUTES} minutes.`));
    } else {
      const { start, end } = sessionMinutes(last.time);
      if (end > start && end - start !== DAILY_QA_MINUTES) {
        diagnostics.push(createError(file, source.placeOf(['days', d, 'sessions', day.sessions.length - 1, 'time']), 'training/daily-qa-length', `Unexpected Q&A of ${end - start} minutes on \`${day.title}\`, expected ${DAILY_QA_MINUTES} minutes`, `make the day’s last session \`${DAILY_QA_MINUTES}\` minutes long.`));
      }
    }
  });
  if (skillModels && plan.skill_model !== undefined) {
    const roles = skillModels.get(plan.skill_model);
    if (!skillModels.has(plan.skill_model)) {
      const suggestion = closestMatch(plan.skill_model, skillModels.keys());
      diagnostics.push(createError(file, source.placeOf(['skill_model']), 'training/unknown-skill-model', `Unexpected skill model \`${plan.skill_model}\`, expected one of ${[...skillModels.keys()].map((k) => `\`${k}\``).join(', ') || 'the files in question-bank/skills/'}`, suggestion ? `did you mean \`${suggestion}\`?` : 'name a file of question-bank/skills/ without `.yaml`.'));
    } else if (roles && plan.role !== undefined && !roles.has(plan.role)) {
      diagnostics.push(createError(file, source.placeOf(['role']), 'training/unknown-role', `Unexpected role \`${plan.role}\`, expected one of ${[...roles].map((r) => `\`${r}\``).join(', ')}`, 'use a role id of the skill model.'));
    }
  }
  if (plan.role !== undefined && plan.skill_model === undefined) {
    diagnostics.push(createError(file, source.placeOf(['role']), 'training/role-without-model', 'Unexpected `role` without `skill_model`, expected both or neither', 'add `skill_model:` naming the model the role belongs to.'));
  }
  return diagnostics;
}

/**
 * Returns a validated course plan, or positioned diagnostics: schema problems, times out of order
 * or overlapping, a day not closing with the 30-minute Q&A, unknown lessons and skill models.
 */
export function parseCoursePlan(text: string, file: string, context: CoursePlanContext = {}): { plan?: CoursePlan; diagnostics: Diagnostic[] } {
  const source = parseYamlSource(text, file);
  if (source.diagnostics.length) return { diagnostics: source.diagnostics };
  const result = CoursePlanSchema.safeParse(source.value ?? {});
  if (!result.success) return { diagnostics: zodIssuesToDiagnostics(result.error.issues, source.value, CoursePlanSchema, source, file, { namespace: 'training' }) };
  const diagnostics = checkPlan(result.data, source, file, context);
  return diagnostics.length ? { diagnostics } : { plan: result.data, diagnostics };
}
