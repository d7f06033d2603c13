import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { ErrorResult } from '@shopops/platform';
import { IsOptional, IsString, Length, Matches } from 'class-validator';

@ObjectType('MemberIdentity')
export class MemberIdentityView {
  @Field(() => String) platform!: string;
  @Field(() => String) platformUserId!: string;
  @Field(() => Date) linkedAt!: Date;
}

@InputType()
export class LinkIdentityInput {
  @Field(() => ID) @IsString() @Length(36, 36) memberId!: string;
  @Field(() => String, { description: 'taobao, douyin, mall, wechat (union id), …' })
  @Matches(/^[a-z][a-z0-9-]{0,31}$/, { message: 'platform must be a lowercase platform name' })
  platform!: string;
  @Field(() => String) @IsString() @Length(1, 128) platformUserId!: string;
  @Field(() => String, { nullable: true, description: 'Admin only: why the account’s member is the same person; merges that member into this one' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  @Matches(/\S/, { message: 'mergeReason must say why' })
  mergeReason?: string;
  @Field(() => String, { nullable: true, description: 'The one-time code sent to the account when it belongs to another member' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'verificationCode must be the 6 digits sent to the account' })
  verificationCode?: string;
}

@ObjectType()
export class LinkIdentityOutcome {
  @Field(() => ID) memberId!: string;
  @Field(() => String, { description: 'linked, merged (the account belonged to another member, now merged in) or already' }) outcome!: string;
}

/** The account belongs to another member: a one-time code went to it, and linking again with that code merges the two. */
@ObjectType({ implements: () => [ErrorResult] })
export class IdentityVerificationRequiredError extends ErrorResult {
  @Field(() => String) platform!: string;
  @Field(() => String) platformUserId!: string;
  @Field(() => Date, { description: 'Until when the code sent to the account is good' }) expiresAt!: Date;

  static of(platform: string, platformUserId: string, expiresAt: Date): IdentityVerificationRequiredError {
    return Object.assign(new IdentityVerificationRequiredError(), {
      errorCode: 'IDENTITY_VERIFICATION_REQUIRED',
      message: `${platform} account ${platformUserId} belongs to another membership: a one-time code was sent to that account; link again with verificationCode (or an admin merges with mergeReason)`,
      platform,
      platformUserId,
      expiresAt,
    });
  }
}

/** The code does not match the live one sent to the account (or it expired, or was tried too often). */
@ObjectType({ implements: () => [ErrorResult] })
export class InvalidVerificationCodeError extends ErrorResult {
  static of(platform: string, platformUserId: string): InvalidVerificationCodeError {
    return Object.assign(new InvalidVerificationCodeError(), {
      errorCode: 'INVALID_VERIFICATION_CODE',
      message: `The code is not the live one sent to ${platform} account ${platformUserId}: link without a code for a new one`,
    });
  }
}
