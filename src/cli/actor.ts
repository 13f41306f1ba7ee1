import { userInfo } from 'node:os';

/** The audit log's actor for the command line: the operating-system user who ran it. */
export function cliActor(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    // A uid with no passwd entry (some containers) has no name.
    return `cli:uid-${process.getuid?.() ?? 'unknown'}`;
  }
}
