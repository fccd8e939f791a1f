// HTTP routes of the customer profile: search, the profile with its timeline, the audited reveal of contacts,
// contacts / tags / VIP level, and merging two profiles.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/http.js';
import { idParams } from '../../shared/schemas/common.js';
import {
  customerContactSchema,
  customerProfileSchema,
  customerSearchQuerySchema,
  customerSummarySchema,
  mergeCustomersSchema,
  updateCustomerSchema,
} from '../../shared/schemas/customers.js';
import type { FollowUpDeps } from '../followups/service.js';
import { followUpPolicy } from '../followups/policy.js';
import * as profiles from './profile.js';

export const customerRoutes: FastifyPluginAsyncZod<{ deps: FollowUpDeps }> = async (app, options) => {
  const { deps } = options;
  const tags = ['customers'];

  app.get('/api/customer-search', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Find customers by name, phone, e-mail, member id or order number (contacts masked)',
      querystring: customerSearchQuerySchema,
      response: { 200: z.object({ items: z.array(customerSummarySchema) }) },
    },
    handler: async (request) => ({
      items: await profiles.searchCustomers(deps.db, actorOf(request), request.query.q),
    }),
  });

  app.get('/api/customers/:id/profile', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary:
        'The customer profile: masked contacts, tags, VIP level, orders and the timeline of every contact',
      params: idParams,
      response: { 200: customerProfileSchema },
    },
    handler: (request) => profiles.getProfile(deps, actorOf(request), request.params.id),
  });

  app.post('/api/customers/:id/reveal', {
    config: { access: { permission: 'customer.reveal_contact' } },
    schema: {
      tags,
      summary: 'The unmasked phone and e-mail of a customer (audited)',
      params: idParams,
      response: { 200: customerContactSchema },
    },
    handler: (request) => profiles.revealContact(deps.db, actorOf(request), request.params.id),
  });

  app.patch('/api/customers/:id', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Change contacts, tags or VIP level of a customer',
      params: idParams,
      body: updateCustomerSchema,
      response: { 200: customerProfileSchema },
    },
    handler: (request) => profiles.updateCustomer(deps, actorOf(request), request.params.id, request.body),
  });

  app.post('/api/customers/:id/merge', {
    config: { access: { permission: followUpPolicy.supervise } },
    schema: {
      tags,
      summary: 'Merge another profile of the same person into this one; every item of both is kept',
      params: idParams,
      body: mergeCustomersSchema,
      response: { 200: customerProfileSchema },
    },
    handler: (request) =>
      profiles.mergeCustomers(deps, actorOf(request), request.params.id, request.body.sourceId),
  });
};
