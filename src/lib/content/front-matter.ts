/** A Markdown file split into its YAML front matter and its body. */
export interface FrontMatterSplit {
  /** The YAML between the `---` fences ('' when there is none). */
  yaml: string;
  /** Line number (1-based) of the first YAML line, for positioning errors. */
  yamlLine: number;
  /** The source with the front matter replaced by blank lines, so body positions stay true. */
  body: string;
  hasFrontMatter: boolean;
}

const FENCE = /^---[ \t]*\r?$/;

/**
 * Returns the front matter and body of a Markdown source. The body keeps its
 * original line numbers, so remark positions match what editors see.
 */
export function splitFrontMatter(source: string): FrontMatterSplit {
  const text = source.replace(/^\uFEFF/, '');
  const lines = text.split('\n');
  if (!FENCE.test(lines[0] ?? '')) return { yaml: '', yamlLine: 1, body: text, hasFrontMatter: false };
  const end = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (end === -1) return { yaml: '', yamlLine: 1, body: text, hasFrontMatter: false };
  return {
    yaml: lines.slice(1, end).join('\n'),
    yamlLine: 2,
    body: `${'\n'.repeat(end + 1)}${lines.slice(end + 1).join('\n')}`,
    hasFrontMatter: true,
  };
}
