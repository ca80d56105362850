import type { Session } from '@lms-kit/runtime';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The element event class that a session event becomes on the host. */
type EventClass<Detail> = new (detail: Detail) => Event;

/** For each session event the element re-dispatches, its DOM event class. */
export type EventClasses<Events> = { [K in keyof Events]?: EventClass<Events[K]> };

/**
 * Makes an element a view of a headless session: the host renders again when the session's state
 * changes, the session's events are dispatched on the host as the element's DOM events (a cancelled
 * intent event cancels the session's), and the session follows the page only while the host is connected.
 * The session may be given later (its code loaded with the first course).
 */
export class SessionController<S extends Session<unknown, Events>, Events extends object> implements ReactiveController {
  session?: S;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly events: EventClasses<Events>,
    session?: S,
  ) {
    host.addController(this);
    if (session) this.attach(session);
  }

  attach(session: S): void {
    this.session = session;
    session.subscribe(() => this.host.requestUpdate());
    for (const type of Object.keys(this.events) as Array<keyof Events & string>) {
      const EventType = this.events[type] as EventClass<Events[typeof type]>;
      session.on(type, (detail) => this.host.dispatchEvent(new EventType(detail)));
    }
    if (!this.host.isConnected) session.disconnect();
  }

  hostConnected(): void {
    this.session?.connect();
  }

  hostDisconnected(): void {
    this.session?.disconnect();
  }
}
