// A byte pipe to a reader (serial port or in-process emulator): the session speaks frames over it and nothing else.

export interface ByteLink {
  /** Rejects when the link is closed or the write fails. */
  write(bytes: Uint8Array): Promise<void>;
  /** Returns the unsubscribe function. */
  onData(listener: (bytes: Uint8Array) => void): () => void;
  /** Called once when the link goes away: our close(), the far end's close(), an unplug or an I/O error. */
  onClose(listener: () => void): () => void;
  close(): Promise<void>;
}

/** Listener lists that swallow listener errors: one faulty subscriber must not stop the bytes reaching the others. */
export class Listeners<T extends unknown[]> {
  private readonly set = new Set<(...args: T) => void>();
  add(listener: (...args: T) => void): () => void {
    this.set.add(listener);
    return () => void this.set.delete(listener);
  }
  emit(...args: T): void {
    for (const listener of [...this.set]) {
      try {
        listener(...args);
      } catch {
        // A listener's bug is its own; the link keeps going.
      }
    }
  }
  clear(): void {
    this.set.clear();
  }
}

/**
 * Two connected in-process ends (demo mode, unit tests). Delivery is asynchronous (setImmediate), like a real port,
 * so a reply never arrives inside the write call; closing either end closes both.
 */
export function memoryLinkPair(): [ByteLink, ByteLink] {
  let open = true;
  const data = [new Listeners<[Uint8Array]>(), new Listeners<[Uint8Array]>()] as const;
  const closed = [new Listeners<[]>(), new Listeners<[]>()] as const;
  const shutdown = () => {
    if (!open) return;
    open = false;
    // Asynchronous like the data, so a close never interleaves with the caller's own bookkeeping.
    setImmediate(() => {
      for (const side of closed) side.emit();
      for (const side of [...data, ...closed]) side.clear();
    });
  };
  const end = (self: 0 | 1): ByteLink => ({
    write(bytes) {
      if (!open) return Promise.reject(new Error('link closed'));
      const copy = Uint8Array.from(bytes);
      setImmediate(() => {
        if (open) data[1 - self]!.emit(copy);
      });
      return Promise.resolve();
    },
    onData: (listener) => data[self].add(listener),
    onClose: (listener) => closed[self].add(listener),
    close() {
      shutdown();
      return Promise.resolve();
    },
  });
  return [end(0), end(1)];
}
