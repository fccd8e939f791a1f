// Fastify typing for Kefu: route access declarations, the caller on each request, and app dependencies.
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest, RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DatabaseHandle } from '../db/connection.js';
import type { Locale } from '../shared/locales.js';
import type { Permission } from '../shared/roles.js';
import type { ChatJobs } from '../modules/routing/jobs.js';
import type { RoutingRunner } from '../modules/routing/service.js';
import type { SlaJobs } from '../modules/sla/jobs.js';
import type { FollowUpJobs } from '../modules/followups/jobs.js';
import type { DisciplineJobs } from '../modules/discipline/jobs.js';
import type { AssistRunner } from '../modules/assist/service.js';
import type { KpiJobs } from '../modules/kpi/jobs.js';
import type { Actor } from './actor.js';
import type { Realtime } from './realtime.js';
import type { Config } from './config.js';
import type { EventBus } from './events.js';
import { AppError } from './errors.js';

/**
 * Every /api route declares who may call it (Outline's policies, enforced in one hook):
 * 'public', any signed-in staff member, or holders of one permission.
 */
export type RouteAccess = 'public' | 'authenticated' | { permission: Permission };

export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  bus: EventBus;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor | null;
    locale: Locale;
  }
  interface FastifyInstance {
    deps: AppDeps;
    realtime: Realtime;
    chatRouting: RoutingRunner;
    chatJobs: ChatJobs;
    slaJobs: SlaJobs;
    followUpJobs: FollowUpJobs;
    disciplineJobs: DisciplineJobs;
    assist: AssistRunner;
    kpiJobs: KpiJobs;
  }
}

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** The caller of a route declared 'authenticated' or with a permission; the access hook guarantees it. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated');
  return request.actor;
}
