import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { findUnstorableJson, type FieldProblem } from '@shopops/contracts';
import { catchError, type Observable } from 'rxjs';
import { inputDataException, type DataException } from '../database/data-exception';
import { rootLogger } from '../logging/logger';
import { badUserInput } from './errors';

type Leaf = { readonly field: string; readonly value: string };

/** Every scalar of the arguments with its dotted path (`input.skus.0.code`). */
function argumentLeaves(args: Record<string, unknown>): Leaf[] {
  const leaves: Leaf[] = [];
  const pending: Array<[string, unknown]> = Object.entries(args);
  while (pending.length > 0) {
    const [field, value] = pending.pop() as [string, unknown];
    if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
      for (const [key, child] of Object.entries(value)) pending.push([`${field}.${key}`, child]);
    } else if (value !== null && value !== undefined) {
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- objects were expanded above: only scalars reach here
      leaves.push({ field, value: value instanceof Date ? value.toISOString() : String(value) });
    }
  }
  return leaves;
}

/** The argument whose value PostgreSQL refused: the one it quotes, or a negative count. */
function refusedArgument(args: Record<string, unknown>, refusal: DataException): string | undefined {
  const leaves = argumentLeaves(args);
  if (refusal.negativeCount) return leaves.find((leaf) => Number(leaf.value) < 0)?.field;
  const refused = refusal.value;
  if (refused === undefined) return undefined;
  const exact = leaves.find((leaf) => leaf.value === refused);
  return (exact ?? leaves.find((leaf) => leaf.value.length > 0 && (refused.includes(leaf.value) || leaf.value.includes(refused))))?.field;
}

/**
 * Client mistakes in GraphQL arguments answer BAD_USER_INPUT naming the argument, in every
 * subgraph and for every field: text no table can hold (NUL, lone surrogates) is refused before
 * the resolver runs, and a value PostgreSQL still refuses as data (a malformed uuid, a date that
 * does not exist, a number too big for its column) is reported as the caller's, not as a crash.
 */
@Injectable()
export class ArgumentSafetyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() !== 'graphql') return next.handle();
    const args = GqlExecutionContext.create(context).getArgs<Record<string, unknown>>();
    const unstorable = findUnstorableJson(args);
    if (unstorable.length > 0) throw badUserInput(unstorable);
    return next.handle().pipe(
      catchError((error: unknown) => {
        const refusal = inputDataException(error);
        const field = refusal ? refusedArgument(args, refusal) : undefined;
        if (!refusal || !field) throw error;
        rootLogger().info({ code: refusal.code, field }, 'argument refused by the database');
        const problem: FieldProblem = { field, message: `${field} is not a valid value here (${refusal.message})` };
        throw badUserInput([problem]);
      }),
    );
  }
}
