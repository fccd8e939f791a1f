// The OpenAPI document at /openapi.json and Swagger UI at /docs, generated from the routes' Zod schemas.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { errorBodySchema } from '../../shared/schemas/common.js';

/** Error answers every /api route can give, added to each route so the document shows them. */
const commonErrors = [400, 401, 403, 404, 409, 413, 415, 429] as const;

export const openapiPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || !route.schema) return;
    const response = (route.schema.response ?? {}) as Record<number, unknown>;
    for (const status of commonErrors) response[status] ??= errorBodySchema;
    route.schema.response = response;
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Kefu 客服 API',
        version: '0.1.0',
        description:
          'Customer-service system for e-commerce merchants. Sign in with POST /api/auth/login; the session ' +
          'is an httpOnly cookie, and every POST/PATCH/PUT/DELETE must send the x-csrf-token header from the ' +
          'session. Errors are { error: { code, message, details } } with the message in the language of ' +
          'Accept-Language (zh-CN or en).',
      },
      components: {
        securitySchemes: { sessionCookie: { type: 'apiKey', in: 'cookie', name: 'kefu_session' } },
      },
      security: [{ sessionCookie: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
});
