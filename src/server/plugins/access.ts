// One hook decides who may call each route: session from the cookie, permission, CSRF, caller's language.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { sessionCookieName } from '../../modules/auth/routes.js';
import { resolveSession } from '../../modules/auth/service.js';
import { pickLocale } from '../../shared/locales.js';
import { AppError } from '../errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sessionToken(request: FastifyRequest): string | null {
  const raw = request.cookies[sessionCookieName];
  if (!raw) return null;
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid && unsigned.value ? unsigned.value : null;
}

function csrfMatches(request: FastifyRequest, expected: string): boolean {
  const sent = request.headers['x-csrf-token'];
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const accessPlugin = fp(async (app: FastifyInstance) => {
  const { database, config } = app.deps;
  app.decorateRequest('actor', null);
  app.decorateRequest('locale', 'zh-CN');

  // A route under /api without a declared access rule is a programming error: refuse to start.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && !route.config?.access) {
      throw new Error(`route ${String(route.method)} ${route.url} declares no access rule`);
    }
  });

  app.addHook('onRequest', async (request) => {
    request.locale = pickLocale(request.headers['accept-language']);
    const access = request.routeOptions.config.access;
    if (!access || access === 'public') return;

    const token = sessionToken(request);
    request.actor = token ? await resolveSession(database.db, token, request.ip, config.sessionTtlMs) : null;
    if (!request.actor) throw new AppError('unauthenticated');
    request.locale = pickLocale(request.headers['accept-language'], request.actor.locale);
    if (typeof access === 'object' && !request.actor.permissions.has(access.permission)) {
      throw new AppError('forbidden');
    }
    if (!SAFE_METHODS.has(request.method) && !csrfMatches(request, request.actor.csrfToken)) {
      throw new AppError('csrf_failed');
    }
  });
});
