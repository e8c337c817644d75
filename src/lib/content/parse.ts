import { createError, type Diagnostic } from '../diagnostics/index.ts';
import { parseYamlFast, parseYamlSource, zodIssuesToDiagnostics } from '../yaml/index.ts';
import { splitFrontMatter } from './front-matter.ts';
import { LessonFrontmatterSchema, ModuleSchema, type LessonFrontmatter, type ModuleMeta } from './schema.ts';

/** Returns a module's validated `module.yaml`, or diagnostics saying what to fix. */
export function parseModuleMeta(source: string, file: string): { data?: ModuleMeta; diagnostics: Diagnostic[] } {
  const yaml = parseYamlSource(source, file);
  if (yaml.diagnostics.length) return { diagnostics: yaml.diagnostics };
  const result = ModuleSchema.safeParse(yaml.value ?? {});
  if (result.success) return { data: result.data, diagnostics: [] };
  return {
    diagnostics: zodIssuesToDiagnostics(result.error.issues, yaml.value, ModuleSchema, yaml, file, { namespace: 'content' }),
  };
}

/** Returns a lesson's validated front matter and its body, or diagnostics saying what to fix. */
export function parseLessonSource(
  source: string,
  file: string,
): { data?: LessonFrontmatter; body: string; diagnostics: Diagnostic[] } {
  const split = splitFrontMatter(source);
  if (!split.hasFrontMatter) {
    return {
      body: split.body,
      diagnostics: [
        createError(
          file,
          { line: 1, column: 1 },
          'content/missing-front-matter',
          'Unexpected lesson without front matter, expected a `---` block with `title`, `description`, `order` and `duration` at the top',
          'start the file with `---`, the fields (one per line, e.g. `title: 倾听技巧`), then `---`.',
        ),
      ],
    };
  }
  // Fast path for the common, valid case; positions are only worked out when something is wrong.
  const quick = LessonFrontmatterSchema.safeParse(parseYamlFast(split.yaml) ?? null);
  if (quick.success) return { data: quick.data, body: split.body, diagnostics: [] };
  const yaml = parseYamlSource(split.yaml, file, split.yamlLine - 1);
  if (yaml.diagnostics.length) return { body: split.body, diagnostics: yaml.diagnostics };
  const result = LessonFrontmatterSchema.safeParse(yaml.value ?? {});
  if (result.success) return { data: result.data, body: split.body, diagnostics: [] };
  return {
    body: split.body,
    diagnostics: zodIssuesToDiagnostics(result.error.issues, yaml.value, LessonFrontmatterSchema, yaml, file, {
      namespace: 'content',
    }),
  };
}
