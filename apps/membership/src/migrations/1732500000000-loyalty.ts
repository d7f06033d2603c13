import type { MigrationInterface, QueryRunner } from 'typeorm';

const DEFAULT_SCHEME = {
  code: 'classic',
  name: '三阶 bronze / silver / gold',
  reviewMonths: 12,
  tiers: [
    {
      code: 'bronze',
      name: '铜卡',
      rank: 0,
      spendFen: 0,
      score: 0,
      benefits: {
        birthdayGift: '生日祝福',
        earlyAccessHours: 0,
        freeShipping: false,
        priorityShipping: false,
        dedicatedAgent: false,
        designerConsultation: false,
      },
    },
    {
      code: 'silver',
      name: '银卡',
      rank: 1,
      spendFen: 300000,
      score: 200,
      benefits: {
        birthdayGift: '生日礼券 ¥50',
        earlyAccessHours: 24,
        freeShipping: true,
        priorityShipping: false,
        dedicatedAgent: false,
        designerConsultation: false,
      },
    },
    {
      code: 'gold',
      name: '金卡',
      rank: 2,
      spendFen: 1000000,
      score: 600,
      benefits: {
        birthdayGift: '生日礼盒',
        earlyAccessHours: 72,
        freeShipping: true,
        priorityShipping: true,
        dedicatedAgent: true,
        designerConsultation: true,
      },
    },
  ],
};

export class Loyalty1732500000000 implements MigrationInterface {
  name = 'Loyalty1732500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sql = (text: string, params?: unknown[]) => queryRunner.query(text, params);
    await sql(`
      ALTER TABLE member
        ADD COLUMN status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'MERGED', 'ERASED')),
        ADD COLUMN merged_into uuid REFERENCES member(id),
        ADD COLUMN nickname text,
        ADD COLUMN phone_sealed text,
        ADD COLUMN phone_hash text,
        ADD COLUMN address_sealed text,
        ADD COLUMN birthday_sealed text,
        ADD COLUMN birthday_month smallint CHECK (birthday_month BETWEEN 1 AND 12),
        ADD COLUMN tier_code text NOT NULL DEFAULT 'bronze',
        ADD COLUMN tier_since timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN tier_review_at timestamptz NOT NULL DEFAULT now() + interval '12 months',
        ADD COLUMN lifetime_tier boolean NOT NULL DEFAULT false,
        ADD COLUMN points_balance integer NOT NULL DEFAULT 0,
        ADD COLUMN points_pending integer NOT NULL DEFAULT 0,
        ADD COLUMN points_debt integer NOT NULL DEFAULT 0 CHECK (points_debt >= 0),
        ADD COLUMN interaction_score integer NOT NULL DEFAULT 0,
        ADD COLUMN review_count integer NOT NULL DEFAULT 0,
        ADD COLUMN last_interaction_at timestamptz,
        ADD COLUMN dormant_since timestamptz,
        ADD COLUMN community_level text NOT NULL DEFAULT 'member',
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await sql(`CREATE INDEX member_phone_hash ON member (phone_hash) WHERE phone_hash IS NOT NULL`);
    await sql(`CREATE INDEX member_last_interaction ON member (last_interaction_at) WHERE status = 'ACTIVE'`);
    await sql(
      `CREATE TABLE member_audit (id bigserial PRIMARY KEY, member_id uuid NOT NULL, action text NOT NULL, detail jsonb NOT NULL DEFAULT '{}', actor text NOT NULL, at timestamptz NOT NULL DEFAULT now())`,
    );
    await sql(`CREATE INDEX member_audit_member ON member_audit (member_id, at)`);
    await sql(
      `CREATE TABLE pii_access_log (id bigserial PRIMARY KEY, member_id uuid NOT NULL, field text NOT NULL, actor text NOT NULL, role text NOT NULL, request_id text, at timestamptz NOT NULL DEFAULT now())`,
    );
    await sql(
      `CREATE TABLE tier_scheme (code text PRIMARY KEY, active boolean NOT NULL DEFAULT false, definition jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`,
    );
    await sql(`CREATE UNIQUE INDEX tier_scheme_one_active ON tier_scheme (active) WHERE active`);
    await sql(`INSERT INTO tier_scheme (code, active, definition) VALUES ('classic', true, $1)`, [JSON.stringify(DEFAULT_SCHEME)]);
    await sql(
      `CREATE TABLE tier_history (id bigserial PRIMARY KEY, member_id uuid NOT NULL, from_tier text, to_tier text NOT NULL, reason text NOT NULL, at timestamptz NOT NULL DEFAULT now())`,
    );
    await sql(`CREATE INDEX tier_history_member ON tier_history (member_id, at)`);
    await sql(`
      CREATE TABLE member_order (
        channel text NOT NULL, order_id text NOT NULL, member_id uuid,
        total_fen integer NOT NULL DEFAULT 0, paid_at timestamptz, completed_at timestamptz,
        cancelled boolean NOT NULL DEFAULT false, refunded_fen integer NOT NULL DEFAULT 0,
        PRIMARY KEY (channel, order_id))`);
    await sql(`CREATE INDEX member_order_member ON member_order (member_id, paid_at)`);
    await sql(
      `CREATE TABLE member_refund (channel text NOT NULL, refund_id text NOT NULL, order_id text NOT NULL, amount_fen integer NOT NULL, at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (channel, refund_id))`,
    );
    await sql(
      `CREATE TABLE member_interaction (kind text NOT NULL, channel text NOT NULL, external_id text NOT NULL, member_id uuid NOT NULL, at timestamptz NOT NULL, PRIMARY KEY (kind, channel, external_id))`,
    );
    await sql(`
      CREATE TABLE points_lot (
        id uuid PRIMARY KEY, member_id uuid NOT NULL, kind text NOT NULL CHECK (kind IN ('EARNED', 'BONUS', 'ADJUSTMENT', 'DEBT')),
        source_key text NOT NULL UNIQUE, points integer NOT NULL, remaining integer NOT NULL,
        status text NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'EXPIRED', 'CANCELLED')),
        earned_at timestamptz NOT NULL DEFAULT now(), matures_at timestamptz, expires_at timestamptz,
        expiry_noticed_at timestamptz, order_channel text, order_id text, reversed integer NOT NULL DEFAULT 0,
        CHECK (kind = 'DEBT' OR remaining >= 0))`);
    await sql(`CREATE INDEX points_lot_member ON points_lot (member_id, status, expires_at, earned_at)`);
    await sql(`CREATE INDEX points_lot_maturing ON points_lot (matures_at) WHERE status = 'PENDING'`);
    await sql(`CREATE INDEX points_lot_expiring ON points_lot (expires_at) WHERE status = 'ACTIVE'`);
    await sql(`CREATE INDEX points_lot_order ON points_lot (order_channel, order_id)`);
    await sql(
      `CREATE TABLE points_operation (key text PRIMARY KEY, member_id uuid NOT NULL, kind text NOT NULL, points integer NOT NULL, detail jsonb NOT NULL DEFAULT '{}', at timestamptz NOT NULL DEFAULT now())`,
    );
    await sql(`
      CREATE TABLE points_entry (
        id bigserial PRIMARY KEY, member_id uuid NOT NULL, lot_id uuid, operation_key text NOT NULL REFERENCES points_operation(key),
        kind text NOT NULL, delta integer NOT NULL, pending_delta integer NOT NULL DEFAULT 0, debt_delta integer NOT NULL DEFAULT 0,
        source text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
    await sql(`CREATE INDEX points_entry_member ON points_entry (member_id, id)`);
    await sql(`
      CREATE TABLE coupon_template (
        code text PRIMARY KEY, name text NOT NULL, kind text NOT NULL CHECK (kind IN ('AMOUNT_OFF', 'PERCENT_OFF', 'FREE_SHIPPING')),
        amount_off_fen integer, percent_off integer CHECK (percent_off BETWEEN 1 AND 99), min_spend_fen integer NOT NULL DEFAULT 0,
        valid_days integer, valid_from timestamptz, valid_until timestamptz, per_member_limit integer NOT NULL DEFAULT 1,
        total_limit integer, issued_count integer NOT NULL DEFAULT 0, active boolean NOT NULL DEFAULT true,
        CHECK (total_limit IS NULL OR issued_count <= total_limit))`);
    await sql(`
      INSERT INTO coupon_template (code, name, kind, amount_off_fen, min_spend_fen, valid_days, per_member_limit) VALUES
        ('WINBACK-50', '久别重逢券 满300减50', 'AMOUNT_OFF', 5000, 30000, 14, 100),
        ('BIRTHDAY-100', '生日礼券 满500减100', 'AMOUNT_OFF', 10000, 50000, 30, 100),
        ('WELCOME-20', '新人券 满199减20', 'AMOUNT_OFF', 2000, 19900, 30, 1)`);
    await sql(`
      CREATE TABLE coupon (
        id uuid PRIMARY KEY, code text NOT NULL UNIQUE, template_code text NOT NULL REFERENCES coupon_template(code), member_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('ISSUED', 'REDEEMED', 'EXPIRED', 'VOID')),
        issued_via text NOT NULL CHECK (issued_via IN ('MANUAL', 'AUTOMATIC', 'CAMPAIGN', 'POINTS')), campaign text,
        valid_from timestamptz NOT NULL, valid_until timestamptz NOT NULL, issued_at timestamptz NOT NULL DEFAULT now(),
        redeemed_channel text, redeemed_order_id text, redeemed_at timestamptz)`);
    await sql(`CREATE INDEX coupon_member ON coupon (member_id, status)`);
    await sql(`CREATE INDEX coupon_order ON coupon (redeemed_channel, redeemed_order_id) WHERE redeemed_order_id IS NOT NULL`);
    await sql(`CREATE INDEX coupon_expiring ON coupon (valid_until) WHERE status = 'ISSUED'`);
    await sql(`
      CREATE TABLE reward (
        code text PRIMARY KEY, name text NOT NULL, points_cost integer NOT NULL CHECK (points_cost > 0), stock integer NOT NULL CHECK (stock >= 0),
        per_member_limit integer NOT NULL DEFAULT 1, coupon_template_code text REFERENCES coupon_template(code), active boolean NOT NULL DEFAULT true)`);
    await sql(`
      CREATE TABLE reward_redemption (
        id uuid PRIMARY KEY, reward_code text NOT NULL REFERENCES reward(code), member_id uuid NOT NULL, points integer NOT NULL,
        idempotency_key text NOT NULL UNIQUE, coupon_id uuid, redeemed_at timestamptz NOT NULL DEFAULT now())`);
    await sql(`CREATE INDEX reward_redemption_member ON reward_redemption (member_id, reward_code)`);
    await sql(`
      CREATE TABLE exclusive_event (
        id uuid PRIMARY KEY, code text NOT NULL UNIQUE, title text NOT NULL, starts_at timestamptz NOT NULL,
        seats integer NOT NULL CHECK (seats > 0), booked integer NOT NULL DEFAULT 0, min_tier text,
        created_at timestamptz NOT NULL DEFAULT now(), CHECK (booked BETWEEN 0 AND seats))`);
    await sql(`
      CREATE TABLE event_booking (
        event_id uuid NOT NULL REFERENCES exclusive_event(id), member_id uuid NOT NULL,
        status text NOT NULL CHECK (status IN ('BOOKED', 'WAITLISTED', 'CANCELLED')),
        queued_at timestamptz NOT NULL DEFAULT clock_timestamp(), updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (event_id, member_id))`);
    await sql(`CREATE INDEX event_booking_waitlist ON event_booking (event_id, queued_at) WHERE status = 'WAITLISTED'`);
    await sql(`
      CREATE TABLE member_rfm (
        member_id uuid PRIMARY KEY, recency_days integer, frequency integer NOT NULL, monetary_fen bigint NOT NULL,
        r smallint NOT NULL, f smallint NOT NULL, m smallint NOT NULL, tags text[] NOT NULL DEFAULT '{}', computed_at timestamptz NOT NULL DEFAULT now())`);
    await sql(`CREATE TABLE rfm_cutoffs (metric text PRIMARY KEY, cutoffs numeric[] NOT NULL, computed_at timestamptz NOT NULL DEFAULT now())`);
    await sql(`CREATE TABLE rfm_dirty (member_id uuid PRIMARY KEY, marked_at timestamptz NOT NULL DEFAULT now())`);
    await sql(`CREATE TABLE segment (code text PRIMARY KEY, name text NOT NULL, rule jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
    await sql(
      `CREATE TABLE segment_member (segment_code text NOT NULL REFERENCES segment(code) ON DELETE CASCADE, member_id uuid NOT NULL, PRIMARY KEY (segment_code, member_id))`,
    );
    await sql(
      `CREATE TABLE consent (member_id uuid NOT NULL, channel text NOT NULL, granted boolean NOT NULL, updated_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (member_id, channel))`,
    );
    await sql(
      `CREATE TABLE care_plan (member_id uuid NOT NULL, dormant_since timestamptz NOT NULL, coupon_id uuid, started_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (member_id, dormant_since))`,
    );
    await sql(
      `CREATE TABLE lifecycle_notice (member_id uuid NOT NULL, kind text NOT NULL, period text NOT NULL, sent_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (member_id, kind, period))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'member_interaction',
      'member_refund',
      'lifecycle_notice',
      'care_plan',
      'consent',
      'segment_member',
      'segment',
      'rfm_dirty',
      'rfm_cutoffs',
      'member_rfm',
      'event_booking',
      'exclusive_event',
      'reward_redemption',
      'reward',
      'coupon',
      'coupon_template',
      'points_entry',
      'points_operation',
      'points_lot',
      'member_order',
      'tier_history',
      'tier_scheme',
      'pii_access_log',
      'member_audit',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query(`ALTER TABLE member DROP COLUMN status, DROP COLUMN merged_into, DROP COLUMN nickname, DROP COLUMN phone_sealed, DROP COLUMN phone_hash,
      DROP COLUMN address_sealed, DROP COLUMN birthday_sealed, DROP COLUMN birthday_month, DROP COLUMN tier_code, DROP COLUMN tier_since, DROP COLUMN tier_review_at,
      DROP COLUMN lifetime_tier, DROP COLUMN points_balance, DROP COLUMN points_pending, DROP COLUMN points_debt, DROP COLUMN interaction_score,
      DROP COLUMN review_count, DROP COLUMN last_interaction_at, DROP COLUMN dormant_since, DROP COLUMN community_level, DROP COLUMN updated_at`);
  }
}
