import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { createError, type Diagnostic, type Place } from '../diagnostics/index.ts';

/** A path into parsed YAML, as Zod reports it: keys and array indexes. */
export type YamlPath = readonly PropertyKey[];

/** Parsed YAML that still knows where each value came from. */
export interface YamlSource {
  /** The plain JavaScript value (undefined when the YAML had syntax errors). */
  value: unknown;
  /** Syntax errors, already positioned. */
  diagnostics: Diagnostic[];
  /** Returns the place of the value at `path`, or of its nearest existing parent. */
  placeOf(path: YamlPath): Place;
  /** Returns the place of the key at `path` (for unknown fields), falling back to the value. */
  keyPlaceOf(path: YamlPath): Place;
}

interface Located {
  node: Node | null | undefined;
  keyNode: Node | null | undefined;
}

function locate(root: Node | null | undefined, path: YamlPath): Located {
  let node = root;
  let keyNode: Node | null | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === segment);
      if (!pair) break;
      keyNode = pair.key as Node;
      node = pair.value as Node | null;
      if (node == null) {
        node = keyNode;
        break;
      }
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
      keyNode = undefined;
      node = node.items[segment] as Node;
    } else {
      break;
    }
  }
  return { node, keyNode };
}

/**
 * Parses YAML keeping positions, so validation errors can point at `file:line:col`.
 * `lineOffset` shifts every line, for YAML embedded in a Markdown front matter.
 */
export function parseYamlSource(source: string, file: string, lineOffset = 0): YamlSource {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toPlace = (offset: number | undefined): Place => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return { line: line + lineOffset, column: col };
  };

  // After the first syntax error the parser's view of the rest is unreliable, so only that one is reported.
  const diagnostics = document.errors.slice(0, 1).map((error) => {
    const duplicateKey = error.code === 'DUPLICATE_KEY';
    const reason = duplicateKey
      ? 'Unexpected duplicate key, expected each field once'
      : `Unexpected YAML syntax: ${error.message.split('\n')[0]}`;
    const note = duplicateKey
      ? 'remove one of the two lines with this key.'
      : 'check the indentation and quoting on this line; text containing `: ` or starting with `*`, `&`, `!`, `[` or `{` needs quotes or a `|` block.';
    return createError(file, toPlace(error.pos[0]), duplicateKey ? 'yaml/duplicate-key' : 'yaml/syntax', reason, note);
  });

  const rootNode = document.contents as Node | null;
  return {
    value: diagnostics.length ? undefined : document.toJS(),
    diagnostics,
    placeOf(path) {
      const { node } = locate(rootNode, path);
      return toPlace(node?.range?.[0]);
    },
    keyPlaceOf(path) {
      const { node, keyNode } = locate(rootNode, path);
      return toPlace((keyNode ?? node)?.range?.[0]);
    },
  };
}
