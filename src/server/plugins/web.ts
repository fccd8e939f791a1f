// Serves the built web app (web/dist) and answers unknown non-API paths with its index.html (client routing).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { sendError } from './errors.js';

const API_PREFIXES = ['/api/', '/openapi.json', '/docs', '/healthz', '/readyz'];

export const webPlugin = fp(async (app: FastifyInstance, options: { webRoot: string }) => {
  const root = resolve(options.webRoot);
  const built = existsSync(resolve(root, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, { root, wildcard: false, index: false, maxAge: '1h' });
  }

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const wantsPage = request.method === 'GET' && !API_PREFIXES.some((prefix) => path.startsWith(prefix));
    if (!wantsPage) return sendError(request, reply, 'not_found');
    if (!built) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The web app is not built yet: run `npm run build` (npm start does it for you).');
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
});
