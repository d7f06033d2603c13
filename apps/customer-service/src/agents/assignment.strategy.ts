import { selectRow, type TransactionContext } from '@shopops/platform';

export interface AssignmentRequest {
  readonly conversationId: string;
  /** Skill the conversation needs (pre-sales, after-sales, complaint). */
  readonly skill: string;
  /** The member's dedicated agent, for members of the top tiers. */
  readonly dedicatedAgentId: string | null;
}

/** Chooses (and books capacity of) the agent a conversation is routed to; null when nobody is free. */
export interface AssignmentStrategy {
  assign(tx: TransactionContext, request: AssignmentRequest): Promise<string | null>;
}

export const ASSIGNMENT_STRATEGY = Symbol('ASSIGNMENT_STRATEGY');

/**
 * The dedicated agent when they have room; otherwise round robin (least recently assigned) among
 * active agents with the skill and spare capacity. The capacity is taken in the same statement
 * that picks the agent, with SKIP LOCKED, so concurrent assignments never overfill an agent.
 */
export class RoundRobinWithinCapacity implements AssignmentStrategy {
  async assign(tx: TransactionContext, request: AssignmentRequest): Promise<string | null> {
    const picked = await selectRow<{ id: string }>(
      tx.em,
      `WITH candidate AS (
         SELECT id FROM agent
          WHERE active AND open_conversations < capacity
            AND (id = $2 OR ($2::uuid IS NULL OR NOT EXISTS (SELECT 1 FROM agent d WHERE d.id = $2 AND d.active AND d.open_conversations < d.capacity)) AND $1 = ANY (skills))
          ORDER BY (id = $2) DESC, last_assigned_at NULLS FIRST, code
          LIMIT 1 FOR UPDATE SKIP LOCKED),
       taken AS (UPDATE agent a SET open_conversations = open_conversations + 1, last_assigned_at = clock_timestamp() FROM candidate WHERE a.id = candidate.id RETURNING a.id)
       SELECT id FROM taken`,
      [request.skill, request.dedicatedAgentId],
    );
    return picked?.id ?? null;
  }
}
