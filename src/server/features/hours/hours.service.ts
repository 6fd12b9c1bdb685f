/**
 * The hours feature's use cases, one file each; the routes reach them through this one namespace.
 * The ledger's only writer is hours.ledger.ts; other features call it, never these.
 */
export { approveMany, decideRecord } from './hours.approvals';
export { correctRecord, listCorrectionRequests, requestCorrection, resolveCorrection } from './hours.corrections';
export { enterBackfill, getRecord, listMyRecords, listRecords } from './hours.records';
export { hoursSummary, mySummary, recognitionList } from './hours.stars';
export { addAward, addTraining, listAwards, listTraining } from './hours.training';
