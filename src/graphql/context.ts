import type { Principal } from '../access/model.js';
import type { StorePort } from '../store/port.js';

export interface VcContext {
  store: StorePort;
  /** Who asks; null only where the access check does not run (never on /graphql). */
  principal: Principal | null;
}

declare module 'mercurius' {
  interface MercuriusContext extends VcContext {}
}
