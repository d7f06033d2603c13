/** The people who work conversations and cases; most service-desk operations are theirs. */
export const STAFF = ['cs_agent', 'operator'] as const;
