import type { StorePort } from '../store/port.js';

export interface VcContext {
  store: StorePort;
}

declare module 'mercurius' {
  interface MercuriusContext extends VcContext {}
}
