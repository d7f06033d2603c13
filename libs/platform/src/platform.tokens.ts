/** Injection tokens of the platform module. */
export const PLATFORM_CONFIG = Symbol('PLATFORM_CONFIG');
export const PLATFORM_OPTIONS = Symbol('PLATFORM_OPTIONS');
