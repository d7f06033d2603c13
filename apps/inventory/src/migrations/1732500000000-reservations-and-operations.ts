import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReservationsAndOperations1732500000000 implements MigrationInterface {
  name = 'ReservationsAndOperations1732500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const sql = (text: string) => queryRunner.query(text);
    await sql(`ALTER TABLE stock_level ADD COLUMN low_since timestamptz`);
    await sql(`ALTER TABLE stock_level ADD COLUMN last_sale_at timestamptz`);
    await sql(`
      CREATE TABLE reservation (
        channel text NOT NULL,
        order_id text NOT NULL,
        status text CHECK (status IN ('RESERVED', 'COMMITTED', 'RELEASED', 'REJECTED')),
        reason text,
        region text,
        buyer_id text,
        lines jsonb NOT NULL DEFAULT '[]',
        paid boolean NOT NULL DEFAULT false,
        shipped boolean NOT NULL DEFAULT false,
        completed boolean NOT NULL DEFAULT false,
        cancelled boolean NOT NULL DEFAULT false,
        refunded_before_shipping boolean NOT NULL DEFAULT false,
        payment_window_closed boolean NOT NULL DEFAULT false,
        placed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (channel, order_id)
      )`);
    await sql(`CREATE INDEX reservation_status ON reservation (status, updated_at)`);
    await sql(`
      CREATE TABLE reservation_allocation (
        channel text NOT NULL,
        order_id text NOT NULL,
        sku_code text NOT NULL,
        location_code text NOT NULL,
        quantity integer NOT NULL CHECK (quantity > 0),
        PRIMARY KEY (channel, order_id, sku_code, location_code),
        FOREIGN KEY (channel, order_id) REFERENCES reservation (channel, order_id)
      )`);
    await sql(`
      CREATE TABLE channel_stock_policy (
        channel text PRIMARY KEY,
        share_percent integer NOT NULL DEFAULT 100 CHECK (share_percent BETWEEN 0 AND 100),
        floor integer NOT NULL DEFAULT 0 CHECK (floor >= 0),
        virtual_stock integer NOT NULL DEFAULT 0 CHECK (virtual_stock >= 0),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await sql(`INSERT INTO channel_stock_policy (channel) VALUES ('taobao'), ('douyin'), ('mall')`);
    await sql(`
      CREATE TABLE channel_stock_published (
        channel text NOT NULL REFERENCES channel_stock_policy (channel),
        sku_code text NOT NULL,
        quantity integer NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (channel, sku_code)
      )`);
    await sql(`
      CREATE TABLE stock_transfer (
        id uuid PRIMARY KEY,
        sku_code text NOT NULL,
        from_location text NOT NULL REFERENCES location (code),
        to_location text NOT NULL REFERENCES location (code),
        quantity integer NOT NULL CHECK (quantity > 0),
        status text NOT NULL CHECK (status IN ('REQUESTED', 'IN_TRANSIT', 'RECEIVED', 'CANCELLED')),
        reason text,
        requested_by text NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        dispatched_at timestamptz,
        received_at timestamptz,
        CHECK (from_location <> to_location)
      )`);
    await sql(`
      CREATE TABLE supplier (
        code text PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('CORE', 'FLEXIBLE')),
        contact text,
        grade text,
        score numeric(6, 3),
        on_time_rate numeric(6, 4),
        quality_pass_rate numeric(6, 4),
        graded_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await sql(`
      CREATE TABLE sku_supplier (
        sku_code text NOT NULL,
        supplier_code text NOT NULL REFERENCES supplier (code),
        lead_time_days integer NOT NULL CHECK (lead_time_days >= 0),
        moq integer NOT NULL CHECK (moq >= 1),
        unit_cost_fen integer NOT NULL CHECK (unit_cost_fen >= 0),
        backup_order integer NOT NULL DEFAULT 0 CHECK (backup_order >= 0),
        PRIMARY KEY (sku_code, supplier_code)
      )`);
    await sql(`CREATE UNIQUE INDEX sku_supplier_order ON sku_supplier (sku_code, backup_order)`);
    await sql(`
      CREATE TABLE purchase_order (
        id uuid PRIMARY KEY,
        number text NOT NULL UNIQUE,
        supplier_code text NOT NULL REFERENCES supplier (code),
        status text NOT NULL CHECK (status IN ('DRAFT', 'SENT', 'CONFIRMED', 'PARTLY_RECEIVED', 'RECEIVED', 'CANCELLED')),
        location_code text NOT NULL REFERENCES location (code),
        expected_at timestamptz NOT NULL,
        progress_percent integer NOT NULL DEFAULT 0 CHECK (progress_percent BETWEEN 0 AND 100),
        progress_note text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        confirmed_at timestamptz,
        received_at timestamptz,
        cancelled_at timestamptz
      )`);
    await sql(`
      CREATE TABLE purchase_order_line (
        purchase_order_id uuid NOT NULL REFERENCES purchase_order (id),
        sku_code text NOT NULL,
        quantity_ordered integer NOT NULL CHECK (quantity_ordered > 0),
        quantity_received integer NOT NULL DEFAULT 0 CHECK (quantity_received >= 0 AND quantity_received <= quantity_ordered),
        unit_cost_fen integer NOT NULL CHECK (unit_cost_fen >= 0),
        PRIMARY KEY (purchase_order_id, sku_code)
      )`);
    await sql(`
      CREATE TABLE purchase_order_receipt (
        id bigserial PRIMARY KEY,
        purchase_order_id uuid NOT NULL REFERENCES purchase_order (id),
        sku_code text NOT NULL,
        location_code text NOT NULL,
        quantity integer NOT NULL CHECK (quantity > 0),
        on_time boolean NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await sql(`
      CREATE TABLE quality_issue (
        issue_id uuid PRIMARY KEY,
        sku_code text NOT NULL,
        supplier_code text REFERENCES supplier (code),
        reason text NOT NULL,
        source text NOT NULL,
        occurrences integer NOT NULL,
        opened_at timestamptz NOT NULL DEFAULT now()
      )`);
    await sql(`CREATE INDEX quality_issue_supplier ON quality_issue (supplier_code, opened_at)`);
    await sql(`
      CREATE TABLE shipment (
        carrier text NOT NULL,
        tracking_no text NOT NULL,
        channel text NOT NULL,
        order_id text NOT NULL,
        location_code text,
        status text NOT NULL DEFAULT 'shipped',
        shipped_at timestamptz NOT NULL,
        promised_by timestamptz NOT NULL,
        delivered_at timestamptz,
        late boolean NOT NULL DEFAULT false,
        late_alerted_at timestamptz,
        PRIMARY KEY (carrier, tracking_no)
      )`);
    await sql(`CREATE INDEX shipment_order ON shipment (channel, order_id)`);
    await sql(`CREATE INDEX shipment_open ON shipment (promised_by) WHERE delivered_at IS NULL`);
    await sql(`
      CREATE TABLE shipment_event (
        id bigserial PRIMARY KEY,
        carrier text NOT NULL,
        tracking_no text NOT NULL,
        status text NOT NULL,
        at timestamptz NOT NULL,
        detail text
      )`);
    await sql(`CREATE INDEX shipment_event_tracking ON shipment_event (carrier, tracking_no, at)`);
    await sql(`
      CREATE TABLE inventory_alert (
        id bigserial PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('LOW_STOCK', 'OVERSTOCK', 'SLOW_MOVING', 'LATE_DELIVERY', 'SUDDEN_DROP')),
        sku_code text,
        location_code text,
        detail jsonb NOT NULL DEFAULT '{}',
        raised_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz
      )`);
    await sql(
      `CREATE UNIQUE INDEX inventory_alert_open ON inventory_alert (kind, coalesce(sku_code, ''), coalesce(location_code, '')) WHERE resolved_at IS NULL`,
    );
    await sql(`CREATE INDEX stock_movement_kind_time ON stock_movement (kind, created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'inventory_alert',
      'shipment_event',
      'shipment',
      'quality_issue',
      'purchase_order_receipt',
      'purchase_order_line',
      'purchase_order',
      'sku_supplier',
      'supplier',
      'stock_transfer',
      'channel_stock_published',
      'channel_stock_policy',
      'reservation_allocation',
      'reservation',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query(`ALTER TABLE stock_level DROP COLUMN last_sale_at, DROP COLUMN low_since`);
  }
}
