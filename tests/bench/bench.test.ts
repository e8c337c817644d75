import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSyntheticCourse } from '../../scripts/bench/generate-course.ts';
import { resolveConfig } from '../../src/lib/config.ts';
import { formatDiagnostics } from '../../src/lib/diagnostics/index.ts';
import { checkProject } from '../../src/lib/project/index.ts';
import { ROOT } from '../support/paths.ts';
import { runScript } from '../support/run-script.ts';

const work = await mkdtemp(path.join(tmpdir(), 'trainbook-bench-'));
afterAll(() => rm(work, { recursive: true, force: true }));

describe('npm run bench', () => {
  it('generates a valid synthetic course, the same for the same seed', async () => {
    const a = await generateSyntheticCourse({ dir: path.join(work, 'a'), lessons: 12, questions: 80 });
    const check = await checkProject(resolveConfig(ROOT, { contentDir: a.contentDir, bankDir: a.bankDir }));
    expect(formatDiagnostics(check.diagnostics.filter((d) => d.severity === 'error'))).toBe('');
    expect(check.counts).toEqual({ modules: 5, lessons: 12, questions: 80 });
    const b = await generateSyntheticCourse({ dir: path.join(work, 'b'), lessons: 12, questions: 80 });
    const read = (dir: string) => readFile(path.join(dir, 'communication', 'lesson-0001.md'), 'utf8');
    expect(await read(b.contentDir)).toBe(await read(a.contentDir));
  });

  // Proves the benchmark runs end to end at a tiny size; it measures, it does not assert timings.
  it('measures build, baseline, check, exams and marking and writes a JSON report', { timeout: 180_000 }, async () => {
    const json = path.join(work, 'report.json');
    const result = await runScript('bench', ['--lessons', '10', '--questions', '80', '--runs', '1', '--candidates', '20', '--scan-sheets', '2', '--json', json, '--work', path.join(work, 'run')]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(await readFile(json, 'utf8'));
    expect(Object.keys(report.results).sort()).toEqual(['baseline', 'build', 'check', 'exam1', 'exam20', 'exam20roster', 'exportMoodle', 'exportXlsx', 'importMoodle', 'importXlsx', 'mark']);
    for (const entry of Object.values(report.results) as { wallMs: { median: number }; maxRssMiB: { median: number } }[]) {
      expect(entry.wallMs.median).toBeGreaterThan(0);
      expect(entry.maxRssMiB.median).toBeGreaterThan(10);
    }
    expect(report.ratios.buildVsBaseline).toBeGreaterThan(0);
    expect(report.sizes.site.lessonPage.total.gzip).toBeGreaterThan(1000);
    expect(Object.keys(report.sizes.pdfs)).toContain('paper-T.pdf');
    expect(result.stdout).toContain('ratio build / baseline');
    // Scanning rows: every kind of scan measured, and no bubble misread without a flag.
    expect(report.scan.map((row: { label: string }) => row.label)).toHaveLength(6);
    for (const row of report.scan) {
      expect(row.pages).toBe(2);
      expect(row.silentErrors).toBe(0);
      expect(row.pagesPerSecond).toBeGreaterThan(0);
    }
  });
});
