/**
 * Which instance runs the worker's periodic sweeps when several share one store: the one holding the lease. It is
 * renewed while its holder lives and taken over by another instance soon after the holder stops renewing.
 */
export interface SweepLease {
  /** Whether this instance holds the lease now (taking it when it is free). */
  holds(): Promise<boolean>;
  /** Keeps the lease from now on; calls `onAcquired` whenever this instance takes it (so it sweeps at once). */
  start(onAcquired: () => void): void;
  /** Stops renewing and releases the lease, so another instance takes over at once. */
  stop(): Promise<void>;
}
