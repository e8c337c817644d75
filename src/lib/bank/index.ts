export { CONTENT_FIELDS, META_FIELDS, changedFields, fingerprintFields, fingerprintQuestion, shortStem, type ContentField, type Field } from './fingerprint.ts';
export { BankLockSchema, checkBankAgainstLock, lockQuestion, ReleaseSchema, type BankLock, type LockedQuestion, type Release } from './lock.ts';
export { diffBank, isEmptyChange, type BankChanges, type ChangeEntry } from './diff.ts';
export { describeFields, formatChangesMarkdown, formatChangesText } from './changelog.ts';
export { bumpVersion, createRelease, readBankLock } from './release.ts';
export { locateLockEntries, type LockPlaces } from './lock-places.ts';
