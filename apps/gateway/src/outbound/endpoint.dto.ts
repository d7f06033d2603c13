import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { IsIsoWithOffset } from '@shopops/contracts';

export class CreateEndpointBody {
  @IsString() @Length(8, 2048) url!: string;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @IsString({ each: true }) eventTypes!: string[];
  @IsOptional() @IsString() @MaxLength(200) description?: string;
}

export class UpdateEndpointBody {
  @IsOptional() @IsString() @Length(8, 2048) url?: string;
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @IsString({ each: true }) eventTypes?: string[];
  @IsOptional() @IsString() @MaxLength(200) description?: string;
  /** `active` also re-enables a disabled endpoint and closes its circuit. */
  @IsOptional() @IsIn(['active', 'paused']) status?: 'active' | 'paused';
}

export class ReplayBody {
  @IsOptional() @IsUUID() messageId?: string;
  @IsOptional() @IsIsoWithOffset() from?: string;
  @IsOptional() @IsIsoWithOffset() to?: string;
}

export class MessagesQuery {
  @IsOptional() @IsIn(['pending', 'sending', 'delivered', 'failed']) status?: string;
  @IsOptional() @IsString() @Matches(/^[0-9]{1,3}$/, { message: 'limit must be a whole number up to 999' }) limit?: string;
}

/** The `:id` of every /webhook-endpoints/:id route. */
export class EndpointParams {
  @IsUUID('all', { message: 'id must be a UUID, as returned when the endpoint was created' }) id!: string;
}
