import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const TEST_OUT = path.join(ROOT, '.trainbook', 'test');
/** The fixture course: two modules, an .md and an .mdx lesson, practice and exam questions. */
export const FIXTURE_COURSE = path.join(ROOT, 'tests', 'fixtures', 'course');

/** Built sites the global setup prepares. */
export const SITES = {
  /** The shipped sample course, base `/`. */
  sample: path.join(TEST_OUT, 'sample'),
  /** Where that build prints the sample exams (never inside the site). */
  sampleExams: path.join(TEST_OUT, 'sample-exams'),
  /** The fixture course under base `/handbook/`, built twice to compare bytes. */
  fixture: path.join(TEST_OUT, 'fixture-a'),
  fixtureAgain: path.join(TEST_OUT, 'fixture-b'),
};
