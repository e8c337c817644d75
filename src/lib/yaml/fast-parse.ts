import { CORE_SCHEMA, load } from 'js-yaml';

/**
 * Returns the value of a YAML document parsed by js-yaml, several times faster than `yaml`'s
 * Document API, or undefined when js-yaml rejects it. It keeps no positions: callers use it
 * for files that turn out valid, and parse again with `parseYamlSource` to place any error.
 * The core schema matches `yaml`'s defaults (dates stay text, duplicate keys are errors).
 */
export function parseYamlFast(source: string): unknown {
  try {
    return load(source, { schema: CORE_SCHEMA });
  } catch {
    return undefined;
  }
}

/**
 * Returns the position (line, column of the first key) of each item of the top-level list
 * under `key:`, found by indentation alone, e.g. `  - id: com-001` → column 5.
 * Returns undefined if the layout is unusual (flow style, comments between items are fine).
 */
export function findListItemPlaces(source: string, key: string): { line: number; column: number }[] | undefined {
  const lines = source.split('\n');
  const start = lines.findIndex((line) => line === `${key}:` || line.startsWith(`${key}: #`) || line === `${key}:\r`);
  if (start === -1) return undefined;
  const places: { line: number; column: number }[] = [];
  let indent: number | undefined;
  for (let i = start + 1; i < lines.length; i++) {
    const match = /^( *)- +(\S)/.exec(lines[i]!);
    if (!match) continue;
    const width = match[1]!.length;
    indent ??= width;
    if (width === indent) places.push({ line: i + 1, column: match[0].length });
  }
  return places;
}
