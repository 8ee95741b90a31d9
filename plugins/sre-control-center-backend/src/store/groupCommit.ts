/**
 * Group commit: callers that arrive while a write is in flight are queued and
 * written together in the next transaction. Each caller's promise settles only
 * when the transaction holding its item has committed (or failed), so a 202
 * still means "on disk"; under load, one commit serves many requests.
 */
export function createGroupCommit<T, R>(
  write: (items: T[]) => Promise<R[]>,
  options: { maxBatch: number },
): (item: T) => Promise<R> {
  type Pending = {
    item: T;
    resolve: (r: R) => void;
    reject: (e: unknown) => void;
  };
  let queue: Pending[] = [];
  let writing = false;

  async function drain() {
    writing = true;
    while (queue.length > 0) {
      const batch = queue.slice(0, options.maxBatch);
      queue = queue.slice(batch.length);
      try {
        const results = await write(batch.map(p => p.item));
        if (results.length !== batch.length) {
          throw new Error(
            `group commit wrote ${results.length} of ${batch.length} items`,
          );
        }
        batch.forEach((p, i) => p.resolve(results[i]));
      } catch (error) {
        batch.forEach(p => p.reject(error));
      }
    }
    writing = false;
  }

  return item =>
    new Promise<R>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!writing) void drain();
    });
}
