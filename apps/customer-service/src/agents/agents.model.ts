import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { ErrorResult } from '@shopops/platform';

@ObjectType()
export class Agent {
  @Field(() => ID) id!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => [String], { description: 'e.g. pre-sales, after-sales, complaint, vip, en' }) skills!: string[];
  @Field(() => Int, { description: 'Open conversations the agent may own at once' }) capacity!: number;
  @Field(() => Int) openConversations!: number;
  @Field(() => Boolean) active!: boolean;
}

@InputType()
export class AgentInput {
  @Field(() => String)
  @IsString()
  @Length(1, 32)
  @Matches(/^[a-z0-9][a-z0-9._-]*$/, { message: 'code must be lower-case letters, digits, dot, dash, underscore' })
  code!: string;
  @Field(() => String) @IsString() @Length(1, 64) name!: string;
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(20) @IsString({ each: true }) skills?: string[];
  @Field(() => Int) @IsInt() @Min(0) @Max(200) capacity!: number;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() active?: boolean;
}

/** The agent already owns as many open conversations as their capacity allows. */
@ObjectType({ implements: () => [ErrorResult] })
export class AgentAtCapacityError extends ErrorResult {
  @Field(() => String) agentCode!: string;
  @Field(() => Int) capacity!: number;

  static of(agentCode: string, capacity: number): AgentAtCapacityError {
    return Object.assign(new AgentAtCapacityError(), {
      errorCode: 'AGENT_AT_CAPACITY',
      message: `${agentCode} already owns ${capacity} open conversations`,
      agentCode,
      capacity,
    });
  }
}

/** Another agent owns the conversation (首问负责制): hand it over explicitly first. */
@ObjectType({ implements: () => [ErrorResult] })
export class NotOwnerError extends ErrorResult {
  @Field(() => String) ownerAgentCode!: string;

  static of(ownerAgentCode: string): NotOwnerError {
    return Object.assign(new NotOwnerError(), {
      errorCode: 'NOT_OWNER',
      message: `The conversation is owned by ${ownerAgentCode}; ask for a handover`,
      ownerAgentCode,
    });
  }
}
