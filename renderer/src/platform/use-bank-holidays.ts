import { useEffect, useState } from 'react';
import { useApi } from './api-context';

/** England bank holidays from main (offline data), for last year to next year; null until loaded. */
export function useBankHolidays(): ReadonlySet<string> | null {
  const api = useApi();
  const [days, setDays] = useState<ReadonlySet<string> | null>(null);
  useEffect(() => {
    const year = new Date().getFullYear();
    void api.getBankHolidays(year - 1, year + 1).then((r) => setDays(new Set(r.ok ? r.data : [])));
  }, [api]);
  return days;
}
