/** A position in a source file, 1-based like editors show it. */
export interface Place {
  line: number;
  column: number;
}

export type Severity = 'error' | 'warning';

/**
 * One problem found in an editor's file, shaped like a vfile message so the
 * same formatter serves YAML, Markdown and CLI arguments.
 */
export interface Diagnostic {
  /** Path as the editor knows it, relative to the project root when possible. */
  file: string;
  place?: Place;
  severity: Severity;
  /** Namespaced kebab-case rule, e.g. `question/unknown-answer`. */
  ruleId: string;
  /** What is wrong: "Unexpected <found>, expected <accepted>". */
  reason: string;
  /** How to fix it: the concrete edit to make. */
  note?: string;
  /** Another place that explains this one, e.g. the first definition of a duplicate id. */
  cause?: { file: string; place?: Place; reason: string };
}

/** Returns an error diagnostic; a small factory so call sites read as sentences. */
export function createError(
  file: string,
  place: Place | undefined,
  ruleId: string,
  reason: string,
  note?: string,
): Diagnostic {
  return { file, place, severity: 'error', ruleId, reason, note };
}

/** Returns a warning diagnostic. */
export function createWarning(
  file: string,
  place: Place | undefined,
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

/** Returns diagnostics sorted by file, line and column so output is stable. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.place?.line ?? 0) - (b.place?.line ?? 0) ||
      (a.place?.column ?? 0) - (b.place?.column ?? 0) ||
      a.ruleId.localeCompare(b.ruleId),
  );
}
