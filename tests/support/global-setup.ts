import { rm } from 'node:fs/promises';
import { FIXTURE_COURSE, SITES, TEST_OUT } from './paths.ts';
import { courseEnv, runScript } from './run-script.ts';

async function build(out: string, env: Record<string, string> = {}) {
  const result = await runScript('build', ['--out', out], env);
  if (result.code !== 0) throw new Error(`build of ${out} failed (${result.code}):\n${result.stdout}\n${result.stderr}`);
}

/** Builds every site the tests read, one after another (two cores, and Astro writes .astro/). */
export async function setup() {
  // For a quick unit-test loop: `TRAINBOOK_REUSE_BUILDS=1 npx vitest run tests/questions` keeps the last builds.
  if (process.env.TRAINBOOK_REUSE_BUILDS === '1') return;
  await rm(TEST_OUT, { recursive: true, force: true });
  await build(SITES.sample, { TRAINBOOK_EXAMS_DIR: SITES.sampleExams });
  const fixtureEnv = courseEnv(FIXTURE_COURSE, { TRAINBOOK_BASE: '/handbook/' });
  await build(SITES.fixture, fixtureEnv);
  await build(SITES.fixtureAgain, fixtureEnv);
}
