// Knowledge base 知识库 and smart service (SPEC §10, seed 002 §3–4): entries with phrasings, validity and review
// dates; reply templates awaiting approval; FAQ auto-answers with the customer's reaction; classifications of
// conversations and the agents' corrections the classifier retrains from.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('knowledge_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('phrasings', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'bigint')
    .addColumn('valid_until', 'bigint')
    .addColumn('owner_id', 'text')
    .addColumn('next_review_at', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('knowledge_entries_shop_idx')
    .on('knowledge_entries')
    .columns(['shop_id', 'updated_at'])
    .execute();

  await db.schema
    .createTable('reply_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('shortcut', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'bigint')
    .addColumn('review_note', 'text')
    .addColumn('quick_reply_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reply_templates_shop_idx')
    .on('reply_templates')
    .columns(['shop_id', 'status'])
    .execute();

  await db.schema
    .createTable('assist_auto_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('question_message_id', 'text', (c) => c.notNull())
    .addColumn('answer_message_id', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'text', (c) => c.notNull())
    .addColumn('question_text', 'text', (c) => c.notNull())
    .addColumn('posterior_permille', 'integer', (c) => c.notNull())
    .addColumn('reaction', 'text')
    .addColumn('reacted_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('assist_auto_answers_question_unique', ['question_message_id'])
    .execute();
  await db.schema
    .createIndex('assist_auto_answers_shop_idx')
    .on('assist_auto_answers')
    .columns(['shop_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('assist_auto_answers_conversation_idx')
    .on('assist_auto_answers')
    .columns(['conversation_id'])
    .execute();

  await db.schema
    .createTable('assist_classifications')
    .addColumn('conversation_id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('problem_type', 'text', (c) => c.notNull())
    .addColumn('complaint_category', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('confidence_permille', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('assist_corrections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('problem_type', 'text', (c) => c.notNull())
    .addColumn('complaint_category', 'text')
    .addColumn('agent_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('assist_corrections_shop_idx')
    .on('assist_corrections')
    .columns(['shop_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'assist_corrections',
    'assist_classifications',
    'assist_auto_answers',
    'reply_templates',
    'knowledge_entries',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
