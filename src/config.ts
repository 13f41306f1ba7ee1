import { z } from 'zod';
import { ConfigError } from './errors.js';

// The only reader of process.env: everything else receives a typed Config.

// Neo4j 5 refuses to set a password shorter than this (dbms.security.auth_minimum_password_length).
const MIN_NEO4J_PASSWORD = 8;
// Never echoed in an error message.
const SECRETS = new Set(['NEO4J_PASSWORD']);

const flag = z.enum(['0', '1', 'true', 'false'], { message: 'expected 0, 1, true or false' }).transform((v) => v === '1' || v === 'true');

const envSchema = z
  .object({
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number({ message: 'expected a port number from 0 to 65535' }).int({ message: 'expected a port number from 0 to 65535' }).min(0).max(65535, { message: 'expected a port number from 0 to 65535' }).default(4000),
    STORE: z.enum(['embedded', 'neo4j'], { message: 'expected embedded or neo4j' }).default('embedded'),
    DATA_DIR: z.string().min(1).default('./data'),
    DEMO: flag.default(true),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    NEO4J_URI: z.string().regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/.+/, 'expected a URI like neo4j://localhost:7687').optional(),
    NEO4J_USER: z.string().min(1).default('neo4j'),
    NEO4J_PASSWORD: z.string().min(1).optional(),
    NEO4J_DATABASE: z.string().min(1).optional(),
    NEO4J_CONNECT_TIMEOUT_S: z.coerce.number({ message: 'expected seconds from 0 to 3600' }).int().min(0).max(3600).default(60),
  })
  .superRefine((env, ctx) => {
    if (env.STORE !== 'neo4j') return;
    if (!env.NEO4J_URI) ctx.addIssue({ code: 'custom', path: ['NEO4J_URI'], message: 'is required when STORE=neo4j' });
    if (!env.NEO4J_PASSWORD) ctx.addIssue({ code: 'custom', path: ['NEO4J_PASSWORD'], message: 'is required when STORE=neo4j' });
    else if (env.NEO4J_PASSWORD.length < MIN_NEO4J_PASSWORD) {
      ctx.addIssue({ code: 'custom', path: ['NEO4J_PASSWORD'], message: `has ${env.NEO4J_PASSWORD.length} characters; Neo4j 5 refuses passwords under ${MIN_NEO4J_PASSWORD} characters, so set the one the server was given` });
    }
  });

export interface Config {
  host: string;
  port: number;
  store: 'embedded' | 'neo4j';
  dataDir: string;
  demo: boolean;
  logLevel: string;
  neo4j: { uri: string; user: string; password: string; database?: string; connectTimeoutS: number } | null;
}

/** Parse the environment; a bad variable throws ConfigError naming it. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue.path[0] ?? 'environment');
    const value = SECRETS.has(variable) ? undefined : env[variable];
    throw new ConfigError(variable, `${issue.message}${value === undefined ? '' : ` (got "${value}")`}`);
  }
  const e = parsed.data;
  return {
    host: e.HOST,
    port: e.PORT,
    store: e.STORE,
    dataDir: e.DATA_DIR,
    demo: e.DEMO,
    logLevel: e.LOG_LEVEL,
    neo4j:
      e.STORE === 'neo4j'
        ? { uri: e.NEO4J_URI!, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD!, database: e.NEO4J_DATABASE, connectTimeoutS: e.NEO4J_CONNECT_TIMEOUT_S }
        : null,
  };
}
