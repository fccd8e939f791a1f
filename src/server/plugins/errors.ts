// Turns every failure into the one error body `{ error: { code, message, details } }` in the caller's language.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { errorCatalog, errorMessage, type ErrorCode } from '../../shared/errors.js';
import { pickLocale } from '../../shared/locales.js';
import { AppError } from '../errors.js';

const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_json',
  FST_ERR_VALIDATION: 'validation_failed',
};

export function sendError(request: FastifyRequest, reply: FastifyReply, code: ErrorCode, details?: unknown) {
  const locale = request.locale ?? pickLocale(request.headers['accept-language']);
  const body = {
    error: { code, message: errorMessage(code, locale), ...(details === undefined ? {} : { details }) },
  };
  return reply.code(errorCatalog[code].status).type('application/json').send(body);
}

function classify(error: FastifyError): { code: ErrorCode; details?: unknown } {
  if (error instanceof AppError) return { code: error.code, details: error.details };
  if (hasZodFastifySchemaValidationErrors(error)) {
    return {
      code: 'validation_failed',
      details: {
        issues: error.validation.map((issue) => ({
          path: [error.validationContext, ...issue.instancePath.split('/').filter(Boolean)].filter(Boolean),
          message: issue.message,
        })),
      },
    };
  }
  const mapped = error.code ? fastifyCodes[error.code] : undefined;
  if (mapped) return { code: mapped };
  if (error.statusCode === 429) return { code: 'rate_limited' };
  if (error instanceof SyntaxError && error.statusCode === 400) return { code: 'invalid_json' };
  return { code: 'internal' };
}

export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { code, details } = classify(error);
    if (code === 'internal') request.log.error({ err: error }, 'unhandled error');
    return sendError(request, reply, code, details);
  });
});
