// HTTP routes of training records and of the per-agent QA and training results shown beside their metrics.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../server/http.js';
import { idParams } from '../../shared/schemas/common.js';
import {
  agentQualityListSchema,
  agentQualitySchema,
  createTrainingSessionSchema,
  recordAttendanceSchema,
  trainingListSchema,
  trainingSessionSchema,
} from '../../shared/schemas/quality.js';
import type { QaDeps } from '../qa/service.js';
import { agentQuality, agentQualityList } from './results.js';
import * as training from './service.js';

export const trainingRoutes: FastifyPluginAsyncZod<{ deps: QaDeps }> = async (app, { deps }) => {
  const db = deps.db;

  app.get('/api/training/sessions', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['training'],
      summary: 'Training sessions with attendance and scores',
      response: { 200: trainingListSchema },
    },
    handler: (request) => training.listSessions(db, actorOf(request)),
  });

  app.post('/api/training/sessions', {
    config: { access: { permission: 'training.manage' } },
    schema: {
      tags: ['training'],
      summary: 'Record a training session (new-hire, refresher, drill, special topic)',
      body: createTrainingSessionSchema,
      response: { 201: trainingSessionSchema },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await training.createSession(db, actorOf(request), request.body)),
  });

  app.put('/api/training/sessions/:id/attendance', {
    config: { access: { permission: 'training.manage' } },
    schema: {
      tags: ['training'],
      summary: 'Attendance, assessment score and pass per person',
      params: idParams,
      body: recordAttendanceSchema,
      response: { 200: trainingSessionSchema },
    },
    handler: (request) => training.recordAttendance(db, actorOf(request), request.params.id, request.body),
  });

  app.get('/api/quality-results', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['training'],
      summary: "QA and training results per agent (mine; everyone's for supervisors and inspectors)",
      response: { 200: agentQualityListSchema },
    },
    handler: (request) => agentQualityList(deps, actorOf(request)),
  });

  app.get('/api/agents/:id/quality', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['training'],
      summary: "One agent's QA and training results (another agent's is 404 for agents)",
      params: idParams,
      response: { 200: agentQualitySchema },
    },
    handler: (request) => agentQuality(deps, actorOf(request), request.params.id),
  });
};
