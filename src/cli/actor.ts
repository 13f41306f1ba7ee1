import { userInfo } from 'node:os';

/** The audit log's actor for the command line: CLI_USER when set (a CI job's name), else the operating-system user. */
export function cliActor(user?: string): string {
  if (user !== undefined) return `cli:${user}`;
  try {
    return `cli:${userInfo().username}`;
  } catch {
    // A uid with no passwd entry (some containers) has no name.
    return `cli:uid-${process.getuid?.() ?? 'unknown'}`;
  }
}
