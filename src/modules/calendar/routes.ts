// HTTP routes of the business calendar: read it, change its hours, its holidays and make-up days, import an .ics file.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../server/http.js';
import {
  businessCalendarSchema,
  calendarDaySchema,
  createCalendarDayBodySchema,
  icsImportResultSchema,
  importIcsBodySchema,
  updateCalendarBodySchema,
  updateCalendarDayBodySchema,
} from '../../shared/schemas/calendar.js';
import { idParams, okSchema } from '../../shared/schemas/common.js';
import { calendarPolicy } from './policy.js';
import * as calendar from './service.js';

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.database.db;
  const manage = { access: { permission: calendarPolicy.manage } };

  app.get('/api/calendar', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['calendar'],
      summary:
        "The shop's business calendar: zone, working and service hours, holidays and 调休 make-up days",
      response: { 200: businessCalendarSchema },
    },
    handler: (request) => calendar.getCalendar(db, actorOf(request)),
  });

  app.patch('/api/calendar', {
    config: manage,
    schema: {
      tags: ['calendar'],
      summary: 'Change the time zone, the weekly working hours or the daily service hours',
      body: updateCalendarBodySchema,
      response: { 200: businessCalendarSchema },
    },
    handler: (request) => calendar.updateCalendar(db, actorOf(request), request.body),
  });

  app.post('/api/calendar/days', {
    config: manage,
    schema: {
      tags: ['calendar'],
      summary: 'Add a holiday or make-up workday',
      body: createCalendarDayBodySchema,
      response: { 201: calendarDaySchema },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await calendar.createDay(db, actorOf(request), request.body)),
  });

  app.patch('/api/calendar/days/:id', {
    config: manage,
    schema: {
      tags: ['calendar'],
      summary: 'Change a holiday or make-up workday',
      params: idParams,
      body: updateCalendarDayBodySchema,
      response: { 200: calendarDaySchema },
    },
    handler: (request) => calendar.updateDay(db, actorOf(request), request.params.id, request.body),
  });

  app.delete('/api/calendar/days/:id', {
    config: manage,
    schema: {
      tags: ['calendar'],
      summary: 'Remove a holiday or make-up workday',
      params: idParams,
      response: { 200: okSchema },
    },
    handler: async (request) => {
      await calendar.deleteDay(db, actorOf(request), request.params.id);
      return { ok: true as const };
    },
  });

  app.post('/api/calendar/import', {
    config: manage,
    schema: {
      tags: ['calendar'],
      summary:
        'Import holidays and make-up days from an iCalendar (.ics) file; bad events are listed, not stored',
      body: importIcsBodySchema,
      response: { 200: icsImportResultSchema },
    },
    handler: (request) => calendar.importIcs(db, actorOf(request), request.body.content),
  });
};
