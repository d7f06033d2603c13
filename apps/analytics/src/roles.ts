/** Who may read the shop's figures. */
export const READERS = ['analyst', 'operator'] as const;
