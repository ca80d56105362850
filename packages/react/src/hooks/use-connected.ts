import { useEffect } from 'react';
import type { Session } from '@lms-kit/runtime';

/**
 * Connects a session to the page (visible time, saving on page hide) while the component is mounted.
 * Unmounting disconnects it, which saves what is pending; it is not disposed, so React's StrictMode
 * double mount finds it working.
 */
export function useConnected(session: Pick<Session<unknown, object>, 'connect' | 'disconnect'>): void {
  useEffect(() => {
    session.connect();
    return () => session.disconnect();
  }, [session]);
}
