import { Injectable } from '@nestjs/common';
import { selectRows } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { toSegmentView, type RfmView, type SegmentRow, type SegmentView } from './segment.model';

interface RfmRow {
  member_id: string;
  recency_days: number | null;
  frequency: number;
  /** bigint, which PostgreSQL answers as text */
  monetary_fen: string;
  r: number;
  f: number;
  m: number;
  tags: string[];
  stage: string;
  computed_at: Date;
}

export type MemberRfm = RfmView & { readonly memberId: string };

/** What the API reads about segments: the list, a segment's members, and each member's segments and RFM scores. */
@Injectable()
export class SegmentReadsService {
  constructor(private readonly dataSource: DataSource) {}

  async segments(): Promise<SegmentView[]> {
    const rows = await selectRows<SegmentRow>(
      this.dataSource,
      `SELECT s.code, s.name, s.rule, (SELECT count(*)::int FROM segment_member m WHERE m.segment_code = s.code) AS members FROM segment s ORDER BY s.code`,
    );
    return rows.map(toSegmentView);
  }

  /** Member ids in a segment, in id order (at most 10,000). */
  async memberIds(segmentCode: string, first: number): Promise<string[]> {
    const rows = await selectRows<{ member_id: string }>(
      this.dataSource,
      `SELECT member_id FROM segment_member WHERE segment_code = $1 ORDER BY member_id LIMIT $2`,
      [segmentCode, Math.min(Math.max(first, 1), 10_000)],
    );
    return rows.map((r) => r.member_id);
  }

  async rfmOf(memberIds: readonly string[]): Promise<MemberRfm[]> {
    const rows = await selectRows<RfmRow>(this.dataSource, `SELECT * FROM member_rfm WHERE member_id = ANY($1::uuid[])`, [memberIds]);
    return rows.map((r) => ({
      memberId: r.member_id,
      recencyDays: r.recency_days,
      frequency: r.frequency,
      monetaryFen: Number(r.monetary_fen),
      r: r.r,
      f: r.f,
      m: r.m,
      tags: r.tags,
      stage: r.stage,
      computedAt: r.computed_at,
    }));
  }

  /** Each member's segment codes, in code order. */
  async segmentCodesOf(memberIds: readonly string[]): Promise<Array<{ member_id: string; segment_code: string }>> {
    return selectRows<{ member_id: string; segment_code: string }>(
      this.dataSource,
      `SELECT member_id, segment_code FROM segment_member WHERE member_id = ANY($1::uuid[]) ORDER BY segment_code`,
      [memberIds],
    );
  }
}
