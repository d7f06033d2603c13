export const OUTBOUND_CONFIG = Symbol('OUTBOUND_CONFIG');
