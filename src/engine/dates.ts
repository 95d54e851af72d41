// Calendar dates as YYYY-MM-DD strings: they compare correctly as text and never shift with time zones.

export function isDate(value: unknown): value is string {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  // Arithmetic, not Date: this runs on every date of every artefact.
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Every artefact asks with the same few (day, months): "review within 12 months of today". */
const monthsLater = new Map<string, string>();

export function addMonths(day: string, months: number): string {
  const key = `${day}+${months}`;
  let result = monthsLater.get(key);
  if (result === undefined) {
    result = computeAddMonths(day, months);
    if (monthsLater.size < 10_000) monthsLater.set(key, result);
  }
  return result;
}

function computeAddMonths(day: string, months: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  // Clamp to the target month's last day (31 January + 1 month = 28/29 February).
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return target.toISOString().slice(0, 10);
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
