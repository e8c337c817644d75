// The staging helpers live in src/lib/output with the output guard; scripts/exam.ts imports them from here.
export { commitStagingDir, prepareStagingDir } from '../src/lib/output/index.ts';
