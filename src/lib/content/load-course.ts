import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { createError, createWarning, type Diagnostic } from '../diagnostics/index.ts';
import { readTextFile, type TextFile } from '../encoding/index.ts';
import { sortCourse, type Course, type Lesson, type Module } from './course.ts';
import { parseLessonSource, parseModuleMeta } from './parse.ts';
import { RESERVED_LESSON_SLUGS, SLUG_PATTERN } from './schema.ts';

export interface LoadCourseOptions {
  /** Folder holding one sub-folder per module. */
  contentDir: string;
  /** Diagnostics name files relative to this folder. */
  rootDir: string;
  /** Keep `draft: true` lessons (the dev server shows them). Default: false. */
  includeDrafts?: boolean;
}

const LESSON_EXTENSION = /\.(md|mdx)$/;

async function listEntries(dir: string) {
  const entries = await readdir(dir, { withFileTypes: true });
  // Sorted so diagnostics and output never depend on the file system's order.
  return entries.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Returns the course found in `contentDir` and every problem found on the way.
 * A lesson with errors is left out of the course; the caller decides whether to stop.
 */
export async function loadCourse({ contentDir, rootDir, includeDrafts = false }: LoadCourseOptions): Promise<{
  course: Course;
  diagnostics: Diagnostic[];
  /** Ids (`module/slug`) of lessons left out because of their own errors; links and questions may still name them. */
  withheld: string[];
}> {
  const diagnostics: Diagnostic[] = [];
  const withheld: string[] = [];
  const modules: Module[] = [];
  const relative = (p: string) => path.relative(rootDir, p).split(path.sep).join('/');

  for (const entry of await listEntries(contentDir)) {
    if (!entry.isDirectory() || entry.name.startsWith('.') || entry.name.startsWith('_')) continue;
    const moduleDir = path.join(contentDir, entry.name);
    const metaPath = path.join(moduleDir, 'module.yaml');
    if (!SLUG_PATTERN.test(entry.name)) {
      diagnostics.push(
        createError(
          relative(moduleDir),
          undefined,
          'content/invalid-slug',
          `Unexpected module folder name \`${entry.name}\`, expected lowercase letters, digits and hyphens`,
          'rename the folder, e.g. `customer-care`; the name becomes the module’s URL.',
        ),
      );
      continue;
    }
    let metaSource: TextFile;
    try {
      metaSource = await readTextFile(metaPath, relative(metaPath));
    } catch {
      diagnostics.push(
        createError(
          relative(moduleDir),
          undefined,
          'content/missing-module-yaml',
          `Unexpected module folder \`${entry.name}\` without \`module.yaml\`, expected title, order, summary, objectives and estimated_minutes`,
          `create \`${relative(metaPath)}\` (copy one from another module and edit it).`,
        ),
      );
      continue;
    }
    const meta = metaSource.ok ? parseModuleMeta(metaSource.text, relative(metaPath)) : { diagnostics: [metaSource.diagnostic] };
    diagnostics.push(...meta.diagnostics);

    const lessons: Lesson[] = [];
    const seen = new Map<string, string>();
    for (const file of await listEntries(moduleDir)) {
      const match = LESSON_EXTENSION.exec(file.name);
      if (!file.isFile() || !match) continue;
      const filePath = path.join(moduleDir, file.name);
      const fileName = relative(filePath);
      const slug = file.name.slice(0, match.index);
      if (!SLUG_PATTERN.test(slug) || (RESERVED_LESSON_SLUGS as readonly string[]).includes(slug)) {
        diagnostics.push(
          createError(
            fileName,
            undefined,
            'content/invalid-slug',
            `Unexpected lesson file name \`${file.name}\`, expected lowercase letters, digits and hyphens, not ${RESERVED_LESSON_SLUGS.map((s) => `\`${s}\``).join(' or ')}`,
            'rename the file, e.g. `complaint-handling.md`; the name becomes the lesson’s URL.',
          ),
        );
        continue;
      }
      if (seen.has(slug)) {
        diagnostics.push({
          ...createError(fileName, undefined, 'content/duplicate-lesson', `Unexpected second lesson \`${slug}\`, expected one file per lesson`, 'keep either the `.md` or the `.mdx` file.'),
          cause: { file: seen.get(slug)!, reason: 'first defined' },
        });
        continue;
      }
      seen.set(slug, fileName);
      const source = await readTextFile(filePath, fileName);
      if (!source.ok) {
        // A lesson that is not UTF-8 gets that one error and nothing else: its text would be mojibake.
        diagnostics.push(source.diagnostic);
        withheld.push(`${entry.name}/${slug}`);
        continue;
      }
      const parsed = parseLessonSource(source.text, fileName);
      diagnostics.push(...parsed.diagnostics);
      if (!parsed.data) withheld.push(`${entry.name}/${slug}`);
      if (!parsed.data || (parsed.data.draft && !includeDrafts)) continue;
      lessons.push({
        id: `${entry.name}/${slug}`,
        module: entry.name,
        slug,
        file: fileName,
        path: filePath,
        format: match[1] as 'md' | 'mdx',
        data: parsed.data,
        body: parsed.body,
      });
    }
    if (lessons.length === 0) {
      diagnostics.push(
        createWarning(relative(metaPath), undefined, 'content/empty-module', `Unexpected module \`${entry.name}\` without published lessons, expected at least one`, 'add a lesson file next to `module.yaml`, or set `draft: false` on one.'),
      );
    }
    // A module whose module.yaml has errors is kept with stand-in metadata, so its lessons and
    // questions are still checked and every problem is reported in one run (the errors stop the build).
    const data = meta.data ?? { title: entry.name, order: Number.MAX_SAFE_INTEGER, summary: '', objectives: [], level: 'basic' as const, estimated_minutes: 0 };
    modules.push({ slug: entry.name, file: relative(metaPath), data, lessons });
  }
  return { course: sortCourse({ modules }), diagnostics, withheld };
}
