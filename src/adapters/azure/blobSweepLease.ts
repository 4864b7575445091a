import { randomUUID } from 'node:crypto';
import type { BlobLeaseClient, BlockBlobClient } from '@azure/storage-blob';
import type { Logger } from '../../logger.js';
import type { SweepLease } from '../../ports/sweepLease.js';
import { statusOf, type AzureStorage } from './azureStorage.js';

export interface BlobSweepLeaseOptions {
  /** Lease length in seconds (Azure allows 15–60): how long a dead holder keeps the others waiting at most. */
  leaseSeconds?: number;
  /** How often the holder renews and the others try to take it over. */
  checkMs?: number;
}

/**
 * {@link SweepLease} on an Azure blob lease (`<prefix>-state/worker.lease`). The holder renews every `checkMs`;
 * the others try to acquire it as often, so a holder that dies is replaced within `leaseSeconds + checkMs`
 * (15 s + 5 s by default).
 */
export class BlobSweepLease implements SweepLease {
  private readonly lease: BlobLeaseClient;
  private held = false;
  private timer?: NodeJS.Timeout;
  private created = false;
  private readonly leaseSeconds: number;
  private readonly checkMs: number;

  constructor(
    private readonly blob: BlockBlobClient,
    private readonly logger: Logger,
    options: BlobSweepLeaseOptions = {},
  ) {
    this.lease = blob.getBlobLeaseClient(randomUUID());
    this.leaseSeconds = options.leaseSeconds ?? 15;
    this.checkMs = options.checkMs ?? 5_000;
  }

  static open(storage: AzureStorage, logger: Logger, options?: BlobSweepLeaseOptions): BlobSweepLease {
    return new BlobSweepLease(storage.container('state').getBlockBlobClient('worker.lease'), logger, options);
  }

  async holds(): Promise<boolean> {
    if (!this.held) await this.check();
    return this.held;
  }

  start(onAcquired: () => void): void {
    const check = async () => {
      const before = this.held;
      await this.check();
      if (this.held && !before) {
        this.logger.info({ code: 'SWEEP_LEASE_ACQUIRED' }, 'this instance now runs the background sweeps');
        onAcquired();
      }
    };
    void check();
    this.timer = setInterval(() => void check(), this.checkMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (!this.held) return;
    this.held = false;
    await this.lease.releaseLease().catch(() => undefined);
  }

  /** Renews the lease when held, else tries to take it. */
  private async check(): Promise<void> {
    try {
      if (!this.created) {
        await this.blob.upload('', 0, { conditions: { ifNoneMatch: '*' } }).catch((error: unknown) => {
          if (statusOf(error) !== 409 && statusOf(error) !== 412) throw error;
        });
        this.created = true;
      }
      if (this.held) await this.lease.renewLease();
      else await this.lease.acquireLease(this.leaseSeconds);
      this.held = true;
    } catch (error) {
      const status = statusOf(error);
      if (this.held) {
        this.logger.warn({ code: 'SWEEP_LEASE_LOST', status }, 'lost the sweep lease; another instance sweeps');
      } else if (status !== 409) {
        this.logger.warn({ err: error, code: 'SWEEP_LEASE_ERROR' }, 'could not check the sweep lease');
      }
      this.held = false;
    }
  }
}
