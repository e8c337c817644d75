import { sortDiagnostics, type Diagnostic, type Place } from './diagnostic.ts';

function formatPlace(file: string, place: Place | undefined): string {
  return place ? `${file}:${place.line}:${place.column}` : file;
}

/**
 * Returns one diagnostic as editors read it:
 * `file:line:col  error  reason  rule-id`, then `  note: …` and `  cause: …` lines.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const lines = [`${formatPlace(d.file, d.place)}  ${d.severity}  ${d.reason}  ${d.ruleId}`];
  if (d.note) lines.push(`  note: ${d.note}`);
  if (d.cause) lines.push(`  cause: ${d.cause.reason} at ${formatPlace(d.cause.file, d.cause.place)}`);
  return lines.join('\n');
}

/** Returns all diagnostics, sorted, followed by a one-line summary. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  if (diagnostics.length === 0) return '';
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const summary = [
    errors ? `${errors} error${errors === 1 ? '' : 's'}` : '',
    warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return `${sortDiagnostics(diagnostics).map(formatDiagnostic).join('\n\n')}\n\n✖ ${summary}`;
}
