/** A deep copy of JSON data (core has no DOM, so no structuredClone). */
export const cloneJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
