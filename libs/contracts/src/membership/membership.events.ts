import { IsInt, IsString, IsUUID, Length } from 'class-validator';
import { defineEvent } from '../events/define-event';

export class MemberCreatedPayload {
  @IsUUID() memberId!: string;
  @IsString() @Length(1, 32) platform!: string;
  @IsString() @Length(1, 128) platformUserId!: string;
}

export class PointsChangedPayload {
  @IsUUID() memberId!: string;
  @IsInt() delta!: number;
  @IsInt() balance!: number;
  @IsString() reason!: string;
  @IsString() sourceKey!: string;
}

export const MemberCreated = defineEvent('membership.member.created.v1', 'membership', MemberCreatedPayload);
export const PointsChanged = defineEvent('membership.points.changed.v1', 'membership', PointsChangedPayload);
