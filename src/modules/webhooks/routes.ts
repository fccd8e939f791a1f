// HTTP routes of the shop's webhook signing secrets (admins): see, rotate, retire the previous one.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../server/http.js';
import { rotatedWebhookSecretSchema, webhookSecretsSchema } from '../../shared/schemas/webhooks.js';
import { shopPolicy } from '../shops/policy.js';
import { retirePreviousWebhookSecret, rotateWebhookSecret, webhookSecretStatus } from './service.js';

export const webhookSecretRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;
  const access = { permission: shopPolicy.manage };

  app.get('/api/webhook-secrets', {
    config: { access },
    schema: {
      tags: ['webhooks'],
      summary: 'The webhook signing secrets (hints only): current and, during a rotation, previous',
      response: { 200: webhookSecretsSchema },
    },
    handler: (request) => webhookSecretStatus(db, actorOf(request)),
  });

  app.post('/api/webhook-secrets/rotate', {
    config: { access },
    schema: {
      tags: ['webhooks'],
      summary: 'Make a new current secret (shown once); the old one stays accepted as previous',
      response: { 201: rotatedWebhookSecretSchema },
    },
    handler: async (request, reply) => reply.code(201).send(await rotateWebhookSecret(db, actorOf(request))),
  });

  app.delete('/api/webhook-secrets/previous', {
    config: { access },
    schema: {
      tags: ['webhooks'],
      summary: 'Stop accepting the previous secret (end of a rotation)',
      response: { 200: webhookSecretsSchema },
    },
    handler: (request) => retirePreviousWebhookSecret(db, actorOf(request)),
  });
};
