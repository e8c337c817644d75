import { z } from '../z.ts';

/** Teaching methods of a session, with the labels printed on schedules and the site. */
export const SESSION_METHODS = { lecture: '讲授', 'role-play': '角色扮演', case: '案例分析', drill: '实操演练', qa: '答疑', exam: '考核' } as const;
export type SessionMethod = keyof typeof SESSION_METHODS;

const LESSON_REF = /^[a-z0-9-]+\/[a-z0-9-]+$/;

/** One session of a training day. */
export const SessionSchema = z.strictObject({
  time: z
    .string()
    .regex(/^\d{1,2}:\d{2}\s*[-–~]\s*\d{1,2}:\d{2}$/)
    .describe('start and end as `HH:MM-HH:MM`, e.g. `09:00-10:30`'),
  title: z.string().min(1).describe('what happens, e.g. `主动倾听与复述确认`'),
  method: z.enum(Object.keys(SESSION_METHODS) as [SessionMethod, ...SessionMethod[]]).describe('`lecture`, `role-play`, `case`, `drill`, `qa` or `exam`'),
  lessons: z.array(z.string().regex(LESSON_REF)).default([]).describe('handbook lessons covered, as `module/lesson`; default none'),
  trainer: z.string().min(1).describe('who runs the session, e.g. `王老师`'),
  room: z.string().optional().describe('where; default the course’s `room`'),
});

/** One training day; its last session must be the 30-minute Q&A. */
export const DaySchema = z.strictObject({
  title: z.string().min(1).describe('e.g. `第 1 天：服务意识与沟通基础`'),
  date: z.string().optional().describe('the date as printed, e.g. `2026-03-02`; default none (a blank on forms)'),
  sessions: z.array(SessionSchema).min(1),
});

/** A course plan (培训计划): days, sessions and what the printed forms need. */
export const CoursePlanSchema = z.strictObject({
  title: z.string().min(1).describe('e.g. `新员工入职培训（呼入热线）`'),
  organization: z.string().default(''),
  audience: z.string().min(1).describe('who attends, e.g. `呼入热线新员工，每期 20–30 人`'),
  goals: z.array(z.string().min(1)).min(1).describe('measurable goals, e.g. `三个月内首次解决率达到 80%`'),
  room: z.string().default('').describe('default room of every session'),
  skill_model: z.string().optional().describe('skill model in question-bank/skills/ whose 技能自评表 is printed with the forms, e.g. `hotline`'),
  role: z.string().optional().describe('the model’s role the trainees take, e.g. `inbound`'),
  feedback: z
    .array(z.string().min(1))
    .min(3)
    .optional()
    .describe('items of the 培训效果反馈表, each rated 1–5; default a standard list (content, trainer, practice, schedule, venue, overall)'),
  days: z.array(DaySchema).min(1),
});

export type CoursePlan = z.output<typeof CoursePlanSchema>;
export type Day = z.output<typeof DaySchema>;
export type Session = z.output<typeof SessionSchema>;
