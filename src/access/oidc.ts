import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { z } from 'zod';
import { ID_PATTERN } from '../domain/model.js';
import { ERROR_CODES, UnauthenticatedError, VcError } from '../errors.js';
import { role as roleSchema, ROLES, type Principal } from './model.js';

// Single sign-on: bearer JWTs from one OpenID provider (Keycloak, Entra ID, …). The provider is
// found through its discovery document, its signing keys through the JWKS it names; jose caches
// them and fetches them again when a token names a key it has not seen (a rotation), at most once
// per cooldown, so tokens with made-up key ids cannot make the service hammer the provider.

export interface OidcConfig {
  issuer: string;
  audience: string;
  /** The public client the explorer and GraphiQL sign in as (authorization code + PKCE). */
  clientId?: string;
  /** The scopes the pages ask for (Entra ID wants the API's own, like api://vendor-chain/access). */
  scope: string;
  /**
   * Whether the pages name the API as the RFC 8707 `resource` when signing in (Keycloak and most
   * providers take it; Entra ID's v2.0 endpoints refuse it and take the API from the scope).
   */
  sendResource?: boolean;
  /**
   * Whether the pages' sign-out also ends the provider's session (RP-initiated logout, to the
   * page's own address); on by default.
   */
  signOutAtProvider?: boolean;
  /** The claim holding the role (reader, editor or admin). */
  roleClaim: string;
  /** The claim holding the controllers a token is scoped to (optional in a token). */
  controllersClaim: string;
  /** No JWKS fetch sooner than this after the last one. */
  jwksCooldownMs: number;
  /** Keys are fetched again after this long, so a key the provider dropped stops working. */
  jwksMaxAgeMs: number;
  clockToleranceS: number;
}

export const OIDC_DEFAULTS = {
  roleClaim: 'vendor_chain_role',
  controllersClaim: 'vendor_chain_controllers',
  jwksCooldownMs: 30_000,
  jwksMaxAgeMs: 600_000,
  clockToleranceS: 30,
  scope: 'openid',
} as const;

const discovery = z.object({ issuer: z.string(), jwks_uri: z.url() });
const controllerIds = z.union([
  z.array(z.string().regex(ID_PATTERN)),
  // A provider that can only map a claim to text: "a-city b-town" or "a-city,b-town".
  z.string().transform((v) => v.split(/[\s,]+/).filter((s) => s.length > 0)),
]);

/** A JWT has three base64url parts; an API key never looks like one. */
export const looksLikeJwt = (token: string) => /^[\w-]+\.[\w-]+\.[\w-]+$/.test(token);

export class OidcVerifier {
  private keys: Promise<ReturnType<typeof createRemoteJWKSet>> | null = null;

  constructor(private readonly config: OidcConfig) {}

  /** The principal a valid token names; UNAUTHENTICATED for any token that is not valid. */
  async verify(token: string): Promise<Principal> {
    let payload: JWTPayload;
    try {
      const { payload: verified } = await jwtVerify(token, await this.jwks(), {
        issuer: this.config.issuer,
        audience: this.config.audience,
        algorithms: ['RS256', 'ES256'],
        clockTolerance: this.config.clockToleranceS,
        requiredClaims: ['exp', 'sub'],
      });
      payload = verified;
    } catch (error) {
      throw new UnauthenticatedError(`the token is not accepted (${reasonOf(error)})`, {
        signOn: true,
      });
    }
    const { roleClaim, controllersClaim } = this.config;
    const role = roleSchema.safeParse(highestRole(payload[roleClaim]));
    if (!role.success)
      throw new VcError(
        ERROR_CODES.FORBIDDEN,
        `the token has no ${roleClaim} claim of reader, editor or admin: ask the provider's administrator for a role`,
      );
    const principal: Principal = { name: `oidc:${payload.sub}`, role: role.data };
    if (payload[controllersClaim] === undefined) return principal;
    const controllers = controllerIds.safeParse(payload[controllersClaim]);
    // A scope that cannot be read must not widen into the whole store.
    if (!controllers.success || controllers.data.length === 0)
      throw new UnauthenticatedError(
        `the token's ${controllersClaim} claim is not a list of party ids`,
        { signOn: true },
      );
    return { ...principal, controllers: controllers.data };
  }

  private jwks() {
    if (this.keys === null) {
      const keys = this.discover();
      this.keys = keys;
      // A provider that was down is asked again by the next request.
      keys.catch(() => {
        if (this.keys === keys) this.keys = null;
      });
    }
    return this.keys;
  }

  private async discover() {
    const url = `${this.config.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    const found = discovery.parse(await response.json());
    if (found.issuer !== this.config.issuer)
      throw new Error(`${url} names the issuer ${found.issuer}, not ${this.config.issuer}`);
    return createRemoteJWKSet(new URL(found.jwks_uri), {
      cooldownDuration: this.config.jwksCooldownMs,
      cacheMaxAge: this.config.jwksMaxAgeMs,
    });
  }
}

/** A role claim may be a list (Entra ID's `roles`): the highest role in it counts. */
function highestRole(claim: unknown): unknown {
  if (!Array.isArray(claim)) return claim;
  const known = ROLES.filter((r) => claim.includes(r));
  return known.at(-1);
}

function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed)
    return `claim ${error.claim}: ${error.reason}`;
  if (error instanceof errors.JWKSNoMatchingKey)
    return 'signed by a key the issuer does not publish';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad signature';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'algorithm not allowed (RS256, ES256)';
  if (error instanceof errors.JOSEError) return error.code;
  return `the issuer could not be asked: ${(error as Error).message}`;
}
