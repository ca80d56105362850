import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface AsyncLoadRenderers<T, R> {
  initial?: () => R;
  pending?: () => R;
  complete: (value: T) => R;
  error?: (error: unknown) => R;
}

/**
 * Loads data for an element whenever its arguments change, aborting a load the new arguments make
 * stale: the part of `@lit/task` the up-front elements (player, progress) use, kept small because it
 * ships in the entry bundle. Elements loaded on demand use `@lit/task` itself.
 */
export class AsyncLoad<A extends readonly unknown[], T> implements ReactiveController {
  status: 'initial' | 'pending' | 'complete' | 'error' = 'initial';
  value?: T;
  error?: unknown;
  private args?: A;
  private abort?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly load: (args: A, options: { signal: AbortSignal }) => Promise<T>,
    private readonly argsOf: () => A,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const args = this.argsOf();
    if (this.args?.length === args.length && args.every((arg, i) => arg === this.args?.[i])) return;
    this.args = args;
    void this.run(args);
  }

  private async run(args: A): Promise<void> {
    this.abort?.abort();
    const abort = (this.abort = new AbortController());
    this.status = 'pending';
    try {
      const value = await this.load(args, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.value = value;
      this.status = 'complete';
    } catch (error) {
      if (abort.signal.aborted) return;
      this.error = error;
      this.status = 'error';
    }
    this.host.requestUpdate();
  }

  render<R>(renderers: AsyncLoadRenderers<T, R>): R | undefined {
    if (this.status === 'complete') return renderers.complete(this.value as T);
    if (this.status === 'error') return renderers.error?.(this.error);
    return this.status === 'pending' ? renderers.pending?.() : renderers.initial?.();
  }
}
