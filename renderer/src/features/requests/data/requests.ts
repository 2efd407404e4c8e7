/** The requests feature's data: the queue, the actions on one request, and CSV import. */
export { lastQueuePage, queueCounts, queueRows, getRequestInScope, type QueueCounts } from './queue';
export { approveRequest, changeRegion, createRequest, markValidated, rejectRequest, resendActivation } from './request-actions';
export { emailsNotQueued, queueEmailsNotQueued } from './request-emails';
export { importRequests, previewRequestsCsv, REQUEST_CSV_COLUMNS, type RequestImportRow } from './requests-csv';
export { standsOut } from './request-rules';
