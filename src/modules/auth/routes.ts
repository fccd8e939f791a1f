// HTTP routes of sign-in, sign-out and the current session.
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../server/http.js';
import { loginBodySchema, sessionSchema, updateMyPreferencesBodySchema } from '../../shared/schemas/auth.js';
import { okSchema } from '../../shared/schemas/common.js';
import { describeSession, login, logout, setPreferredLocale } from './service.js';

export const sessionCookieName = 'kefu_session';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config, database } = app.deps;
  const db = database.db;

  const clearCookie = (reply: FastifyReply) =>
    reply.clearCookie(sessionCookieName, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.cookieSecure,
    });

  app.post('/api/auth/login', {
    config: {
      access: 'public',
      rateLimit: {
        max: config.loginRateLimit,
        timeWindow: 60_000,
        keyGenerator: (request) => {
          const body = request.body as { login?: unknown } | undefined;
          const name = typeof body?.login === 'string' ? body.login.trim().toLowerCase() : '';
          return `login:${request.ip}:${name}`;
        },
      },
    },
    schema: {
      tags: ['auth'],
      summary: 'Sign in with login and password; sets the httpOnly session cookie',
      security: [],
      body: loginBodySchema,
      response: { 200: sessionSchema },
    },
    handler: async (request, reply) => {
      const result = await login(db, { ...request.body, ip: request.ip, ttlMs: config.sessionTtlMs });
      reply.setCookie(sessionCookieName, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.cookieSecure,
        signed: true,
        maxAge: Math.floor(config.sessionTtlMs / 1000),
      });
      return result.session;
    },
  });

  app.post('/api/auth/logout', {
    config: { access: 'authenticated' },
    schema: { tags: ['auth'], summary: 'Sign out and end the session', response: { 200: okSchema } },
    handler: async (request, reply) => {
      await logout(db, actorOf(request));
      clearCookie(reply);
      return { ok: true as const };
    },
  });

  app.get('/api/auth/session', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['auth'],
      summary: 'The signed-in user, their shop and permissions, and the CSRF token',
      response: { 200: sessionSchema },
    },
    handler: (request) => describeSession(db, actorOf(request)),
  });

  app.patch('/api/auth/preferences', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['auth'],
      summary: "Change the signed-in user's interface language",
      body: updateMyPreferencesBodySchema,
      response: { 200: sessionSchema },
    },
    handler: (request) => setPreferredLocale(db, actorOf(request), request.body.locale),
  });
};
