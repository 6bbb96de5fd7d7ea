// One writer at a time per document: a second run gets a clear message instead of interleaving its writes.
import { UserError } from './errors';

export const BUSY_MESSAGE =
  'Followback is already working on this spreadsheet (another scoring run or Clear is in progress). Try again when it has finished.';

export function withDocumentLock<T>(work: () => T, waitMs = 3000): T {
  const lock = LockService.getDocumentLock();
  if (!lock || !lock.tryLock(waitMs)) throw new UserError(BUSY_MESSAGE);
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
