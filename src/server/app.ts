// Builds the Fastify application from its parts; used by start-up and by the integration tests (app.inject).
import Fastify, { type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { Redis } from 'ioredis';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DatabaseHandle } from '../db/connection.js';
import { auditRoutes } from '../modules/audit/routes.js';
import { authRoutes } from '../modules/auth/routes.js';
import { shopRoutes } from '../modules/shops/routes.js';
import { teamRoutes } from '../modules/team/routes.js';
import { conversationRoutes } from '../modules/conversations/routes.js';
import { presenceRoutes } from '../modules/presence/routes.js';
import { attachmentRoutes } from '../modules/attachments/routes.js';
import { replyRoutes } from '../modules/replies/routes.js';
import { startChatJobs } from '../modules/routing/jobs.js';
import { startRouting } from '../modules/routing/service.js';
import { widgetRoutes } from '../modules/widget/routes.js';
import { startSlaJobs } from '../modules/sla/jobs.js';
import { publishSlaEvents } from '../modules/sla/realtime.js';
import { slaRoutes } from '../modules/sla/routes.js';
import type { SlaDeps } from '../modules/sla/service.js';
import { startWorkOrderListeners } from '../modules/tickets/jobs.js';
import { publishWorkOrderEvents } from '../modules/tickets/realtime.js';
import { workOrderRoutes } from '../modules/tickets/routes.js';
import { ownerOfOrderSubject } from '../modules/tickets/service.js';
import { calendarRoutes } from '../modules/calendar/routes.js';
import { callRoutes } from '../modules/calls/routes.js';
import { orderRoutes } from '../modules/orders/routes.js';
import { webhookSecretRoutes } from '../modules/webhooks/routes.js';
import { getBusinessCalendar } from '../modules/calendar/service.js';
import { startFollowUpJobs } from '../modules/followups/jobs.js';
import { followUpRoutes } from '../modules/followups/routes.js';
import { feedbackRoutes } from '../modules/csat/routes.js';
import { customerRoutes } from '../modules/customers/routes.js';
import { qaRoutes } from '../modules/qa/routes.js';
import { disciplineRoutes } from '../modules/discipline/routes.js';
import { startDisciplineJobs } from '../modules/discipline/jobs.js';
import type { QaDeps } from '../modules/qa/service.js';
import { handoverRoutes } from '../modules/handover/routes.js';
import { trainingRoutes } from '../modules/training/routes.js';
import { assistRoutes } from '../modules/assist/routes.js';
import { startAssist, type AssistDeps } from '../modules/assist/service.js';
import { knowledgeRoutes } from '../modules/knowledge/routes.js';
import { startKpiJobs } from '../modules/kpi/jobs.js';
import { metricsRoutes } from '../modules/kpi/routes.js';
import { publishWallboard } from '../modules/kpi/realtime.js';
import { rooms } from '../modules/conversations/realtime.js';
import { reportRoutes } from '../modules/reports/routes.js';
import { startScheduledReports } from '../modules/reports/service.js';
import { EventBus } from './events.js';
import { attachRealtime } from './realtime.js';
import type { Config } from './config.js';
import { AppError } from './errors.js';
import type { App } from './http.js';
import { accessPlugin } from './plugins/access.js';
import { demoShopPlugin } from './plugins/demo-shop.js';
import { errorsPlugin } from './plugins/errors.js';
import { healthPlugin } from './plugins/health.js';
import { openapiPlugin } from './plugins/openapi.js';
import { securityPlugin } from './plugins/security.js';
import { webPlugin } from './plugins/web.js';

export interface BuildAppOptions {
  config: Config;
  database: DatabaseHandle;
  sessionSecret: string;
  redis?: Redis | undefined;
  webRoot?: string;
  logger?: FastifyServerOptions['logger'];
  /** How often queues are re-checked and idle agents flagged (default 10 s) */
  jobIntervalMs?: number;
  /** The clock of SLA and work-order time (tests drive it; default Date.now) */
  clock?: () => number;
}

/** Request bodies above this are refused with 413 (chat images go through their own upload route). */
const BODY_LIMIT = 256 * 1024;

export async function buildApp(options: BuildAppOptions): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const bus = new EventBus();
  app.decorate('deps', { config: options.config, database: options.database, bus });

  await app.register(errorsPlugin);
  await app.register(securityPlugin);
  await app.register(cookie, { secret: options.sessionSecret });
  await app.register(rateLimit, {
    global: false,
    // After parsing, so a limit can key on the login being tried, not only the address.
    hook: 'preHandler',
    ...(options.redis ? { redis: options.redis, nameSpace: 'kefu-rate-limit:' } : {}),
    // A Redis outage must not lock everyone out.
    skipOnError: true,
    errorResponseBuilder: () => new AppError('rate_limited'),
  });
  await app.register(openapiPlugin);
  await app.register(accessPlugin);

  await app.register(authRoutes);
  await app.register(shopRoutes);
  await app.register(teamRoutes);
  await app.register(auditRoutes);
  await app.register(widgetRoutes);
  await app.register(conversationRoutes);
  await app.register(presenceRoutes);
  await app.register(replyRoutes);
  await app.register(attachmentRoutes);
  const slaDeps: SlaDeps = {
    db: options.database.db,
    bus,
    now: options.clock ?? Date.now,
    calendarOf: getBusinessCalendar,
    subjectOwner: ownerOfOrderSubject,
  };
  await app.register(slaRoutes);
  await app.register(workOrderRoutes, { deps: slaDeps });
  await app.register(calendarRoutes);
  await app.register(webhookSecretRoutes);
  await app.register(callRoutes);
  await app.register(orderRoutes);
  await app.register(followUpRoutes, { deps: slaDeps });
  await app.register(feedbackRoutes, { deps: slaDeps });
  await app.register(customerRoutes, { deps: slaDeps });
  const qaDeps: QaDeps = {
    db: options.database.db,
    bus,
    now: options.clock ?? Date.now,
    calendarOf: getBusinessCalendar,
  };
  await app.register(qaRoutes, { deps: qaDeps });
  await app.register(disciplineRoutes, { deps: qaDeps });
  await app.register(handoverRoutes);
  await app.register(trainingRoutes, { deps: qaDeps });
  const assistDeps: AssistDeps = { db: options.database.db, bus, llm: options.config.assistLlm };
  await app.register(knowledgeRoutes);
  await app.register(assistRoutes, { deps: assistDeps });
  await app.register(metricsRoutes);
  await app.register(reportRoutes);

  const routing = startRouting({
    db: options.database.db,
    bus,
    onError: (error) => app.log.error({ err: error }, 'routing failed'),
  });
  const realtime = attachRealtime(app, {
    config: options.config,
    database: options.database,
    bus,
    redis: options.redis,
  });
  const jobs = startChatJobs({
    db: options.database.db,
    bus,
    routing,
    intervalMs: options.jobIntervalMs ?? 10_000,
    onError: (error) => app.log.error({ err: error }, 'chat jobs failed'),
  });
  const slaJobs = startSlaJobs(slaDeps, {
    intervalMs: options.jobIntervalMs ?? 10_000,
    onError: (error) => app.log.error({ err: error }, 'sla jobs failed'),
  });
  const stopWorkOrderListeners = startWorkOrderListeners(slaDeps, (error) =>
    app.log.error({ err: error }, 'work orders from order events failed'),
  );
  const followUpJobs = startFollowUpJobs(slaDeps, {
    intervalMs: options.jobIntervalMs ?? 10_000,
    onError: (error) => app.log.error({ err: error }, 'follow-up jobs failed'),
  });
  const assist = startAssist(assistDeps, (error) => app.log.error({ err: error }, 'assist failed'));
  const kpiJobs = startKpiJobs({
    db: options.database.db,
    bus,
    now: options.clock ?? Date.now,
    calendarOf: (shopId) => getBusinessCalendar(options.database.db, shopId),
    onError: (error) => app.log.error({ err: error }, 'metrics roll-ups failed'),
  });
  app.decorate('kpiJobs', kpiJobs);
  const monthlyReports = startScheduledReports({
    db: options.database.db,
    now: options.clock ?? Date.now,
    intervalMs: 3_600_000,
    onError: (error) => app.log.error({ err: error }, 'scheduled reports failed'),
  });
  const agentNamespace = realtime.io.of('/agent') as never;
  const stopSlaPush = publishSlaEvents(bus, agentNamespace);
  const stopWorkOrderPush = publishWorkOrderEvents(bus, agentNamespace);
  // The discipline sweep runs every 30 job intervals (5 minutes by default); follow-up events are recorded at once.
  const disciplineJobs = startDisciplineJobs(qaDeps, {
    intervalMs: (options.jobIntervalMs ?? 10_000) * 30,
    onError: (error) => app.log.error({ err: error }, 'discipline detection failed'),
  });
  app.decorate('disciplineJobs', disciplineJobs);
  const stopWallboardPush = publishWallboard({
    db: options.database.db,
    bus,
    jobs: kpiJobs,
    now: options.clock ?? Date.now,
    agents: agentNamespace,
    onError: (error) => app.log.error({ err: error }, 'wallboard push failed'),
    watched: (shopId) => realtime.mayReach('/agent', rooms.overseers(shopId)),
  });
  app.decorate('slaJobs', slaJobs);
  app.decorate('chatRouting', routing);
  app.decorate('chatJobs', jobs);
  app.decorate('realtime', realtime);
  app.decorate('followUpJobs', followUpJobs);
  app.decorate('assist', assist);
  // Sockets go first, so that closing the HTTP server is not held open by them.
  app.addHook('preClose', async () => {
    await jobs.stop();
    await slaJobs.stop();
    await disciplineJobs.stop();
    await stopWorkOrderListeners();
    await kpiJobs.stop();
    monthlyReports.stop();
    stopSlaPush();
    stopWorkOrderPush();
    await followUpJobs.stop();
    await assist.stop();
    stopWallboardPush();
    routing.stop();
    await routing.idle();
    await realtime.close();
  });

  await app.register(
    healthPlugin,
    options.redis
      ? {
          pingRedis: async () => void (await options.redis?.ping()),
          // Redis answering is not enough: the Socket.IO adapter's own connections must be up too.
          checkAdapter: async () => {
            if (!realtime.adapterReady()) throw new Error('Socket.IO adapter not connected');
          },
        }
      : {},
  );
  await app.register(demoShopPlugin);
  await app.register(webPlugin, { webRoot: options.webRoot ?? 'web/dist' });
  return app;
}
