/** A position in a source file, 1-based like editors show it. */
export interface Place {
  line: number;
  column: number;
}

/** A cell of a spreadsheet, as Excel names it: `D12` on the first sheet, or on the named `sheet`. */
export interface CellPlace {
  sheet?: string;
  cell: string;
}

/** A page of a multi-page input such as a scanned PDF, 1-based. */
export interface PagePlace {
  page: number;
}

/** Where in a file a problem is: a text position, a spreadsheet cell or a page. */
export type Location = Place | CellPlace | PagePlace;

/** Returns true when the location is a line and column in a text file. */
export function isTextPlace(location: Location | undefined): location is Place {
  return location !== undefined && 'line' in location;
}

export type Severity = 'error' | 'warning';

/**
 * One problem found in an editor's file, shaped like a vfile message so the
 * same formatter serves YAML, Markdown and CLI arguments.
 */
export interface Diagnostic {
  /** Path as the editor knows it, relative to the project root when possible. */
  file: string;
  place?: Location;
  severity: Severity;
  /** Namespaced kebab-case rule, e.g. `question/unknown-answer`. */
  ruleId: string;
  /** What is wrong: "Unexpected <found>, expected <accepted>". */
  reason: string;
  /** How to fix it: the concrete edit to make. */
  note?: string;
  /** Another place that explains this one, e.g. the first definition of a duplicate id. */
  cause?: { file: string; place?: Location; reason: string };
}

/** Returns an error diagnostic; a small factory so call sites read as sentences. */
export function createError(
  file: string,
  place: Location | undefined,
  ruleId: string,
  reason: string,
  note?: string,
): Diagnostic {
  return { file, place, severity: 'error', ruleId, reason, note };
}

/** Returns a warning diagnostic. */
export function createWarning(
  file: string,
  place: Location | undefined,
  ruleId: string,
  reason: string,
  note?: string,
): Diagnostic {
  return { file, place, severity: 'warning', ruleId, reason, note };
}

/** Returns true when any diagnostic is an error (warnings never fail a build). */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Rules that make a whole file unreadable; they explain the problems that follow, so they come first. */
const ROOT_CAUSE = /^(?:encoding|yaml)\//;

/** Returns diagnostics sorted by file, line and column so output is stable; unreadable files first. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      Number(!ROOT_CAUSE.test(a.ruleId)) - Number(!ROOT_CAUSE.test(b.ruleId)) ||
      a.file.localeCompare(b.file) ||
      sortKey(a.place)[0] - sortKey(b.place)[0] ||
      sortKey(a.place)[1] - sortKey(b.place)[1] ||
      a.ruleId.localeCompare(b.ruleId),
  );
}

/** Orders locations within a file: lines and columns, cells by row then column, pages by number. */
function sortKey(location: Location | undefined): [number, number] {
  if (!location) return [0, 0];
  if ('line' in location) return [location.line, location.column];
  if ('page' in location) return [location.page, 0];
  const match = /^([A-Z]+)(\d+)$/.exec(location.cell);
  if (!match) return [0, 0];
  const column = [...match[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return [Number(match[2]), column];
}
