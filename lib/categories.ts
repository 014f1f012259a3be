// Runs in: everywhere. The token categories, defined once: the registry's enum, the views' enum, and the one rule
// that tells a restaking token from a plain liquid staking token.
export const CATEGORIES = ['lrt', 'btc-lrt', 'sol-lrt', 'restaking-vault', 'lst'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Restaking tokens carry restaking risk and a restaking premium; liquid staking tokens (`lst`) do not. */
export const isRestaking = (category: string): boolean => category !== 'lst';
