/** Path of the installed Electron binary, or null when it was never downloaded. */
export function findElectronBinary(): string | null;
export const MISSING_ELECTRON_MESSAGE: string;
