import { Injectable } from '@nestjs/common';
import { execute, NotFoundError, refuse, selectRow, selectRows, type TransactionContext } from '@shopops/platform';
import { AgentAtCapacityError } from './agents.model';

export interface AgentRef {
  readonly id: string;
  readonly code: string;
}

/** Agents as conversations see them: who is active, and how many open conversations each holds against their capacity. */
@Injectable()
export class AgentCapacity {
  async activeAgent(tx: TransactionContext, code: string): Promise<AgentRef> {
    const agent = await selectRow<AgentRef>(tx.em, `SELECT id, code FROM agent WHERE code = $1 AND active`, [code]);
    return agent ?? refuse(NotFoundError.of('Agent', code));
  }

  async codeOf(tx: TransactionContext, id: string): Promise<string> {
    const [agent] = await selectRows<{ code: string }>(tx.em, `SELECT code FROM agent WHERE id = $1`, [id]);
    return agent.code;
  }

  /** Takes one of the agent's open slots, in one statement so concurrent takers never overfill them. */
  async book(tx: TransactionContext, agent: AgentRef): Promise<void> {
    const booked = await selectRows<{ capacity: number }>(
      tx.em,
      `WITH booked AS (UPDATE agent SET open_conversations = open_conversations + 1 WHERE id = $1 AND open_conversations < capacity AND active RETURNING capacity) SELECT capacity FROM booked`,
      [agent.id],
    );
    if (booked.length) return;
    const [{ capacity }] = await selectRows<{ capacity: number }>(tx.em, `SELECT capacity FROM agent WHERE id = $1`, [agent.id]);
    refuse(AgentAtCapacityError.of(agent.code, capacity));
  }

  /** Gives a slot back: the conversation left the agent or stopped being active. */
  async release(tx: TransactionContext, agentId: string): Promise<void> {
    await execute(tx.em, `UPDATE agent SET open_conversations = greatest(open_conversations - 1, 0) WHERE id = $1`, [agentId]);
  }

  /** A reopened conversation counts for its holder again, whatever their capacity. */
  async retake(tx: TransactionContext, agentId: string): Promise<void> {
    await execute(tx.em, `UPDATE agent SET open_conversations = open_conversations + 1 WHERE id = $1`, [agentId]);
  }
}
