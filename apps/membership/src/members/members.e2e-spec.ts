import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { GatewayClient, memberOf, sendBuyerOrder, settledMember, uniquePhone, type MemberView } from '@shopops/testing';

/** Members through the gateway: one member per person across platforms, PII by role, privacy rights. */
describe('members', () => {
  const gateway = new GatewayClient();
  const db = new Pool({ connectionString: process.env.SHOPOPS_TEST_DATABASE_URL, max: 1 });
  afterAll(() => db.end());

  const buy = (platform: 'taobao' | 'douyin', userId: string, phone: string | undefined, totalFen = 20000) =>
    sendBuyerOrder(gateway, platform, 'order.paid', { platformUserId: userId, ...(phone ? { phone } : {}) }, { totalFen });
  const memberFor = (platform: string, userId: string, accept?: (m: MemberView) => boolean) => settledMember(gateway, platform, userId, accept);
  const phoneAs = async (memberId: string, as: Parameters<GatewayClient['query']>[2]) =>
    gateway.query<{ member: { phone: string | null } | null }>(`query($id: ID!) { member(id: $id) { phone } }`, { id: memberId }, as);

  it('links a Douyin buyer to the Taobao member with the same phone, so points pool on one member', async () => {
    const phone = uniquePhone();
    const taobaoUser = `tb_same_${randomUUID().slice(0, 8)}`;
    const douyinUser = `dy_same_${randomUUID().slice(0, 8)}`;
    await buy('taobao', taobaoUser, phone, 30000);
    const first = await memberFor('taobao', taobaoUser, (m) => m.points.pending === 300);
    await buy('douyin', douyinUser, phone, 20000);
    const second = await memberFor('douyin', douyinUser, (m) => m.points.pending === 500);
    expect(second.id).toBe(first.id);
    const identities = await gateway.data<{ member: { identities: Array<{ platform: string; platformUserId: string }> } }>(
      `query($id: ID!) { member(id: $id) { identities { platform platformUserId } } }`,
      { id: first.id },
      { role: 'operator' },
    );
    expect(identities.member.identities.map((i) => `${i.platform}:${i.platformUserId}`).sort()).toEqual([`douyin:${douyinUser}`, `taobao:${taobaoUser}`].sort());
  });

  it('merges the member behind a linked account into the survivor, moving points and answering "already" on repeat', async () => {
    const a = `tb_keep_${randomUUID().slice(0, 8)}`;
    const b = `dy_dup_${randomUUID().slice(0, 8)}`;
    await buy('taobao', a, uniquePhone(), 10000);
    await buy('douyin', b, uniquePhone(), 40000);
    const survivor = await memberFor('taobao', a, (m) => m.points.pending === 100);
    const duplicate = await memberFor('douyin', b, (m) => m.points.pending === 400);
    expect(duplicate.id).not.toBe(survivor.id);
    const link = (memberId: string) =>
      gateway.data<{ linkIdentity: { __typename: string; memberId?: string; outcome?: string } }>(
        `mutation($i: LinkIdentityInput!) { linkIdentity(input: $i) { __typename ... on LinkIdentityOutcome { memberId outcome } } }`,
        { i: { memberId, platform: 'douyin', platformUserId: b } },
        { role: 'cs_agent' },
      );
    expect((await link(survivor.id)).linkIdentity).toEqual({ __typename: 'LinkIdentityOutcome', memberId: survivor.id, outcome: 'merged' });
    expect((await link(survivor.id)).linkIdentity).toMatchObject({ outcome: 'already' });
    const merged = await memberFor('douyin', b);
    expect(merged).toMatchObject({ id: survivor.id, points: { pending: 500, balance: 0 } });
    const loser = await gateway.data<{ member: { status: string; mergedInto: string; points: { pending: number } } }>(
      `query($id: ID!) { member(id: $id) { status mergedInto points { pending } } }`,
      { id: duplicate.id },
      { role: 'operator' },
    );
    expect(loser.member).toEqual({ status: 'MERGED', mergedInto: survivor.id, points: { pending: 0 } });
    // A later order from the merged account counts for the survivor.
    await buy('douyin', b, undefined, 10000);
    await memberFor('taobao', a, (m) => m.points.pending === 600);
  });

  it('shows the phone in clear to a cs_agent (audited), masked to an analyst, and a member only their own membership', async () => {
    const phone = uniquePhone();
    const user = `tb_pii_${randomUUID().slice(0, 8)}`;
    await buy('taobao', user, phone);
    const { id } = await memberFor('taobao', user);
    const otherUser = `tb_other_${randomUUID().slice(0, 8)}`;
    await buy('taobao', otherUser, uniquePhone());
    const other = await memberFor('taobao', otherUser);

    const auditedBefore = (await db.query(`SELECT count(*)::int AS n FROM membership.pii_access_log WHERE member_id = $1`, [id])).rows[0].n;
    expect((await phoneAs(id, { role: 'cs_agent' })).data?.member?.phone).toBe(phone);
    const audited = await db.query(`SELECT field, role FROM membership.pii_access_log WHERE member_id = $1 ORDER BY id DESC LIMIT 1`, [id]);
    expect((await db.query(`SELECT count(*)::int AS n FROM membership.pii_access_log WHERE member_id = $1`, [id])).rows[0].n).toBe(auditedBefore + 1);
    expect(audited.rows[0]).toEqual({ field: 'phone', role: 'cs_agent' });

    expect((await phoneAs(id, { role: 'analyst' })).data?.member?.phone).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    expect((await phoneAs(id, { role: 'member', memberId: id })).data?.member?.phone).toBe(phone);
    const foreign = await phoneAs(other.id, { role: 'member', memberId: id });
    expect(foreign.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(foreign.data?.member ?? null).toBeNull();
    expect((await phoneAs(id, {})).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    // At rest the phone is ciphertext, and lookups go through a keyed hash.
    const stored = await db.query(`SELECT phone_sealed, phone_hash FROM membership.member WHERE id = $1`, [id]);
    expect(stored.rows[0].phone_sealed).not.toContain(phone);
    expect(stored.rows[0].phone_hash).not.toContain(phone);
    const byPhone = await gateway.data<{ memberByPhone: { id: string } | null }>(`query($p: String!) { memberByPhone(phone: $p) { id } }`, { p: phone }, { role: 'cs_agent' });
    expect(byPhone.memberByPhone?.id).toBe(id);
  });

  it('exports what it holds about a member, then erases them: PII gone, accounts pseudonymised, other services told', async () => {
    const phone = uniquePhone();
    const user = `tb_erase_${randomUUID().slice(0, 8)}`;
    await buy('taobao', user, phone);
    const { id } = await memberFor('taobao', user);
    await gateway.data(
      `mutation($i: MemberProfileInput!) { updateMemberProfile(input: $i) { __typename } }`,
      { i: { memberId: id, address: '上海市静安区南京西路 1266 号', birthday: '1994-05-20' } },
      { role: 'member', memberId: id },
    );
    const exported = JSON.parse((await gateway.data<{ memberDataExport: string }>(`query($id: ID!) { memberDataExport(memberId: $id) }`, { id }, { role: 'member', memberId: id })).memberDataExport);
    expect(JSON.stringify(exported)).toContain(phone);
    expect(JSON.stringify(exported)).toContain(user);

    const bad = await gateway.query(`mutation { eraseMember(memberId: "${id}", reason: "") { __typename } }`, {}, { role: 'admin' });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const erased = await gateway.data<{ eraseMember: { __typename: string; notified?: string[] } }>(
      `mutation($id: ID!) { eraseMember(memberId: $id, reason: "会员申请注销") { __typename ... on ErasureReceipt { notified } } }`,
      { id },
      { role: 'admin' },
    );
    expect(erased.eraseMember.__typename).toBe('ErasureReceipt');
    expect(erased.eraseMember.notified).toEqual(expect.arrayContaining(['customer-service', 'analytics']));
    const row = (await db.query(`SELECT status, phone_sealed, phone_hash, address_sealed, birthday_sealed, nickname FROM membership.member WHERE id = $1`, [id])).rows[0];
    expect(row).toMatchObject({ status: 'ERASED', phone_sealed: null, phone_hash: null, address_sealed: null, birthday_sealed: null });
    expect(await memberOf(gateway, 'taobao', user)).toBeNull();
    const outbox = await db.query(`SELECT count(*)::int AS n FROM membership.outbox WHERE type = 'membership.member.erasure-requested.v2' AND payload->>'memberId' = $1`, [id]);
    expect(outbox.rows[0].n).toBe(1);
  });
});
