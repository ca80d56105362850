/**
 * Counts time only while the learner can see the lesson. The clock is passed in, so the rules are
 * testable without waiting; the player feeds it `visibilitychange` and lesson switches.
 */
export class VisibleTimeCounter {
  private runningSince?: number;
  private pendingMs = 0;

  constructor(private readonly now: () => number = () => Date.now()) {}

  get running(): boolean {
    return this.runningSince !== undefined;
  }

  start(): void {
    this.runningSince ??= this.now();
  }

  pause(): void {
    if (this.runningSince === undefined) return;
    this.pendingMs += Math.max(0, this.now() - this.runningSince);
    this.runningSince = undefined;
  }

  /** Returns the time counted since the last call and starts counting afresh. */
  take(): number {
    const wasRunning = this.running;
    this.pause();
    const taken = this.pendingMs;
    this.pendingMs = 0;
    if (wasRunning) this.start();
    return taken;
  }
}
