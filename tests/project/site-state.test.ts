import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths.ts';

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const sources = (folder: string) =>
  readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|mjs|astro)$/.test(file))
    .map((file) => path.join(folder, file));

describe('how the build hands its state to Astro', () => {
  it('keeps astro.config.mjs free of scripts/: the site configuration lives in src/site', () => {
    const imports = [...read('astro.config.mjs').matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]);
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((source) => source!.includes('scripts/'))).toEqual([]);
  });

  it('passes nothing through globalThis between the build, the Astro config, the content config and the dev reload', () => {
    const files = ['astro.config.mjs', ...sources('src'), ...sources('scripts')];
    expect(files.filter((file) => /globalThis/.test(read(file)))).toEqual([]);
  });
});
