import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum ImportFormat {
  CSV = 'CSV',
  JSON = 'JSON',
}
export enum ImportStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}
registerEnumType(ImportFormat, { name: 'ImportFormat' });
registerEnumType(ImportStatus, { name: 'ImportStatus' });

@ObjectType()
export class ImportRowError {
  @Field(() => Int, { description: 'CSV: line number (header is 1); JSON: array index + 1' }) row!: number;
  @Field(() => String, { nullable: true }) productCode!: string | null;
  @Field(() => String) message!: string;
}

@ObjectType()
export class ImportJob {
  @Field(() => ID) id!: string;
  @Field(() => ImportFormat) format!: ImportFormat;
  @Field(() => ImportStatus) status!: ImportStatus;
  @Field(() => Int, { description: 'Products in the file' }) total!: number;
  @Field(() => Int) processed!: number;
  @Field(() => Int) created!: number;
  @Field(() => Int) failed!: number;
  @Field(() => Int, { description: 'processed / total, percent' }) progressPercent!: number;
  @Field(() => [ImportRowError]) errors!: ImportRowError[];
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) finishedAt!: Date | null;
}
