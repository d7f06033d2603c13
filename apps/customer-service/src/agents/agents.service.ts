import { Injectable } from '@nestjs/common';
import { NotFoundError, refuse, selectRow, selectRows, UnitOfWork, type RequestContext } from '@shopops/platform';
import { DataSource } from 'typeorm';
import { Agent, type AgentInput } from './agents.model';

interface AgentRow {
  id: string;
  code: string;
  name: string;
  skills: string[];
  capacity: number;
  open_conversations: number;
  active: boolean;
}

@Injectable()
export class AgentsService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly dataSource: DataSource,
  ) {}

  upsert(ctx: RequestContext, input: AgentInput): Promise<Agent> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const [row] = await selectRows<AgentRow>(
        tx.em,
        `INSERT INTO agent (code, name, skills, capacity, active) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, skills = EXCLUDED.skills, capacity = EXCLUDED.capacity, active = EXCLUDED.active RETURNING *`,
        [input.code, input.name, input.skills ?? [], input.capacity, input.active ?? true],
      );
      return toAgent(row);
    });
  }

  /** A top-tier member's own agent: their conversations go to this agent first. */
  setDedicatedAgent(ctx: RequestContext, memberId: string, agentCode: string): Promise<Agent | NotFoundError> {
    return this.unitOfWork.run(ctx, async (tx) => {
      const agent = await selectRow<AgentRow>(tx.em, `SELECT * FROM agent WHERE code = $1`, [agentCode]);
      if (!agent) refuse(NotFoundError.of('Agent', agentCode));
      const updated = await selectRows<{ member_id: string }>(
        tx.em,
        `WITH u AS (UPDATE member_tier SET dedicated_agent_id = $2 WHERE member_id = $1 RETURNING member_id) SELECT * FROM u`,
        [memberId, agent.id],
      );
      if (!updated.length) refuse(NotFoundError.of('Member tier', memberId));
      return toAgent(agent);
    });
  }

  async list(): Promise<Agent[]> {
    return (await selectRows<AgentRow>(this.dataSource, `SELECT * FROM agent ORDER BY code`)).map(toAgent);
  }
}

function toAgent(r: AgentRow): Agent {
  return Object.assign(new Agent(), {
    id: r.id,
    code: r.code,
    name: r.name,
    skills: r.skills,
    capacity: r.capacity,
    openConversations: r.open_conversations,
    active: r.active,
  });
}
