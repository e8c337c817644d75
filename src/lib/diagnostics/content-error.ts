import type { Diagnostic } from './diagnostic.ts';
import { formatDiagnostics } from './format.ts';

/**
 * Thrown when editors' content cannot be used. Carries every diagnostic so the
 * CLI prints them all (never a stack trace) and Astro shows the same text.
 */
export class ContentError extends Error {
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    super(formatDiagnostics(diagnostics));
    this.name = 'ContentError';
    this.diagnostics = diagnostics;
    // The place that matters is in the diagnostics; frames of trainbook's own code would only bury it
    // when Astro logs an error thrown while rendering (a <Quiz> component).
    this.stack = `${this.name}: ${this.message}`;
  }
}

/** Returns true for a ContentError, also across module copies (Vite may load this file twice). */
export function isContentError(error: unknown): error is ContentError {
  return error instanceof Error && error.name === 'ContentError' && 'diagnostics' in error;
}
