// Writes `--out` whole or not at all, and says in one line what to do when the file system refuses.
import { closeSync, openSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { InputError } from '../core/types';

/** The file-system calls the writer makes (tests stand in failures that root on Linux cannot provoke: EACCES, EBUSY, EROFS). */
export interface OutFs {
  statSync(path: string): { isDirectory(): boolean; isFile(): boolean } | undefined;
  writeFileSync(path: string, data: string): void;
  renameSync(from: string, to: string): void;
  unlinkSync(path: string): void;
  /** Writes to a file that is not a regular one (a device, a pipe) in place: it cannot be renamed over. */
  writeInPlace(path: string, data: string): void;
}

export const nodeOutFs: OutFs = {
  statSync: (p) => statSync(p, { throwIfNoEntry: false }),
  writeFileSync: (p, d) => writeFileSync(p, d),
  renameSync,
  unlinkSync,
  writeInPlace: (p, d) => {
    const fd = openSync(p, 'w');
    try {
      writeSync(fd, d);
    } finally {
      closeSync(fd);
    }
  },
};

/** What each failure means for the user, and what to do about it. */
const ADVICE: Record<string, string> = {
  EISDIR: 'is a folder: name a file, e.g. --out FOLDER/scored.csv',
  ENOENT: 'its folder does not exist: create the folder or name a file in another',
  ENOTDIR: 'part of the path is a file, not a folder: name a file in a folder',
  EACCES: 'cannot be written (permission denied): choose a folder you can write to, or close the program that has the file open',
  EPERM: 'cannot be written (not permitted): choose a folder you can write to, or close the program that has the file open',
  EROFS: 'is on a read-only disk: name a file on another disk',
  ENOSPC: 'the disk is full: free some space or name a file on another disk',
  EDQUOT: 'the disk quota is used up: free some space or name a file on another disk',
  EBUSY: 'is in use by another program (a spreadsheet that has it open?): close it and run again',
  ETXTBSY: 'is in use by another program: close it and run again',
  ENAMETOOLONG: 'the name is too long: choose a shorter one',
  EMFILE: 'too many files are open: close some programs and run again',
};

/** One line naming the output file and what to do; nothing was written. */
export function outFileError(path: string, e: unknown): InputError {
  const code = (e as { code?: string }).code ?? '';
  const advice = ADVICE[code] ?? `cannot be written (${code || (e as Error).message})`;
  return new InputError(`${advice}; nothing was written`, path);
}

/** Refuses at once, before any scoring, an output path that is a folder. */
export function checkOutPath(path: string, fs: OutFs = nodeOutFs): void {
  let found;
  try {
    found = fs.statSync(path);
  } catch (e) {
    throw outFileError(path, e);
  }
  if (found?.isDirectory()) throw outFileError(path, { code: 'EISDIR' });
}

/**
 * Written whole to a temporary file beside it, then renamed: a failed run (a full disk half-way) leaves no
 * partial output behind and an existing file as it was. A device or pipe (/dev/stdout) is written in place.
 */
export function writeOutFile(path: string, data: string, fs: OutFs = nodeOutFs, pid = process.pid): void {
  checkOutPath(path, fs);
  const found = fs.statSync(path);
  try {
    if (found && !found.isFile()) return fs.writeInPlace(path, data);
  } catch (e) {
    throw outFileError(path, e);
  }
  const tmp = `${path}.followback-${pid}.tmp`;
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, path);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* nothing to remove */
    }
    throw outFileError(path, e);
  }
}
