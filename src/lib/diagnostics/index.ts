export {
  createError,
  createWarning,
  hasErrors,
  isTextPlace,
  sortDiagnostics,
  type Diagnostic,
  type Place,
  type CellPlace,
  type PagePlace,
  type Location,
  type Severity,
} from './diagnostic.ts';
export { formatDiagnostic, formatDiagnostics, formatPlace } from './format.ts';
export { ContentError, isContentError } from './content-error.ts';
export { closestMatch } from './did-you-mean.ts';
