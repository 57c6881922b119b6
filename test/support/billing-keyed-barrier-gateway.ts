import type { ChargeRequest, ChargeResult, PaymentGateway } from '#application/billing/ports/payment-gateway.port';
import { Barrier } from './billing-barrier';

/**
 * A test adapter around the real gateway: the first call for each idempotency key is held inside `charge` until the
 * test releases that key, so a second copy of the same billing job can run while the first is in its critical step.
 */
export class KeyedBarrierGateway implements PaymentGateway {
  readonly #barriers = new Map<string, Barrier>();
  #open = false;

  constructor(private readonly real: PaymentGateway) {}

  barrier(key: string): Barrier {
    let barrier = this.#barriers.get(key);
    if (!barrier) this.#barriers.set(key, (barrier = new Barrier()));
    return barrier;
  }

  /** Opens every gate, present and future (tests call it before shutting the app down). */
  releaseAll(): void {
    this.#open = true;
    for (const barrier of this.#barriers.values()) barrier.release();
  }

  async charge(request: ChargeRequest): Promise<ChargeResult> {
    if (!this.#open) await this.barrier(request.idempotencyKey).hold();
    return this.real.charge(request);
  }
}
