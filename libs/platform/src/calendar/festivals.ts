/** A shopping festival's window by calendar day, e.g. 双11 from 10-20 to 11-11 (its run-up included). */
export interface Festival {
  readonly name: string;
  /** MM-DD, first and last day; `from` after `to` spans the new year. */
  readonly from: string;
  readonly to: string;
}

/** Reads `618:06-01/06-18; 双11:10-20/11-11`, adding a problem naming `variable` for each part it cannot read. */
export function parseFestivals(text: string, variable: string, problems: string[]): Festival[] {
  const festivals: Festival[] = [];
  for (const part of text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^([^:]+):(\d{2}-\d{2})\/(\d{2}-\d{2})$/.exec(part);
    if (!match || [match[2], match[3]].some((d) => Number.isNaN(Date.parse(`2024-${d}T00:00:00Z`)))) {
      problems.push(`${variable}: "${part}" is not name:MM-DD/MM-DD`);
      continue;
    }
    festivals.push({ name: match[1].trim(), from: match[2], to: match[3] });
  }
  return festivals;
}

/**
 * The festival assessed in a month `YYYY-MM`: the one whose last day falls in it (双11's run-up
 * from late October belongs to November), as its first and last days (YYYY-MM-DD); undefined in
 * other months.
 */
export function festivalDays(month: string, festivals: readonly Festival[]): { name: string; from: string; to: string } | undefined {
  const [year, monthNumber] = month.split('-');
  const festival = festivals.find((f) => f.to.slice(0, 2) === monthNumber);
  if (!festival) return undefined;
  const startYear = festival.from > festival.to ? Number(year) - 1 : Number(year);
  return { name: festival.name, from: `${startYear}-${festival.from}`, to: `${year}-${festival.to}` };
}
