/** One problem found by `@learninglocker/xapi-validation` (a rulr warning). */
export interface XapiValidationWarning {
  name?: string;
  path?: Array<string | number>;
  data?: unknown;
  typeName?: string;
  keys?: string[];
}

/** Validates one xAPI 1.0.3 statement; an empty list means it is valid. */
declare const validateXapiStatement: (data: unknown) => XapiValidationWarning[];
export default validateXapiStatement;
