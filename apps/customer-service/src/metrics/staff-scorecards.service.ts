import { Inject, Injectable } from '@nestjs/common';
import { selectRows } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { CUSTOMER_SERVICE_CONFIG, type CustomerServiceConfig } from '../customer-service.config';
import { assess, festivalOf, type Period, type StaffFigures } from './scorecard';
import { ScorecardMeasure, ScorecardPeriod, StaffScorecard } from './staff-scorecard.model';

interface FiguresRow {
  code: string;
  name: string;
  conversations: number;
  response: number | null;
  resolution: number | null;
  csat: number | null;
}

/**
 * Staff scorecards: each member of staff who owned conversations, judged on the conversations
 * they owned that opened in the month (and, in a festival's month, in its window) against the
 * configured targets.
 */
@Injectable()
export class StaffScorecardsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CUSTOMER_SERVICE_CONFIG) private readonly config: CustomerServiceConfig,
  ) {}

  async scorecards(month: string, period: Period): Promise<StaffScorecard[]> {
    const festival = festivalOf(month, this.config.scorecard.festivals, this.config.calendar.spec.utcOffsetMinutes);
    const monthly = await this.figures(period);
    const festive = festival ? await this.figures(festival) : new Map<string, FiguresRow>();
    return [...monthly.values()].map((row) =>
      Object.assign(new StaffScorecard(), {
        agentCode: row.code,
        agentName: row.name,
        month: this.period(month, period, row),
        festival: festival ? this.period(festival.name, festival, festive.get(row.code)) : null,
      }),
    );
  }

  private period(name: string, period: Period, row: FiguresRow | undefined): ScorecardPeriod {
    const round = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);
    const figures: StaffFigures = {
      conversations: row?.conversations ?? 0,
      avgFirstResponseBusinessMinutes: round(row?.response ?? null),
      resolutionRate: round(row?.resolution ?? 0) ?? 0,
      csat: round(row?.csat ?? null),
    };
    const measures = assess(figures, this.config.scorecard).map((m) => Object.assign(new ScorecardMeasure(), m));
    return Object.assign(new ScorecardPeriod(), {
      name,
      from: period.from,
      to: period.to,
      conversations: figures.conversations,
      measures,
      targetsMet: measures.filter((m) => m.met).length,
    });
  }

  /** Per owner: conversations opened in the period, average first response, share resolved, average CSAT. */
  private async figures(period: Period): Promise<Map<string, FiguresRow>> {
    const rows = await selectRows<FiguresRow>(
      this.dataSource,
      `SELECT a.code, a.name, count(*)::int AS conversations,
              avg(c.first_response_business_minutes)::float AS response,
              avg((c.status IN ('RESOLVED', 'CLOSED'))::int)::float AS resolution,
              (SELECT avg(s.csat)::float FROM survey s WHERE s.conversation_id = ANY (array_agg(c.id))) AS csat
         FROM conversation c JOIN agent a ON a.id = c.owner_agent_id
        WHERE c.opened_at >= $1 AND c.opened_at < $2
        GROUP BY a.code, a.name ORDER BY a.code`,
      [period.from, period.to],
    );
    return new Map(rows.map((r) => [r.code, r]));
  }
}
