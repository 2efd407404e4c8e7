/**
 * The Connecting Care feature's data: partner organisations, licences, filing a request (which
 * emails the service desk) and tracking it at the back office.
 */
export { saveOrganisation } from './organisations';
export { COUNTED, licencesInUse } from './licences';
export { ccEmailNotQueued, fileCcRequest, queueCcEmailAgain } from './cc-requests';
export { targetFor, trackCcRequest } from './cc-tracking';
