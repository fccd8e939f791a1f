// HTTP routes of agents, groups and departments (admin settings).
import { z } from 'zod';
import { auditActorOf } from '../../server/actor.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../server/http.js';
import { idParams, okSchema } from '../../shared/schemas/common.js';
import {
  agentSchema,
  createAgentBodySchema,
  createDepartmentBodySchema,
  createGroupBodySchema,
  departmentSchema,
  groupSchema,
  listAgentsQuerySchema,
  resetPasswordBodySchema,
  updateAgentBodySchema,
  updateDepartmentBodySchema,
  updateGroupBodySchema,
} from '../../shared/schemas/team.js';
import { teamPolicy } from './policy.js';
import * as team from './service.js';

const read = { access: { permission: teamPolicy.read } } as const;
const manage = { access: { permission: teamPolicy.manage } } as const;

export const teamRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;

  app.get('/api/agents', {
    config: read,
    schema: {
      tags: ['team'],
      summary: 'List the agents (staff accounts) of the shop',
      querystring: listAgentsQuerySchema,
      response: { 200: z.object({ items: z.array(agentSchema) }) },
    },
    handler: async (request) => ({ items: await team.listAgents(db, actorOf(request), request.query) }),
  });

  app.post('/api/agents', {
    config: manage,
    schema: {
      tags: ['team'],
      summary: 'Create an agent; without groupIds an agent joins the pre-sale group',
      body: createAgentBodySchema,
      response: { 201: agentSchema },
    },
    handler: async (request, reply) => {
      reply.code(201);
      return team.createAgent(db, actorOf(request), request.body);
    },
  });

  app.get('/api/agents/:id', {
    config: read,
    schema: { tags: ['team'], summary: 'One agent', params: idParams, response: { 200: agentSchema } },
    handler: (request) => team.getAgent(db, actorOf(request), request.params.id),
  });

  app.patch('/api/agents/:id', {
    config: manage,
    schema: {
      tags: ['team'],
      summary: "Change an agent's profile, role, groups, department, chat cap or status",
      params: idParams,
      body: updateAgentBodySchema,
      response: { 200: agentSchema },
    },
    handler: (request) => team.updateAgent(db, actorOf(request), request.params.id, request.body),
  });

  app.post('/api/agents/:id/password', {
    config: manage,
    schema: {
      tags: ['team'],
      summary: 'Set a new password for an agent',
      params: idParams,
      body: resetPasswordBodySchema,
      response: { 200: okSchema },
    },
    handler: async (request) => {
      await team.resetPassword(db, actorOf(request), request.params.id, request.body.password);
      return { ok: true as const };
    },
  });

  app.get('/api/groups', {
    config: read,
    schema: {
      tags: ['team'],
      summary: 'List the duty groups (pre-sale, in-sale, after-sale) with member counts',
      response: { 200: z.object({ items: z.array(groupSchema) }) },
    },
    handler: async (request) => ({ items: await team.listGroups(db, actorOf(request)) }),
  });

  app.post('/api/groups', {
    config: manage,
    schema: {
      tags: ['team'],
      summary: 'Create a duty group (one per kind)',
      body: createGroupBodySchema,
      response: { 201: groupSchema },
    },
    handler: async (request, reply) => {
      reply.code(201);
      return team.createGroup(db, auditActorOf(actorOf(request)), request.body);
    },
  });

  app.patch('/api/groups/:id', {
    config: manage,
    schema: {
      tags: ['team'],
      summary: 'Rename a group',
      params: idParams,
      body: updateGroupBodySchema,
      response: { 200: groupSchema },
    },
    handler: (request) => team.renameGroup(db, actorOf(request), request.params.id, request.body.name),
  });

  app.delete('/api/groups/:id', {
    config: manage,
    schema: {
      tags: ['team'],
      summary: 'Delete an empty group other than pre-sale',
      params: idParams,
      response: { 200: okSchema },
    },
    handler: async (request) => {
      await team.deleteGroup(db, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  });

  app.get('/api/departments', {
    config: read,
    schema: {
      tags: ['team'],
      summary: 'List departments that receive transferred work (warehouse, logistics, product…)',
      response: { 200: z.object({ items: z.array(departmentSchema) }) },
    },
    handler: async (request) => ({ items: await team.listDepartments(db, actorOf(request)) }),
  });

  app.post('/api/departments', {
    config: manage,
    schema: {
      tags: ['team'],
      summary: 'Create a department',
      body: createDepartmentBodySchema,
      response: { 201: departmentSchema },
    },
    handler: async (request, reply) => {
      reply.code(201);
      return team.createDepartment(db, auditActorOf(actorOf(request)), request.body);
    },
  });

  app.patch('/api/departments/:id', {
    config: manage,
    schema: {
      tags: ['team'],
      summary: 'Change a department',
      params: idParams,
      body: updateDepartmentBodySchema,
      response: { 200: departmentSchema },
    },
    handler: (request) => team.updateDepartment(db, actorOf(request), request.params.id, request.body),
  });

  app.delete('/api/departments/:id', {
    config: manage,
    schema: {
      tags: ['team'],
      summary: 'Delete a department without members',
      params: idParams,
      response: { 200: okSchema },
    },
    handler: async (request) => {
      await team.deleteDepartment(db, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  });
};
