import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { TEST_SERVER_URL } from '@shopops/testing';
import type { Queryable } from '../database/sql';
import { MemberAccountProjection } from './member-accounts';

describe('MemberAccountProjection', () => {
  const client = new Client({ connectionString: TEST_SERVER_URL });
  const em: Queryable = { query: async (sql, parameters) => (await client.query(sql, parameters)).rows };
  const buyers = new MemberAccountProjection({ table: 'buyer', platformColumn: 'platform' });
  const [first, second, survivor] = [randomUUID(), randomUUID(), randomUUID()];
  const owners = async () => (await client.query(`SELECT platform, platform_user_id, member_id FROM buyer ORDER BY platform_user_id`)).rows;

  beforeAll(async () => {
    await client.connect();
    await client.query(`CREATE TEMP TABLE buyer (platform text, platform_user_id text, member_id uuid, PRIMARY KEY (platform, platform_user_id))`);
  });
  afterAll(() => client.end());

  it('keeps the latest member an account was linked to, and moves a merged member’s accounts to the survivor', async () => {
    await buyers.link(em, { platform: 'taobao', platformUserId: 'tb-1', memberId: first });
    await buyers.link(em, { platform: 'taobao', platformUserId: 'tb-1', memberId: second });
    await buyers.link(em, { platform: 'douyin', platformUserId: 'dy-1', memberId: second });
    expect(await owners()).toEqual([
      { platform: 'douyin', platform_user_id: 'dy-1', member_id: second },
      { platform: 'taobao', platform_user_id: 'tb-1', member_id: second },
    ]);
    await buyers.merge(em, { survivorMemberId: survivor, mergedMemberId: second });
    expect((await owners()).map((row) => row.member_id)).toEqual([survivor, survivor]);
  });

  it('refuses a table or column that is not a plain identifier', () => {
    expect(() => new MemberAccountProjection({ table: 'buyer; DROP TABLE buyer', platformColumn: 'platform' })).toThrow('not a plain identifier');
  });
});
