import { formatLondonTimestamp, londonToday } from '@shared/domain/london-time';

/** A backup's time, as people on the desk read it (London). */
export const when = (iso: string) => formatLondonTimestamp(new Date(iso));
export const size = (bytes: number) => (bytes > 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);
/** Today's date in London, for download names. */
export const today = () => londonToday();
