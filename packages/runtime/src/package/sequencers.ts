import type { ScormPackage } from '@lms-kit/scorm';
import type { PackageSequencer } from '@lms-kit/scorm/runtime';
import type * as RuntimeModule from '@lms-kit/scorm/runtime';
import type { SessionServices } from '../services.js';

/**
 * One sequencer per learner and sequencing scope (a course whose lessons are a package's items, or one
 * package lesson), shared by the course's rules and the lesson views, so the outline and the content
 * follow the same engine.
 */
const sequencers = new Map<string, Promise<PackageSequencer>>();
/** Sequencers whose deliveries the course's rules turn into lesson changes (the lesson views then leave it to them). */
export const governed = new WeakSet<PackageSequencer>();

/** What plays a sequencer's delivered activity in a frame: the course's Previous/Next let its content end first. */
export interface ContentPlayer {
  /** Unloads the content frame: its unload handlers run (exit, session time, status, Terminate). */
  unloadContent(): Promise<void>;
  /** Opens the activity again after a navigation request the engine refused. */
  relaunch(): void;
}
export const playerOf = new WeakMap<PackageSequencer, ContentPlayer>();

export function packageSequencer(
  runtime: typeof RuntimeModule,
  pkg: ScormPackage,
  services: SessionServices,
  scope: string,
): Promise<PackageSequencer> {
  const key = `${services.storage.scope}|${services.learner.id}|${scope}`;
  let sequencer = sequencers.get(key);
  if (!sequencer) {
    const created = new runtime.PackageSequencer({ pkg, storage: services.storage, learnerId: services.learner.id, courseId: scope });
    // Typed warnings (`sequencing/unsupported`) for what the engine will not honour; hosts can also read `sequencer.warnings`.
    for (const warning of created.warnings) console.warn(`LMS Kit SCORM ${warning.code} at ${warning.path}: ${warning.message}`);
    sequencer = created.start().then(() => created);
    sequencers.set(key, sequencer);
    sequencer.catch(() => sequencers.delete(key));
  }
  return sequencer;
}
