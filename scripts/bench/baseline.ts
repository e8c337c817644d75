import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes a bare Astro project that renders the same Markdown with a minimal layout and no
 * trainbook plugins: the baseline our build time is compared with, measured in the same run.
 */
export async function writeBaselineProject(dir: string, contentDir: string, nodeModules: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, 'src/pages'), { recursive: true });
  await writeFile(path.join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
  // The baseline uses trainbook's own Astro, wherever the scratch folder is.
  await symlink(nodeModules, path.join(dir, 'node_modules'), 'dir');
  await writeFile(path.join(dir, 'astro.config.mjs'), `export default { trailingSlash: 'always', devToolbar: { enabled: false }, cacheDir: './.astro-cache' };\n`);
  await writeFile(
    path.join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { lessons: defineCollection({ loader: glob({ pattern: '*/*.md', base: ${JSON.stringify(contentDir)} }) }) };\n`,
  );
  await writeFile(
    path.join(dir, 'src/pages/[...slug].astro'),
    `---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() {\n  return (await getCollection('lessons')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));\n}\nconst { Content } = await render(Astro.props.entry);\n---\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{Astro.props.entry.data.title}</title></head><body><main data-pagefind-body><h1>{Astro.props.entry.data.title}</h1><Content /></main></body></html>\n`,
  );
}
