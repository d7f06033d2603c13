import type { MigrationInterface, QueryRunner } from 'typeorm';
import { KNOWLEDGE_SEED } from '../knowledge/knowledge-seed';

/** Agents, ownership, SLAs, knowledge base, after-sales, disputes, review incidents, quality, surveys. */
export class ServiceDesk1733100000000 implements MigrationInterface {
  name = 'ServiceDesk1733100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sql = (text: string, params?: unknown[]) => queryRunner.query(text, params);
    await sql(`CREATE TABLE agent (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(), code text NOT NULL UNIQUE, name text NOT NULL,
      skills text[] NOT NULL DEFAULT '{}', capacity integer NOT NULL CHECK (capacity >= 0), active boolean NOT NULL DEFAULT true,
      open_conversations integer NOT NULL DEFAULT 0 CHECK (open_conversations >= 0), last_assigned_at timestamptz)`);
    // Which member a platform account belongs to, and the member's tier (from membership's events).
    await sql(`CREATE TABLE buyer (platform text NOT NULL, platform_user_id text NOT NULL, member_id uuid, PRIMARY KEY (platform, platform_user_id))`);
    await sql(`CREATE INDEX buyer_member ON buyer (member_id)`);
    await sql(`CREATE TABLE member_tier (member_id uuid PRIMARY KEY, tier_code text NOT NULL, dedicated_agent_id uuid REFERENCES agent(id))`);

    await sql(`UPDATE conversation SET status = upper(status)`);
    await sql(`ALTER TABLE conversation
      ALTER COLUMN status SET DEFAULT 'OPEN',
      ADD CONSTRAINT conversation_status CHECK (status IN ('OPEN', 'PENDING', 'SNOOZED', 'RESOLVED', 'CLOSED')),
      ADD COLUMN member_id uuid, ADD COLUMN order_id text, ADD COLUMN subject text,
      ADD COLUMN topic text NOT NULL DEFAULT 'PRE_SALES' CHECK (topic IN ('PRE_SALES', 'AFTER_SALES', 'COMPLAINT')),
      ADD COLUMN priority text NOT NULL DEFAULT 'NORMAL' CHECK (priority IN ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
      ADD COLUMN tier_code text,
      ADD COLUMN assigned_agent_id uuid REFERENCES agent(id), ADD COLUMN owner_agent_id uuid REFERENCES agent(id),
      ADD COLUMN needs_human boolean NOT NULL DEFAULT false, ADD COLUMN bot_context jsonb,
      ADD COLUMN snoozed_until timestamptz, ADD COLUMN awaiting_reply_since timestamptz,
      ADD COLUMN first_response_due_at timestamptz, ADD COLUMN next_response_due_at timestamptz, ADD COLUMN resolution_due_at timestamptz,
      ADD COLUMN first_responded_at timestamptz, ADD COLUMN resolved_at timestamptz, ADD COLUMN closed_at timestamptz,
      ADD COLUMN first_response_business_minutes numeric, ADD COLUMN first_response_wall_minutes numeric,
      ADD COLUMN resolution_business_minutes numeric, ADD COLUMN resolution_wall_minutes numeric,
      ADD COLUMN escalation_level integer NOT NULL DEFAULT 0, ADD COLUMN bot_answers integer NOT NULL DEFAULT 0,
      ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await sql(
      `CREATE INDEX conversation_open_deadlines ON conversation (first_response_due_at, next_response_due_at, resolution_due_at) WHERE status IN ('OPEN', 'PENDING')`,
    );
    await sql(`CREATE INDEX conversation_member ON conversation (member_id)`);
    await sql(`CREATE INDEX conversation_owner ON conversation (owner_agent_id) WHERE status NOT IN ('RESOLVED', 'CLOSED')`);
    await sql(`ALTER TABLE message ADD COLUMN agent_id uuid REFERENCES agent(id), ADD COLUMN article_intent text`);
    await sql(`UPDATE message SET author = upper(author)`);
    await sql(`ALTER TABLE message ADD CONSTRAINT message_author CHECK (author IN ('BUYER', 'AGENT', 'BOT', 'NOTE'))`);
    await sql(
      `CREATE TABLE ownership_change (id bigserial PRIMARY KEY, conversation_id uuid NOT NULL REFERENCES conversation(id), from_agent_id uuid, to_agent_id uuid NOT NULL, kind text NOT NULL, reason text NOT NULL, actor text NOT NULL, at timestamptz NOT NULL DEFAULT now())`,
    );
    await sql(`CREATE INDEX ownership_change_conversation ON ownership_change (conversation_id, id)`);
    await sql(
      `CREATE TABLE sla_event (conversation_id uuid NOT NULL REFERENCES conversation(id), target text NOT NULL, kind text NOT NULL CHECK (kind IN ('WARNING', 'BREACH')), level integer NOT NULL, due_at timestamptz NOT NULL, at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (conversation_id, target, kind, level, due_at))`,
    );
    await sql(
      `CREATE TABLE survey (conversation_id uuid PRIMARY KEY REFERENCES conversation(id), agent_id uuid, channel text NOT NULL, csat integer CHECK (csat BETWEEN 1 AND 5), nps integer CHECK (nps BETWEEN 0 AND 10), comment text, sent_at timestamptz NOT NULL DEFAULT now(), answered_at timestamptz)`,
    );

    await sql(
      `CREATE TABLE kb_article (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), intent text NOT NULL UNIQUE, title text NOT NULL, answer text NOT NULL, questions text[] NOT NULL DEFAULT '{}', active boolean NOT NULL DEFAULT true, updated_at timestamptz NOT NULL DEFAULT now())`,
    );
    for (const a of KNOWLEDGE_SEED)
      await sql(`INSERT INTO kb_article (intent, title, answer, questions) VALUES ($1, $2, $3, $4)`, [a.intent, a.title, a.answer, a.questions]);

    // Orders as the channels report them: what a refund may not exceed.
    await sql(
      `CREATE TABLE customer_order (channel text NOT NULL, order_id text NOT NULL, platform_user_id text NOT NULL, total_fen integer NOT NULL, lines jsonb NOT NULL, status text NOT NULL, updated_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (channel, order_id))`,
    );
    await sql(`CREATE TABLE after_sales_case (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(), kind text NOT NULL CHECK (kind IN ('RETURN', 'REFUND_ONLY', 'EXCHANGE')),
      status text NOT NULL, channel text NOT NULL, order_id text NOT NULL, platform_user_id text NOT NULL, member_id uuid,
      sku_code text NOT NULL, quantity integer NOT NULL CHECK (quantity > 0), amount_fen integer NOT NULL CHECK (amount_fen >= 0),
      reason text NOT NULL, reason_category text NOT NULL, fast_tracked boolean NOT NULL DEFAULT false,
      pickup_at timestamptz, pickup_address text, refunded_fen integer NOT NULL DEFAULT 0, due_at timestamptz NOT NULL,
      conversation_id uuid REFERENCES conversation(id), created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(), completed_at timestamptz)`);
    await sql(`CREATE INDEX after_sales_order ON after_sales_case (channel, order_id)`);
    await sql(`CREATE INDEX after_sales_member ON after_sales_case (member_id)`);
    await sql(
      `CREATE TABLE case_transition (id bigserial PRIMARY KEY, case_id uuid NOT NULL REFERENCES after_sales_case(id), from_status text, to_status text NOT NULL, actor text NOT NULL, note text, at timestamptz NOT NULL DEFAULT now())`,
    );
    await sql(`CREATE TABLE dispute (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(), case_id uuid REFERENCES after_sales_case(id), channel text NOT NULL, order_id text NOT NULL,
      claim text NOT NULL, amount_fen integer NOT NULL CHECK (amount_fen >= 0), evidence text[] NOT NULL DEFAULT '{}', complex boolean NOT NULL DEFAULT false,
      grade text NOT NULL, status text NOT NULL, decision text, rule_fired text, compensation_fen integer NOT NULL DEFAULT 0,
      decided_by text, created_at timestamptz NOT NULL DEFAULT now(), decided_at timestamptz)`);

    await sql(`CREATE TABLE sku_product (sku_code text PRIMARY KEY, product_code text NOT NULL)`);
    await sql(`ALTER TABLE review ADD COLUMN category text, ADD COLUMN platform_user_id text, ADD COLUMN product_code text`);
    await sql(`CREATE INDEX review_negative ON review (reviewed_at) WHERE sentiment = 'negative'`);
    await sql(`CREATE TABLE review_incident (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(), scope text NOT NULL CHECK (scope IN ('product', 'shop')), scope_key text NOT NULL,
      negative_reviews integer NOT NULL, checklist jsonb NOT NULL, status text NOT NULL DEFAULT 'OPEN', opened_at timestamptz NOT NULL DEFAULT now(), resolved_at timestamptz)`);
    await sql(`CREATE UNIQUE INDEX review_incident_open ON review_incident (scope, scope_key) WHERE status = 'OPEN'`);
    await sql(`CREATE TABLE contact_task (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(), incident_id uuid NOT NULL REFERENCES review_incident(id), channel text NOT NULL, review_id text NOT NULL,
      platform_user_id text, due_at timestamptz NOT NULL, done_at timestamptz, outcome text, recovered boolean, UNIQUE (incident_id, channel, review_id))`);
    await sql(
      `CREATE TABLE quality_signal (id bigserial PRIMARY KEY, sku_code text NOT NULL, reason text NOT NULL, source text NOT NULL, reference text NOT NULL, at timestamptz NOT NULL DEFAULT now(), UNIQUE (source, reference))`,
    );
    await sql(`CREATE INDEX quality_signal_sku ON quality_signal (sku_code, reason, at)`);
    await sql(
      `CREATE TABLE quality_issue (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), sku_code text NOT NULL, reason text NOT NULL, source text NOT NULL, occurrences integer NOT NULL, status text NOT NULL DEFAULT 'OPEN', opened_at timestamptz NOT NULL DEFAULT now())`,
    );
    await sql(`CREATE UNIQUE INDEX quality_issue_open ON quality_issue (sku_code, reason) WHERE status = 'OPEN'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'sku_product',
      'quality_issue',
      'quality_signal',
      'contact_task',
      'review_incident',
      'dispute',
      'case_transition',
      'after_sales_case',
      'customer_order',
      'kb_article',
      'survey',
      'sla_event',
      'ownership_change',
      'member_tier',
      'buyer',
      'agent',
    ]) {
      await queryRunner.query(`DROP TABLE ${table} CASCADE`);
    }
  }
}
