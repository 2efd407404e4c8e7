import Holidays from 'date-holidays';

/**
 * England's bank holidays (public holidays for GB-ENG, including substitute days), from the
 * date-holidays package's own data: no network needed.
 */
export function englandBankHolidays(fromYear: number, toYear: number): string[] {
  const calendar = new Holidays('GB', 'ENG');
  const days: string[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    for (const h of calendar.getHolidays(year)) if (h.type === 'public') days.push(h.date.slice(0, 10));
  }
  return [...new Set(days)].sort();
}
