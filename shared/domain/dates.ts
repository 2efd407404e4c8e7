/** Reads yyyy-mm-dd or dd/mm/yyyy (as DoS reports write dates); null when it is neither or not a real date. */
export function parseDate(text: string): string | null {
  const t = text.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(t);
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: .*)?$/.exec(t);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (uk) [y, m, d] = [Number(uk[3]), Number(uk[2]), Number(uk[1])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const DAY_WITH_WEEKDAY = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/**
 * A calendar date (yyyy-mm-dd) as people read it, the NHS way: "25 December 2026", or with
 * `weekday`, "Friday 25 December 2026". Text that is not a real date is returned as it is.
 */
export function formatDay(isoDate: string, options: { weekday?: boolean } = {}): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate) || !parseDate(isoDate)) return isoDate;
  const [y, m, d] = isoDate.split('-').map(Number);
  return (options.weekday ? DAY_WITH_WEEKDAY : DAY).format(new Date(Date.UTC(y!, m! - 1, d!))).replace(',', '');
}
