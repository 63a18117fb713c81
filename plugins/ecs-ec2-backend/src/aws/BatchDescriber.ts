/** Outcome of one describe call, kept so that one failed batch does not hide the others. */
export type BatchOutcome<T> =
  | { ok: true; value: T; ids: string[] }
  | { ok: false; error: unknown; ids: string[] };

/**
 * Collects ids from list pages and describes them in batches of the AWS maximum as
 * soon as a batch is full, so describing runs while later list pages still arrive.
 * The last, partial batch goes out on `finish`, which also merges the remainders of
 * several lists (running and stopped tasks) into as few calls as possible.
 */
export class BatchDescriber<T> {
  private pending: string[] = [];
  private readonly outcomes: Promise<BatchOutcome<T>>[] = [];

  constructor(
    private readonly batchSize: number,
    private readonly describe: (ids: string[]) => Promise<T>,
  ) {}

  add(ids: string[]): void {
    this.pending.push(...ids);
    while (this.pending.length >= this.batchSize) {
      this.send(this.pending.splice(0, this.batchSize));
    }
  }

  /** Sends the remainder, if any, and waits for every batch. */
  async finish(): Promise<BatchOutcome<T>[]> {
    if (this.pending.length > 0) {
      this.send(this.pending.splice(0, this.pending.length));
    }
    return Promise.all(this.outcomes);
  }

  private send(ids: string[]): void {
    // The outcome is settled right away so a rejected batch never becomes an
    // unhandled rejection while the list pages are still being read.
    this.outcomes.push(
      this.describe(ids).then(
        value => ({ ok: true as const, value, ids }),
        error => ({ ok: false as const, error, ids }),
      ),
    );
  }
}
