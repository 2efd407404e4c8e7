// Backups of the records: the file and its checks (backup-file.ts), sending it to main and reading
// it back (backup-transfer.ts), and restoring from it (backup-restore.ts). Import them from here.
export { BackupError, exportDatabase, parseBackup, tableCounts, tableHashes, type ParsedBackup, type Progress } from './backup-file';
export { backupNow, readBackup, sendBackup } from './backup-transfer';
export { restoreInto, settingsInBackup, type RestoreOptions, type RestoreOutcome } from './backup-restore';
