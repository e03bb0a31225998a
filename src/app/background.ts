/**
 * Work that outlives the HTTP request that started it (a webhook is answered 202 before it is judged).
 * A shutdown waits for it, up to a deadline, instead of cutting evaluations off mid-way.
 */
export class Background {
  private readonly running = new Set<Promise<void>>();

  /** Run `task` detached. It must handle its own errors: a rejection here is swallowed. */
  run(task: () => Promise<void>): void {
    const p: Promise<void> = Promise.resolve()
      .then(task)
      .catch(() => undefined)
      .finally(() => this.running.delete(p));
    this.running.add(p);
  }

  get size(): number {
    return this.running.size;
  }

  /** Resolves once nothing runs, or after `timeoutMs`; with the number of tasks still running. */
  async settled(timeoutMs: number): Promise<number> {
    const deadline = Date.now() + Math.max(0, timeoutMs);
    while (this.running.size) {
      const left = deadline - Date.now();
      if (left <= 0) break;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((r) => (timer = setTimeout(r, left)));
      await Promise.race([Promise.allSettled([...this.running]), timeout]);
      clearTimeout(timer);
    }
    return this.running.size;
  }
}
