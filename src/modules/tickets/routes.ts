// HTTP routes of work orders: any signed-in staff member; what each may see and change is the module's policy.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../server/http.js';
import { idParams } from '../../shared/schemas/common.js';
import {
  assigneeChoicesSchema,
  assignWorkOrderSchema,
  createWorkOrderSchema,
  extendDeadlineSchema,
  listWorkOrdersQuerySchema,
  transitionWorkOrderSchema,
  updateWorkOrderSchema,
  workOrderDetailSchema,
  workOrderReplySchema,
  workOrderSchema,
} from '../../shared/schemas/work-orders.js';
import * as tickets from './service.js';

export const workOrderRoutes: FastifyPluginAsyncZod<{ deps: tickets.TicketDeps }> = async (app, options) => {
  const { deps } = options;
  const tags = ['work-orders'];

  app.get('/api/work-orders', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Work orders I may see, filtered by status, type, holder and overdue, with their SLA clocks',
      querystring: listWorkOrdersQuerySchema,
      response: { 200: z.object({ items: z.array(workOrderSchema) }) },
    },
    handler: async (request) => ({
      items: await tickets.listWorkOrders(deps, actorOf(request), request.query),
    }),
  });

  app.post('/api/work-orders', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Create a work order by hand or from a chat (conversationId); its SLA clocks start',
      body: createWorkOrderSchema,
      response: { 201: workOrderDetailSchema },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await tickets.createWorkOrder(deps, actorOf(request), request.body)),
  });

  app.get('/api/work-orders/assignees', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Who a work order can be handed to: active staff (names only) and departments',
      response: { 200: assigneeChoicesSchema },
    },
    handler: (request) => tickets.assigneeChoices(deps.db, actorOf(request)),
  });

  app.get('/api/work-orders/:id', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'A work order with its history, the statuses it may go to and, for complaints, the apology',
      params: idParams,
      response: { 200: workOrderDetailSchema },
    },
    handler: (request) => tickets.getWorkOrder(deps, actorOf(request), request.params.id),
  });

  app.patch('/api/work-orders/:id', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Change title, description, priority, complaint category or hand-over fields',
      params: idParams,
      body: updateWorkOrderSchema,
      response: { 200: workOrderDetailSchema },
    },
    handler: (request) => tickets.updateWorkOrder(deps, actorOf(request), request.params.id, request.body),
  });

  app.post('/api/work-orders/:id/assign', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Hand over to an agent, a department or the complaint team, with key points and a deadline',
      params: idParams,
      body: assignWorkOrderSchema,
      response: { 200: workOrderDetailSchema },
    },
    handler: (request) => tickets.assignWorkOrder(deps, actorOf(request), request.params.id, request.body),
  });

  app.post('/api/work-orders/:id/transition', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Move along the status flow; an illegal step is refused with 409 illegal_transition',
      params: idParams,
      body: transitionWorkOrderSchema,
      response: { 200: workOrderDetailSchema },
    },
    handler: (request) =>
      tickets.transitionWorkOrder(deps, actorOf(request), request.params.id, request.body),
  });

  app.post('/api/work-orders/:id/replies', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: "A reply sent into the customer's chat, or an internal note",
      params: idParams,
      body: workOrderReplySchema,
      response: { 200: workOrderDetailSchema },
    },
    handler: (request) => tickets.replyToWorkOrder(deps, actorOf(request), request.params.id, request.body),
  });

  app.post('/api/work-orders/:id/extend', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Extend the deadline: needs a reason; the customer is told the new ETA',
      params: idParams,
      body: extendDeadlineSchema,
      response: { 200: workOrderDetailSchema },
    },
    handler: (request) => tickets.extendDeadline(deps, actorOf(request), request.params.id, request.body),
  });

  app.post('/api/work-orders/:id/close', {
    config: { access: { permission: 'workorder.supervise' } },
    schema: {
      tags,
      summary:
        'A supervisor ends the loop: closes the work order whatever its status, with a reason (SPEC §6)',
      params: idParams,
      body: z.strictObject({ reason: z.string().trim().min(1).max(2000) }),
      response: { 200: workOrderDetailSchema },
    },
    handler: (request) =>
      tickets.closeWithReason(deps, actorOf(request), request.params.id, request.body.reason),
  });
};
