/**
 * Methods a backend may offer beside the `StorageAdapter` contract: multi-learner reads
 * (`LearningReports`), grading (`GradingStore`) and the catalog (`CatalogReads`). Wrappers (change feed, statement validation)
 * pass them through, so an element finds them on whatever storage its provider gives.
 */
export const STORAGE_EXTENSIONS = [
  'queryProgress',
  'courseSummary',
  'itemAnalysis',
  'groupComparison',
  'learnerReport',
  'compliance',
  'pendingGrading',
  'saveGrades',
  'readCatalog',
  'enrollInCourse',
] as const;

/** Copies onto `wrapper` the extension methods `adapter` has, calling `adapter`'s; `after` runs after each (to announce a change). */
export function forwardExtensions(
  adapter: object,
  wrapper: Record<string, unknown>,
  after?: (method: (typeof STORAGE_EXTENSIONS)[number], args: unknown[]) => void,
): void {
  const target = adapter as Record<string, unknown>;
  for (const method of STORAGE_EXTENSIONS) {
    const original = target[method];
    if (typeof original !== 'function') continue;
    wrapper[method] = async (...args: unknown[]) => {
      const result = await (original as (...a: unknown[]) => Promise<unknown>).apply(adapter, args);
      after?.(method, args);
      return result;
    };
  }
}
