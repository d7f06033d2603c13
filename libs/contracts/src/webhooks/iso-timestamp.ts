import { Matches } from 'class-validator';

/** ISO 8601 date-time with an explicit offset (`Z` or `+08:00`), as the webhook contract requires. */
export const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function IsIsoWithOffset(): PropertyDecorator {
  return Matches(ISO_WITH_OFFSET, {
    message: ({ property }) => `${property} must be an ISO 8601 date-time with an offset, e.g. 2026-11-11T00:00:01+08:00`,
  });
}
