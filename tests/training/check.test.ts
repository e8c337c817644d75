import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from '../support/run-script.ts';

describe('npm run check', { timeout: 240_000 }, () => {
  it('validates skill models and course plans in the question bank, with their lines', async () => {
    // A bank holding only a skill model and a course plan (the sample lessons' quizzes then report their missing questions too).
    const result = await runScript('check', [], { TRAINBOOK_BANK_DIR: path.join(import.meta.dirname, 'fixtures', 'check-bank') });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('tests/training/fixtures/check-bank/skills/hotline.yaml:10:3  error  Unexpected rater weights adding up to 95, expected 100; short by 5  skills/weights-not-100');
    expect(result.stderr).toContain('tests/training/fixtures/check-bank/courses/new-hire-inbound.yaml:69:9  error  Unexpected last session `当日答疑：回顾角色扮演录音` (`case`) on `第 2 天：情绪管理与投诉处理`, expected a 30-minute Q&A (`method: qa`) to close every day  training/missing-daily-qa');
  });
});
