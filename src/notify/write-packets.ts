import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

// Packets as files in one directory, one per controller. Names are built from ids, which the
// register already limits to [a-z0-9._-], and are checked again here: the directory is the only
// place written. Each file is written under a temporary name and renamed over the final one, so a
// symbolic link planted at that name is replaced, not followed, and a failure leaves no packet
// half-written: all are written first, then renamed into place, and the temporary files of a
// failed run are removed.

/** Filesystems allow 255 bytes per name; ids may each be 200 characters. */
const NAME_MAX = 160;

/** `<incident>--<controller>.<ext>`, shortened with a hash of the whole when it is too long. */
export function packetFileName(incident: string, controller: string, ext: 'md' | 'json'): string {
  const base = `${incident}--${controller}`.replace(/[^a-z0-9._-]/g, '_').replace(/^[._-]+/, '');
  if (base.length > 0 && base.length <= NAME_MAX) return `${base}.${ext}`;
  const hash = createHash('sha256').update(`${incident}\n${controller}`).digest('hex').slice(0, 16);
  return `${base.slice(0, NAME_MAX - 17)}-${hash}.${ext}`;
}

export interface PacketFile {
  name: string;
  content: string;
}

/** Thrown when DIR cannot take the packets; the message says which path and why. */
export class OutputDirError extends Error {}

const reason = (error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EACCES' || code === 'EPERM'
    ? 'permission denied'
    : code === 'ENOTDIR' || code === 'EEXIST'
      ? 'it is not a directory'
      : code === 'EROFS'
        ? 'read-only file system'
        : code === 'ENOENT'
          ? 'the directory cannot be made there'
          : code === 'ENOSPC'
            ? 'no space left on the device'
            : (error as Error).message;
};

/**
 * mkdir -p by hand: Node's recursive mkdir never returns when the file system answers ENOENT for
 * a directory whose parent exists (/proc/x on Linux); here each missing level is made once.
 */
async function makeDir(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let d = dir; ; d = dirname(d)) {
    const found = await stat(d).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (found) {
      if (!found.isDirectory())
        throw Object.assign(new Error(`${d} is not a directory`), { code: 'ENOTDIR' });
      break;
    }
    missing.unshift(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing) await mkdir(d);
}

/** Writes every file into `dir` (made if missing) and returns their paths, or writes none. */
export async function writePackets(dir: string, files: readonly PacketFile[]): Promise<string[]> {
  try {
    await makeDir(resolve(dir));
  } catch (error) {
    throw new OutputDirError(`--out ${dir}: cannot write packets there: ${reason(error)}`);
  }
  const targets = files.map((f) => {
    const target = join(dir, f.name);
    const rel = relative(dir, target);
    if (f.name.includes('/') || f.name.includes('\\') || rel.startsWith('..') || isAbsolute(rel))
      throw new OutputDirError(`--out ${dir}: refusing to write ${f.name} outside it`);
    return target;
  });
  const suffix = `.${randomBytes(6).toString('hex')}.tmp`;
  const temps = targets.map((t) => `${t}${suffix}`);
  try {
    // flag wx: a temporary name never follows or overwrites what is there.
    for (const [k, f] of files.entries())
      await writeFile(temps[k]!, f.content, { flag: 'wx', mode: 0o644 });
    for (const [k, target] of targets.entries()) await rename(temps[k]!, target);
  } catch (error) {
    await Promise.all(temps.map((t) => rm(t, { force: true })));
    throw new OutputDirError(`--out ${dir}: cannot write packets there: ${reason(error)}`);
  }
  return targets;
}
