import { Injectable } from '@nestjs/common';
import { InvalidStateError, NotFoundError, refuse, selectRow, selectRows, UnitOfWork, type RequestContext } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { ServiceFigures, ServiceMetrics, Survey } from './service-metrics.model';

/** One grouping set of the figures query: overall (ga = gc = 1), per agent (ga = 0) or per channel (gc = 0). */
interface FiguresRow {
  ga: number;
  gc: number;
  agent_code: string | null;
  channel: string | null;
  conversations: number;
  auto_rate: number | null;
  resolution_rate: number | null;
  fr_business: number | null;
  fr_wall: number | null;
  res_business: number | null;
  csat: number | null;
  nps: number | null;
  breaches: number | null;
}

/** CSAT/NPS surveys sent on resolution, and the service figures per agent and channel. */
@Injectable()
export class ServiceMetricsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
  ) {}

  /** A member answers only the survey of their own conversation; another's is as unknown to them as a missing one. */
  answer(
    ctx: RequestContext,
    conversationId: string,
    csat: number,
    nps: number | null,
    comment: string | null,
  ): Promise<Survey | NotFoundError | InvalidStateError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const survey = await selectRow<{ answered_at: Date | null; member_id: string | null }>(
        tx.em,
        `SELECT s.answered_at, c.member_id FROM survey s JOIN conversation c ON c.id = s.conversation_id WHERE s.conversation_id = $1 FOR UPDATE OF s`,
        [conversationId],
      );
      const foreign = ctx.identity.role === 'member' && survey?.member_id !== ctx.identity.memberId;
      if (!survey || foreign) refuse(NotFoundError.of('Survey', conversationId));
      if (survey.answered_at) refuse(InvalidStateError.of('Survey', 'ANSWERED', 'be answered again'));
      const [row] = await selectRows<{ csat: number | null; nps: number | null; comment: string | null; answered_at: Date | null }>(
        tx.em,
        `WITH s AS (UPDATE survey SET csat = $2, nps = $3, comment = $4, answered_at = now() WHERE conversation_id = $1 RETURNING *) SELECT * FROM s`,
        [conversationId, csat, nps, comment],
      );
      return Object.assign(new Survey(), { conversationId, csat: row.csat, nps: row.nps, comment: row.comment, answeredAt: row.answered_at });
    });
  }

  async metrics(days: number): Promise<ServiceMetrics> {
    const rows = await selectRows<FiguresRow>(
      this.dataSource,
      `WITH c AS (
         SELECT c.*, coalesce(o.code, '(bot or unassigned)') AS agent_code FROM conversation c LEFT JOIN agent o ON o.id = c.owner_agent_id
          WHERE c.opened_at > now() - $1 * interval '1 day'),
       grouped AS (
         SELECT grouping(agent_code) AS ga, grouping(channel) AS gc, agent_code, channel, count(*)::int AS conversations,
                avg((bot_answers > 0 AND owner_agent_id IS NULL)::int)::float AS auto_rate,
                avg((status IN ('RESOLVED', 'CLOSED'))::int)::float AS resolution_rate,
                avg(first_response_business_minutes)::float AS fr_business, avg(first_response_wall_minutes)::float AS fr_wall,
                avg(resolution_business_minutes)::float AS res_business,
                (SELECT avg(s.csat)::float FROM survey s WHERE s.conversation_id = ANY (array_agg(c.id))) AS csat,
                (SELECT 100.0 * (count(*) FILTER (WHERE s.nps >= 9) - count(*) FILTER (WHERE s.nps <= 6)) / nullif(count(s.nps), 0) FROM survey s WHERE s.conversation_id = ANY (array_agg(c.id)))::float AS nps,
                (SELECT count(*)::int FROM sla_event e WHERE e.kind = 'BREACH' AND e.conversation_id = ANY (array_agg(c.id))) AS breaches
           FROM c GROUP BY GROUPING SETS ((), (agent_code), (channel)))
       SELECT * FROM grouped`,
      [days],
    );
    const round = (n: unknown) => (n === null || n === undefined ? null : Math.round(Number(n) * 100) / 100);
    const figures = (r: Partial<FiguresRow>, key: string) =>
      Object.assign(new ServiceFigures(), {
        key,
        conversations: Number(r.conversations),
        autoAnswerRate: round(r.auto_rate) ?? 0,
        resolutionRate: round(r.resolution_rate) ?? 0,
        avgFirstResponseBusinessMinutes: round(r.fr_business),
        avgFirstResponseWallMinutes: round(r.fr_wall),
        avgResolutionBusinessMinutes: round(r.res_business),
        csat: round(r.csat),
        nps: round(r.nps),
        slaBreaches: Number(r.breaches ?? 0),
      });
    const overall = rows.find((r) => Number(r.ga) === 1 && Number(r.gc) === 1);
    return Object.assign(new ServiceMetrics(), {
      overall: overall ? figures(overall, 'all') : figures({ conversations: 0 }, 'all'),
      byAgent: rows.filter((r) => Number(r.ga) === 0).map((r) => figures(r, String(r.agent_code))),
      byChannel: rows.filter((r) => Number(r.gc) === 0).map((r) => figures(r, String(r.channel))),
    });
  }
}
