// Follow-up 回访 and feedback (SPEC §6): follow-up rules and tasks, questionnaires with their one-time links and
// answers, customer suggestions, and the customer profile's contacts, tags, VIP level and merges.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('customers').addColumn('email', 'text').execute();
  await db.schema
    .alterTable('customers')
    .addColumn('vip_level', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('customers')
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  // A profile merged into another points at it; its chats, calls and orders stay where they are and are read
  // through the surviving profile.
  await db.schema.alterTable('customers').addColumn('merged_into', 'text').execute();

  await db.schema
    .createTable('follow_up_rules')
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('delay_amount', 'integer', (c) => c.notNull())
    .addColumn('owner_mode', 'text', (c) => c.notNull())
    .addColumn('owner_user_id', 'text')
    .addColumn('min_vip_level', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('follow_up_rules_pk', ['shop_id', 'kind'])
    .execute();

  await db.schema
    .createTable('follow_up_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('origin_key', 'text')
    .addColumn('customer_id', 'text')
    .addColumn('work_order_id', 'text')
    .addColumn('conversation_id', 'text')
    .addColumn('owner_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('overdue_at', 'bigint')
    .addColumn('completed_at', 'bigint')
    .addColumn('completed_by', 'text')
    .addColumn('reached', 'integer')
    .addColumn('satisfaction', 'text')
    .addColumn('new_problems', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('suggestion', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('follow_up_tasks_origin_unique')
    .on('follow_up_tasks')
    .columns(['shop_id', 'origin_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('follow_up_tasks_due_idx')
    .on('follow_up_tasks')
    .columns(['status', 'overdue_at', 'due_at'])
    .execute();
  await db.schema
    .createIndex('follow_up_tasks_customer_idx')
    .on('follow_up_tasks')
    .columns(['shop_id', 'customer_id'])
    .execute();

  await db.schema
    .createTable('questionnaires')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('intro', 'text', (c) => c.notNull())
    .addColumn('questions', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('survey_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('questionnaire_id', 'text')
    .addColumn('work_order_id', 'text')
    .addColumn('customer_id', 'text')
    .addColumn('recipient', 'text', (c) => c.notNull())
    // kind:questionnaire-or-work-order:recipient, unique: one link per survey and recipient
    .addColumn('recipient_key', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('answered_at', 'bigint')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  // Once per recipient: one link per questionnaire (or work order) and recipient.
  await db.schema
    .createIndex('survey_links_recipient_unique')
    .on('survey_links')
    .columns(['shop_id', 'recipient_key'])
    .unique()
    .execute();

  await db.schema
    .createTable('survey_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('link_id', 'text', (c) => c.notNull().unique().references('survey_links.id'))
    .addColumn('questionnaire_id', 'text')
    .addColumn('work_order_id', 'text')
    .addColumn('customer_id', 'text')
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('satisfaction', 'text')
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('suggestions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('customer_id', 'text')
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('resolution', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('resolved_by', 'text')
    .addColumn('resolved_at', 'bigint')
    .addColumn('customer_notice', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('suggestions_shop_status_idx')
    .on('suggestions')
    .columns(['shop_id', 'status', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'suggestions',
    'survey_answers',
    'survey_links',
    'questionnaires',
    'follow_up_tasks',
    'follow_up_rules',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  for (const column of ['merged_into', 'tags', 'vip_level', 'email']) {
    await db.schema.alterTable('customers').dropColumn(column).execute();
  }
}
