import type { Principal } from '../access/model.js';
import type { LifecycleConfig } from '../config.js';
import type { StorePort } from '../store/port.js';

export interface VcContext {
  store: StorePort;
  /** Who asks; null only where the access check does not run (never on /graphql). */
  principal: Principal | null;
  /** The sync limit and the clock writes record. */
  lifecycle: LifecycleConfig;
}

declare module 'mercurius' {
  interface MercuriusContext extends VcContext {}
}
