import type { LearningReports, StorageAdapter } from '@lms-kit/storage';
import type { HttpStorageAdapterOptions } from '@lms-kit/storage/http';

/**
 * An `HttpStorageAdapter` (a server of record: `@lms-kit/server`, the WordPress plugin or any site
 * implementing its protocol), loaded on first use: pages using the CDN bundle get it with no build
 * step, and pages that keep progress in the browser never download it.
 */
export async function createHttpStorage(options: HttpStorageAdapterOptions): Promise<StorageAdapter & LearningReports> {
  const { HttpStorageAdapter } = await import('@lms-kit/storage/http');
  return new HttpStorageAdapter(options);
}
