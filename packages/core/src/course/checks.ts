import type { ValidationIssue } from '../errors.js';
import { isSafeUrl } from '../url-policy.js';

/**
 * Small helpers for validating hand-written JSON: each check records an issue at a path instead of
 * throwing, so one pass reports every problem. Shared by course, lesson-kind and (later) quiz validation.
 */
export class IssueList {
  readonly issues: ValidationIssue[] = [];

  add(path: string, message: string): void {
    this.issues.push({ path, message });
  }

  get ok(): boolean {
    return this.issues.length === 0;
  }
}

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base ? `${base}.${key}` : key;
}

/** A view on one JSON object that checks its fields and reports at `path.field`. */
export class FieldChecker {
  constructor(
    readonly object: JsonObject,
    readonly path: string,
    readonly report: IssueList,
  ) {}

  at(key: string): string {
    return joinPath(this.path, key);
  }

  has(key: string): boolean {
    return this.object[key] !== undefined;
  }

  string(key: string, options: { required?: boolean; pattern?: RegExp; patternHint?: string } = {}): string | undefined {
    const value = this.object[key];
    if (value === undefined) {
      if (options.required) this.report.add(this.at(key), 'required');
      return undefined;
    }
    if (typeof value !== 'string') {
      this.report.add(this.at(key), `must be a string, got ${describeType(value)}`);
      return undefined;
    }
    if (options.required && value.trim() === '') {
      this.report.add(this.at(key), 'must not be empty');
      return undefined;
    }
    if (options.pattern && !options.pattern.test(value)) {
      this.report.add(this.at(key), options.patternHint ?? `does not match ${options.pattern}`);
      return undefined;
    }
    return value;
  }

  number(key: string, options: { required?: boolean; min?: number; max?: number; integer?: boolean } = {}): number | undefined {
    const value = this.object[key];
    if (value === undefined) {
      if (options.required) this.report.add(this.at(key), 'required');
      return undefined;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.report.add(this.at(key), `must be a number, got ${describeType(value)}`);
      return undefined;
    }
    if (options.integer && !Number.isInteger(value)) this.report.add(this.at(key), 'must be a whole number');
    else if (options.min !== undefined && value < options.min) this.report.add(this.at(key), `must be at least ${options.min}`);
    else if (options.max !== undefined && value > options.max) this.report.add(this.at(key), `must be at most ${options.max}`);
    else return value;
    return undefined;
  }

  boolean(key: string): boolean | undefined {
    const value = this.object[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') {
      this.report.add(this.at(key), `must be true or false, got ${describeType(value)}`);
      return undefined;
    }
    return value;
  }

  oneOf<T extends string>(key: string, allowed: readonly T[], options: { required?: boolean } = {}): T | undefined {
    const value = this.string(key, options);
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value)) {
      this.report.add(this.at(key), `must be one of ${allowed.map((a) => `"${a}"`).join(', ')}, got "${value}"`);
      return undefined;
    }
    return value as T;
  }

  array(key: string, options: { required?: boolean; nonEmpty?: boolean } = {}): unknown[] | undefined {
    const value = this.object[key];
    if (value === undefined) {
      if (options.required) this.report.add(this.at(key), 'required');
      return undefined;
    }
    if (!Array.isArray(value)) {
      this.report.add(this.at(key), `must be an array, got ${describeType(value)}`);
      return undefined;
    }
    if (options.nonEmpty && value.length === 0) this.report.add(this.at(key), 'must not be empty');
    return value;
  }

  stringArray(key: string): string[] | undefined {
    const items = this.array(key);
    if (!items) return undefined;
    const strings: string[] = [];
    items.forEach((item, index) => {
      if (typeof item === 'string' && item.trim() !== '') strings.push(item);
      else this.report.add(joinPath(this.at(key), index), `must be a non-empty string, got ${describeType(item)}`);
    });
    return strings;
  }

  object_(key: string, options: { required?: boolean } = {}): FieldChecker | undefined {
    const value = this.object[key];
    if (value === undefined) {
      if (options.required) this.report.add(this.at(key), 'required');
      return undefined;
    }
    if (!isObject(value)) {
      this.report.add(this.at(key), `must be an object, got ${describeType(value)}`);
      return undefined;
    }
    return new FieldChecker(value, this.at(key), this.report);
  }

  /** A URL field: http(s), relative or `blob:` (the URL policy of `isSafeUrl`), never a script-running URL. */
  url(key: string, options: { required?: boolean } = {}): string | undefined {
    const value = this.string(key, options);
    if (value === undefined) return undefined;
    if (!isSafeUrl(value, { allowBlob: true })) {
      this.report.add(this.at(key), 'must be an http(s) or relative URL, not a script URL');
      return undefined;
    }
    return value;
  }
}
