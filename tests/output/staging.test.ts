import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitStagingDir, prepareStagingDir } from '../../src/lib/output/index.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'trainbook-staging-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('staging beside the output folder', () => {
  it('never deletes the staging folder of a run that is still going, and removes a dead run’s', async () => {
    const target = path.join(dir, 'site');
    const other = spawn(process.execPath, [path.join(import.meta.dirname, 'fixtures/hold-staging.ts'), target], { stdio: ['pipe', 'pipe', 'inherit'] });
    try {
      const otherStaging = await new Promise<string>((resolve) => other.stdout.once('data', (chunk) => resolve(String(chunk).trim())));
      // A run that died without cleaning up: its process id is no longer in use.
      const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
      const stale = `${target}.tmp-${dead}-0bad`;
      await mkdir(stale);
      await writeFile(path.join(stale, 'index.html'), 'left behind');

      const staging = await prepareStagingDir(target);
      await writeFile(path.join(staging, 'index.html'), 'ours');
      await commitStagingDir(staging, target);

      expect(await readFile(path.join(otherStaging, 'half-written.html'), 'utf8')).toBe('still being written');
      expect(await readFile(path.join(target, 'index.html'), 'utf8')).toBe('ours');
      expect((await readdir(dir)).sort()).toEqual(['site', path.basename(otherStaging)].sort());
    } finally {
      other.stdin.end();
      await new Promise((resolve) => other.once('exit', resolve));
    }
  });
});
