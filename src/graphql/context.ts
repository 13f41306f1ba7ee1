import type { Principal } from '../access/model.js';
import type { LifecycleConfig } from '../config.js';
import type { WholeGraph } from '../worker/whole-graph.js';
import type { StorePort } from '../store/port.js';

export interface VcContext {
  store: StorePort;
  /** Who asks; null only where the access check does not run (never on /graphql). */
  principal: Principal | null;
  /** The sync limit and the clock writes record. */
  lifecycle: LifecycleConfig;
  /** Whole-register findings and concentration, computed in a worker thread on a large graph. */
  wholeGraph: WholeGraph;
  /**
   * The store's write generation as this request sees it (read once, at its first use), for the
   * answers remembered per generation; absent where no request is (a subscription's events).
   */
  generation?: () => Promise<number>;
}

declare module 'mercurius' {
  // Declaration merging needs an interface; it adds VcContext's members to Mercurius's context.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface MercuriusContext extends VcContext {}
}
