import { randomUUID } from 'node:crypto';
import {
  eventually,
  GatewayClient,
  memberOf,
  type MemberView,
  postTrackedEvents,
  sendBuyerOrder,
  settledMember,
  testPool,
  trackedEvent,
  uniquePhone,
} from '@shopops/testing';

/** Members through the gateway: one member per person across platforms, PII by role, privacy rights. */
describe('members', () => {
  const gateway = new GatewayClient();
  const db = testPool();
  afterAll(() => db.end());

  const buy = (platform: 'taobao' | 'douyin', userId: string, phone: string | undefined, totalFen = 20000) =>
    sendBuyerOrder(gateway, platform, 'order.paid', { platformUserId: userId, ...(phone ? { phone } : {}) }, { totalFen });
  const memberFor = (platform: string, userId: string, accept?: (m: MemberView) => boolean) => settledMember(gateway, platform, userId, accept);
  const sentCodes = async (platformUserId: string) =>
    (
      await db.query(
        `SELECT payload FROM membership.outbox WHERE type = 'membership.identity.verification-requested.v1' AND payload->>'platformUserId' = $1 ORDER BY id`,
        [platformUserId],
      )
    ).rows.map((r) => r.payload as { memberId: string; platform: string; platformUserId: string; code: string });
  const memberOfId = async (id: string) =>
    (await gateway.data<{ member: { status: string } }>(`query($id: ID!) { member(id: $id) { status } }`, { id }, { role: 'operator' })).member;
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
    expect(identities.member.identities.map((i) => `${i.platform}:${i.platformUserId}`).sort()).toEqual(
      [`douyin:${douyinUser}`, `taobao:${taobaoUser}`].sort(),
    );
  });

  it('never joins a buyer to a member through a phone typed into a profile', async () => {
    const squatter = `tb_squat_${randomUUID().slice(0, 8)}`;
    await buy('taobao', squatter, uniquePhone());
    const { id: squatterId } = await memberFor('taobao', squatter);
    const victimPhone = uniquePhone();
    const declared = await gateway.data<{ updateMemberProfile: { __typename: string } }>(
      `mutation($i: MemberProfileInput!) { updateMemberProfile(input: $i) { __typename } }`,
      { i: { memberId: squatterId, phone: victimPhone } },
      { role: 'member', memberId: squatterId },
    );
    expect(declared.updateMemberProfile.__typename).toBe('Member');
    const victim = `dy_first_${randomUUID().slice(0, 8)}`;
    await buy('douyin', victim, victimPhone, 30000);
    // The order's points have landed once pending reaches its 300: then check on whom.
    const joined = await memberFor('douyin', victim, (m) => m.points.pending >= 300);
    expect(joined.id).not.toBe(squatterId);
    expect(joined.points.pending).toBe(300);
    expect(await memberFor('taobao', squatter)).toMatchObject({ id: squatterId, points: { pending: 200 } });
  });

  it('merges the member behind a linked account into the survivor on an admin’s reason, moving points and answering "already" on repeat', async () => {
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
        { i: { memberId, platform: 'douyin', platformUserId: b, mergeReason: '同一手机号实名核验，客户确认两个账号均为本人' } },
        { role: 'admin' },
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
    const audit = await db.query(`SELECT detail->>'reason' AS reason FROM membership.member_audit WHERE member_id = $1 AND action = 'member.merged'`, [
      survivor.id,
    ]);
    expect(audit.rows).toEqual([{ reason: '同一手机号实名核验，客户确认两个账号均为本人' }]);
    // A later order from the merged account counts for the survivor.
    await buy('douyin', b, undefined, 10000);
    await memberFor('taobao', a, (m) => m.points.pending === 600);
  });

  it('merges for a member, cs_agent or operator only with the code sent to the account: without it, or with a wrong one, nothing changes', async () => {
    const own = `tb_self_${randomUUID().slice(0, 8)}`;
    const victimAccount = `dy_victim_${randomUUID().slice(0, 8)}`;
    await buy('taobao', own, uniquePhone(), 10000);
    await buy('douyin', victimAccount, uniquePhone(), 40000);
    const caller = await memberFor('taobao', own, (m) => m.points.pending === 100);
    const victim = await memberFor('douyin', victimAccount, (m) => m.points.pending === 400);
    const link = (platformUserId: string, as: Parameters<GatewayClient['query']>[2], extra: Record<string, string> = {}) =>
      gateway.query<{ linkIdentity: { __typename: string; outcome?: string; errorCode?: string } }>(
        `mutation($i: LinkIdentityInput!) { linkIdentity(input: $i) { __typename ... on LinkIdentityOutcome { outcome } ... on ErrorResult { errorCode } } }`,
        { i: { memberId: caller.id, platform: 'douyin', platformUserId, ...extra } },
        as,
      );
    const asCaller = { role: 'member' as const, memberId: caller.id };
    for (const as of [asCaller, { role: 'cs_agent' as const }, { role: 'operator' as const }]) {
      expect((await link(victimAccount, as)).data?.linkIdentity).toEqual({
        __typename: 'IdentityVerificationRequiredError',
        errorCode: 'IDENTITY_VERIFICATION_REQUIRED',
      });
      const withReason = await link(victimAccount, as, { mergeReason: '客户说是本人' });
      expect(withReason.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const codes = await sentCodes(victimAccount);
    // Asked three times within a minute: one code went to the account.
    expect(codes).toHaveLength(1);
    expect(codes[0]).toMatchObject({ memberId: victim.id, platform: 'douyin', platformUserId: victimAccount });
    const wrong = String((Number(codes[0].code) + 1) % 1_000_000).padStart(6, '0');
    expect((await link(victimAccount, asCaller, { verificationCode: wrong })).data?.linkIdentity).toEqual({
      __typename: 'InvalidVerificationCodeError',
      errorCode: 'INVALID_VERIFICATION_CODE',
    });
    expect((await link(victimAccount, asCaller, { verificationCode: 'abc' })).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['verificationCode'],
    });
    expect(await memberFor('douyin', victimAccount)).toMatchObject({ id: victim.id, status: 'ACTIVE', points: { pending: 400 } });
    expect(await memberFor('taobao', own)).toMatchObject({ id: caller.id, points: { pending: 100 } });
    expect(
      (await db.query(`SELECT count(*)::int AS n FROM membership.member_audit WHERE action = 'member.merged' AND member_id = $1`, [caller.id])).rows[0].n,
    ).toBe(0);

    // An account nobody holds is the member's to link.
    const fresh = `dy_fresh_${randomUUID().slice(0, 8)}`;
    expect((await link(fresh, asCaller)).data?.linkIdentity).toEqual({ __typename: 'LinkIdentityOutcome', outcome: 'linked' });
    expect((await memberFor('douyin', fresh)).id).toBe(caller.id);
  });

  it('merges when the member types back the code sent to the account, once', async () => {
    const own = `tb_prove_${randomUUID().slice(0, 8)}`;
    const second = `dy_second_${randomUUID().slice(0, 8)}`;
    await buy('taobao', own, uniquePhone(), 10000);
    await buy('douyin', second, uniquePhone(), 40000);
    const me = await memberFor('taobao', own, (m) => m.points.pending === 100);
    const other = await memberFor('douyin', second, (m) => m.points.pending === 400);
    const link = (verificationCode?: string) =>
      gateway.data<{ linkIdentity: { __typename: string; outcome?: string } }>(
        `mutation($i: LinkIdentityInput!) { linkIdentity(input: $i) { __typename ... on LinkIdentityOutcome { outcome } } }`,
        { i: { memberId: me.id, platform: 'douyin', platformUserId: second, ...(verificationCode ? { verificationCode } : {}) } },
        { role: 'member', memberId: me.id },
      );
    expect((await link()).linkIdentity.__typename).toBe('IdentityVerificationRequiredError');
    const [sent] = await sentCodes(second);
    expect((await link(sent.code)).linkIdentity).toEqual({ __typename: 'LinkIdentityOutcome', outcome: 'merged' });
    expect(await memberFor('douyin', second)).toMatchObject({ id: me.id, points: { pending: 500 } });
    expect((await memberOfId(other.id)).status).toBe('MERGED');
    expect((await link(sent.code)).linkIdentity).toEqual({ __typename: 'LinkIdentityOutcome', outcome: 'already' });
    const stored = await db.query(`SELECT code_hash FROM membership.identity_verification WHERE member_id = $1`, [me.id]);
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0].code_hash).not.toContain(sent.code);
  });

  it('takes no code, not even a fresh right one, after five wrong tries for an account in a day', async () => {
    const own = `tb_guess_${randomUUID().slice(0, 8)}`;
    const target = `dy_target_${randomUUID().slice(0, 8)}`;
    await buy('taobao', own, uniquePhone());
    await buy('douyin', target, uniquePhone());
    const me = await memberFor('taobao', own);
    const holder = await memberFor('douyin', target);
    const link = async (verificationCode?: string) =>
      (
        await gateway.data<{ linkIdentity: { __typename: string } }>(
          `mutation($i: LinkIdentityInput!) { linkIdentity(input: $i) { __typename } }`,
          { i: { memberId: me.id, platform: 'douyin', platformUserId: target, ...(verificationCode ? { verificationCode } : {}) } },
          { role: 'member', memberId: me.id },
        )
      ).linkIdentity.__typename;
    expect(await link()).toBe('IdentityVerificationRequiredError');
    const [first] = await sentCodes(target);
    const wrong = (i: number) => String((Number(first.code) + i) % 1_000_000).padStart(6, '0');
    for (let i = 1; i <= 5; i++) expect(await link(wrong(i))).toBe('InvalidVerificationCodeError');
    // A minute later a new code may be sent; the day's wrong tries still count.
    await db.query(`UPDATE membership.identity_verification SET created_at = created_at - interval '2 minutes' WHERE member_id = $1`, [me.id]);
    expect(await link()).toBe('IdentityVerificationRequiredError');
    const codes = await sentCodes(target);
    expect(codes).toHaveLength(2);
    expect(await link(codes[1].code)).toBe('InvalidVerificationCodeError');
    expect(await memberFor('douyin', target)).toMatchObject({ id: holder.id, status: 'ACTIVE' });
  });

  it('answers a member null alike for another member’s account and for no account, and their own member for theirs', async () => {
    const own = `tb_who_${randomUUID().slice(0, 8)}`;
    const others = `tb_others_${randomUUID().slice(0, 8)}`;
    await buy('taobao', own, uniquePhone());
    await buy('taobao', others, uniquePhone());
    const me = await memberFor('taobao', own);
    await memberFor('taobao', others);
    const lookup = (platformUserId: string) =>
      gateway.query<{ memberByIdentity: { id: string } | null }>(
        `query($u: String!) { memberByIdentity(platform: "taobao", platformUserId: $u) { id } }`,
        { u: platformUserId },
        { role: 'member', memberId: me.id },
      );
    const foreign = await lookup(others);
    const missing = await lookup(`tb_nobody_${randomUUID().slice(0, 8)}`);
    expect(foreign).toEqual({ status: 200, data: { memberByIdentity: null } });
    expect(missing).toEqual(foreign);
    expect((await lookup(own)).data?.memberByIdentity).toEqual({ id: me.id });
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
    const byPhone = await gateway.data<{ memberByPhone: { id: string } | null }>(
      `query($p: String!) { memberByPhone(phone: $p) { id } }`,
      { p: phone },
      { role: 'cs_agent' },
    );
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
    const consented = await gateway.data<{ setConsent: { __typename: string; channel?: string; granted?: boolean } }>(
      `mutation($i: ConsentInput!) { setConsent(input: $i) { __typename ... on Consent { channel granted } } }`,
      { i: { memberId: id, channel: 'sms', granted: true } },
      { role: 'member', memberId: id },
    );
    expect(consented.setConsent).toEqual({ __typename: 'Consent', channel: 'sms', granted: true });
    const consents = await gateway.data<{ member: { consents: Array<{ channel: string; granted: boolean }> } }>(
      `query($id: ID!) { member(id: $id) { consents { channel granted } } }`,
      { id },
      { role: 'admin' },
    );
    expect(consents.member.consents).toEqual([{ channel: 'sms', granted: true }]);
    const exportOf = async (memberId: string, caller: { role: 'admin' } | { role: 'member'; memberId: string }) =>
      (
        await gateway.data<{ memberDataExport: { __typename: string; memberId?: string; document?: string; entity?: string } }>(
          `query($id: ID!) { memberDataExport(memberId: $id) { __typename ... on MemberDataExport { memberId document } ... on NotFoundError { entity key } } }`,
          { id: memberId },
          caller,
        )
      ).memberDataExport;
    // What they looked at and bought on the site is theirs too: exported, then erased.
    const viewed = `LX-ERASE-${randomUUID().slice(0, 6)}`;
    const at = new Date().toISOString();
    await postTrackedEvents(gateway.baseUrl, [
      trackedEvent('product_view', id, at, { productCode: viewed }),
      trackedEvent('add_to_cart', id, at, { skuCode: `${viewed}-M` }),
    ]);
    const behaviourRows = async () =>
      (
        await db.query<{ n: number }>(
          `SELECT (SELECT count(*) FROM membership.member_product_view WHERE member_id = $1) + (SELECT count(*) FROM membership.member_cart WHERE member_id = $1)
                  + (SELECT product_views FROM membership.member WHERE id = $1) AS n`,
          [id],
        )
      ).rows[0].n;
    await eventually(behaviourRows, (n) => Number(n) === 3, { what: 'the view and the cart in membership' });
    const unknown = randomUUID();
    expect(await exportOf(unknown, { role: 'admin' })).toEqual({ __typename: 'NotFoundError', entity: 'Member', key: unknown });
    const found = await exportOf(id, { role: 'member', memberId: id });
    expect(found).toMatchObject({ __typename: 'MemberDataExport', memberId: id });
    const exported = JSON.parse(found.document ?? '');
    expect(JSON.stringify(exported)).toContain(phone);
    expect(JSON.stringify(exported)).toContain(user);
    expect(exported.behaviour).toMatchObject({
      productViews: 1,
      cart: [{ sku_code: `${viewed}-M` }],
      firstViews: [{ product_code: viewed }],
    });

    const bad = await gateway.query(`mutation { eraseMember(memberId: "${id}", reason: "") { __typename } }`, {}, { role: 'admin' });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const erased = await gateway.data<{ eraseMember: { __typename: string; notified?: string[] } }>(
      `mutation($id: ID!) { eraseMember(memberId: $id, reason: "会员申请注销") { __typename ... on ErasureReceipt { notified } } }`,
      { id },
      { role: 'admin' },
    );
    expect(erased.eraseMember.__typename).toBe('ErasureReceipt');
    expect(erased.eraseMember.notified).toEqual(expect.arrayContaining(['customer-service', 'analytics']));
    const row = (
      await db.query(`SELECT status, phone_sealed, phone_hash, address_sealed, birthday_sealed, nickname FROM membership.member WHERE id = $1`, [id])
    ).rows[0];
    expect(row).toMatchObject({ status: 'ERASED', phone_sealed: null, phone_hash: null, address_sealed: null, birthday_sealed: null });
    expect(await memberOf(gateway, 'taobao', user)).toBeNull();
    expect(Number(await behaviourRows())).toBe(0);
    const outbox = await db.query(
      `SELECT count(*)::int AS n FROM membership.outbox WHERE type = 'membership.member.erasure-requested.v2' AND payload->>'memberId' = $1`,
      [id],
    );
    expect(outbox.rows[0].n).toBe(1);
  });
});
