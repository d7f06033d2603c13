import { loadMembershipConfig } from '../membership.config';
import { communityLevel } from './interactions.handler';

describe('community levels', () => {
  it('raises a member to core user, then co-creator, at the default scores (100, 500)', () => {
    const { communityLevels } = loadMembershipConfig({});
    expect([0, 99, 100, 499, 500].map((score) => communityLevel(score, communityLevels))).toEqual(['member', 'member', 'core_user', 'core_user', 'co_creator']);
  });

  it('follows the thresholds the shop configured', () => {
    const { communityLevels } = loadMembershipConfig({ MEMBERSHIP_COMMUNITY_CORE_SCORE: '20', MEMBERSHIP_COMMUNITY_CO_CREATOR_SCORE: '60' });
    expect([19, 20, 59, 60, 100].map((score) => communityLevel(score, communityLevels))).toEqual([
      'member',
      'core_user',
      'core_user',
      'co_creator',
      'co_creator',
    ]);
  });
});
