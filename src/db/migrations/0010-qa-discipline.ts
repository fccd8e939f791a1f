// Quality inspection 质检 (scorecards, weekly samples, inspections, appeals), the discipline points ledger, daily
// data reports, shift hand-overs and training records (SPEC §1, §8, §9, §10).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('qa_settings')
    .addColumn('shop_id', 'text', (c) => c.primaryKey().references('shops.id'))
    .addColumn('chats_per_agent', 'integer', (c) => c.notNull())
    .addColumn('calls_per_agent', 'integer', (c) => c.notNull())
    .addColumn('first_reply_limit_seconds', 'integer', (c) => c.notNull())
    .addColumn('long_chat_messages', 'integer', (c) => c.notNull())
    .addColumn('forbidden_words', 'text', (c) => c.notNull())
    .addColumn('greeting_words', 'text', (c) => c.notNull())
    .addColumn('appeal_workdays', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  // A scorecard version is never changed once saved; editing a card saves the next version.
  await db.schema
    .createTable('qa_scorecards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('qa_scorecards_version_unique', ['shop_id', 'version'])
    .execute();

  await db.schema
    .createTable('qa_samples')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('agent_id', 'text', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('prechecks', 'text', (c) => c.notNull())
    .addColumn('subject_at', 'bigint', (c) => c.notNull())
    .addColumn('inspection_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('qa_samples_subject_unique', ['shop_id', 'subject_kind', 'subject_id'])
    .execute();
  await db.schema
    .createIndex('qa_samples_week_idx')
    .on('qa_samples')
    .columns(['shop_id', 'week', 'agent_id'])
    .execute();

  await db.schema
    .createTable('qa_inspections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('sample_id', 'text', (c) => c.notNull().unique())
    .addColumn('agent_id', 'text', (c) => c.notNull())
    .addColumn('inspector_id', 'text', (c) => c.notNull())
    .addColumn('scorecard_id', 'text', (c) => c.notNull().references('qa_scorecards.id'))
    .addColumn('scores', 'text', (c) => c.notNull())
    .addColumn('comments', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('score_tenths', 'integer', (c) => c.notNull())
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('table_points_tenths', 'integer', (c) => c.notNull())
    .addColumn('points_tenths', 'integer', (c) => c.notNull())
    .addColumn('ledger_entry_id', 'text')
    .addColumn('appeal_due_at', 'bigint', (c) => c.notNull())
    .addColumn('inspected_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('qa_inspections_agent_idx')
    .on('qa_inspections')
    .columns(['shop_id', 'agent_id', 'week'])
    .execute();

  await db.schema
    .createTable('discipline_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('agent_points_tenths', 'integer', (c) => c.notNull())
    .addColumn('supervisor_points_tenths', 'integer', (c) => c.notNull())
    .addColumn('double_from', 'integer')
    .addColumn('threshold', 'integer')
    .addColumn('automatic', 'integer', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('discipline_rules_key_unique', ['shop_id', 'key'])
    .execute();

  // Append-only: a reversal is a new row with negative points; the unique key makes detection idempotent.
  await db.schema
    .createTable('discipline_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('rule_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('points_tenths', 'integer', (c) => c.notNull())
    .addColumn('base_points_tenths', 'integer', (c) => c.notNull())
    .addColumn('repeat_no', 'integer', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'bigint', (c) => c.notNull())
    .addColumn('evidence_kind', 'text', (c) => c.notNull())
    .addColumn('evidence_id', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('reverses_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('discipline_entries_dedupe_unique', ['shop_id', 'dedupe_key'])
    .execute();
  await db.schema
    .createIndex('discipline_entries_user_month_idx')
    .on('discipline_entries')
    .columns(['shop_id', 'user_id', 'month'])
    .execute();

  // Appeals of inspections and of ledger entries; decided ones stay as the history.
  await db.schema
    .createTable('appeals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('decided_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('appeals_subject_unique', ['shop_id', 'subject_kind', 'subject_id'])
    .execute();

  await db.schema
    .createTable('daily_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('daily_reports_day_unique', ['shop_id', 'user_id', 'day'])
    .execute();

  await db.schema
    .createTable('handovers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('from_user_id', 'text', (c) => c.notNull())
    .addColumn('to_user_id', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('acknowledged_by', 'text')
    .addColumn('acknowledged_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('handovers_shop_idx')
    .on('handovers')
    .columns(['shop_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('training_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('trainer', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('training_attendance')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('shops.id'))
    .addColumn('session_id', 'text', (c) => c.notNull().references('training_sessions.id'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('attended', 'integer', (c) => c.notNull())
    .addColumn('score', 'integer')
    .addColumn('passed', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('training_attendance_unique', ['session_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'training_attendance',
    'training_sessions',
    'handovers',
    'daily_reports',
    'appeals',
    'discipline_entries',
    'discipline_rules',
    'qa_inspections',
    'qa_samples',
    'qa_scorecards',
    'qa_settings',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
