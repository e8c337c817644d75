export {
  createError,
  createWarning,
  hasErrors,
  sortDiagnostics,
  type Diagnostic,
  type Place,
  type Severity,
} from './diagnostic.ts';
export { formatDiagnostic, formatDiagnostics } from './format.ts';
export { ContentError, isContentError } from './content-error.ts';
export { closestMatch } from './did-you-mean.ts';
