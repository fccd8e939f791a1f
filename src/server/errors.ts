// The one error type of the API: a stable code from the shared catalog, its HTTP status and details.
import { errorCatalog, type ErrorCode } from '../shared/errors.js';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, details?: unknown) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get statusCode(): number {
    return errorCatalog[this.code].status;
  }
}

export function notFound(): AppError {
  return new AppError('not_found');
}
