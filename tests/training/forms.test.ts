import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SITES } from '../support/paths.ts';
import { runScript } from '../support/run-script.ts';

const out = await mkdtemp(path.join(tmpdir(), 'trainbook-training-'));
afterAll(() => rm(out, { recursive: true, force: true }));
const roster = path.join(import.meta.dirname, '..', 'skills', 'fixtures', 'team-12', 'roster.csv');
const pagesOf = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1).map((page) => page.replace(/\s+/g, ''));

describe('npm run training', { timeout: 240_000 }, () => {
  it('prints the schedule and every form of a course with one command, pre-filled from the roster', async () => {
    const result = await runScript('training', ['new-hire-inbound', '--roster', roster, '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const folder = path.join(out, 'training-new-hire-inbound');
    expect(readdirSync(folder).sort()).toEqual(['.trainbook-output', 'feedback.pdf', 'needs-survey.pdf', 'schedule.pdf', 'self-assessment.pdf', 'session-record.pdf']);

    const schedule = pagesOf(path.join(folder, 'schedule.pdf')).join('');
    expect(schedule).toContain('培训日程表');
    expect(schedule).toContain('16:30–17:00当日答疑与作业布置答疑');
    // Lessons print by their handbook titles, not their slugs.
    expect(schedule).not.toContain('communication/');

    const survey = pagesOf(path.join(folder, 'needs-survey.pdf')).join('');
    expect(survey).toContain('培训需求调研表');
    expect(survey).toContain('高中低不需要');

    const record = pagesOf(path.join(folder, 'session-record.pdf'));
    expect(record[0]).toContain('培训签到与现场记录表');
    expect(record[0]).toContain('第1天：服务意识与沟通基础');
    expect(record[0]).toContain('应到：12人');
    expect(record[0]).toContain('T012何俊杰在线组');
    expect(record.filter((page) => page.includes('现场记录（讲师填写）'))).toHaveLength(3);

    const feedback = pagesOf(path.join(folder, 'feedback.pdf')).join('');
    expect(feedback).toContain('培训效果反馈表');
    for (const trainer of ['周老师', '李老师', '王老师']) expect(feedback).toContain(trainer);

    const self = pagesOf(path.join(folder, 'self-assessment.pdf'));
    expect(self).toHaveLength(12);
    expect(self[0]).toContain('技能自评表');
    expect(self[0]).toContain('被评价人：林晓雨');
  });

  it('explains an unknown course', async () => {
    const result = await runScript('training', ['no-such-course']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('error: no course plan `no-such-course`; available: `new-hire-inbound`');
  });
});

describe('培训计划 page', () => {
  it('shows each day’s sessions with links to the handbook lessons and no exam content', () => {
    const html = readFileSync(path.join(SITES.sample, 'training', 'new-hire-inbound', 'index.html'), 'utf8');
    expect(html).toMatch(/<h1[^>]*>新员工入职培训（呼入热线）<\/h1>/);
    expect(html).toContain('href="/communication/active-listening/"');
    expect(html).toMatch(/<tr class="method-qa"[^>]*>\s*<td[^>]*>16:30-17:00<\/td>/);
    expect(html).toContain('>答疑<');
    const index = readFileSync(path.join(SITES.sample, 'training', 'index.html'), 'utf8');
    expect(index).toContain('href="/training/new-hire-inbound/"');
  });
});
