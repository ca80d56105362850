import { LmsError } from '@lms-kit/core';

/** `offline/quota` found before a download starts: how many bytes the copy needs and how many are free. */
export class OfflineQuotaError extends LmsError {
  constructor(
    readonly needed: number,
    readonly available: number,
  ) {
    super(
      'offline/quota',
      `Not enough room on this device to keep the course offline: it needs ${needed} bytes and ${available} are free.`,
    );
  }
}
