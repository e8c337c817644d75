import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT as repoRoot } from '../support/paths.ts';

// `npm ci` refuses a lockfile that disagrees with package.json; catching the drift here names the
// package instead of failing CI's install step with a generic "out of sync".
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8'));

describe('package-lock.json', () => {
  it('records exactly the dependencies package.json declares', () => {
    const root = lock.packages[''];
    expect(root.dependencies ?? {}).toEqual(pkg.dependencies ?? {});
    expect(root.devDependencies ?? {}).toEqual(pkg.devDependencies ?? {});
  });

  it('pins every direct dependency to an exact version that the lockfile installs', () => {
    for (const [name, range] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
      expect(range, `${name} should be pinned to an exact version`).toMatch(/^\d+\.\d+\.\d+$/);
      expect(lock.packages[`node_modules/${name}`]?.version, name).toBe(range);
    }
  });

  it("lists other platforms' optional packages, so npm ci works on macOS and Windows too", () => {
    const names = Object.keys(lock.packages);
    expect(names).toContain('node_modules/@pagefind/darwin-arm64');
    expect(names).toContain('node_modules/@pagefind/windows-x64');
    expect(names.some((n) => n.startsWith('node_modules/@rollup/rollup-win32'))).toBe(true);
  });
});
