import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** The two lodash functions the validator and rulr use, instead of all of lodash (≈25 KiB min+gz). */
export const LODASH_SUBSET_CODE = `
const objectSource = Function.prototype.toString.call(Object);
export function isObject(value) {
  return value != null && (typeof value === 'object' || typeof value === 'function');
}
export function isPlainObject(value) {
  if (typeof value !== 'object' || value === null || Object.prototype.toString.call(value) !== '[object Object]') return false;
  const proto = Object.getPrototypeOf(value);
  if (proto === null) return true;
  const Ctor = Object.prototype.hasOwnProperty.call(proto, 'constructor') && proto.constructor;
  return typeof Ctor === 'function' && Ctor instanceof Ctor && Function.prototype.toString.call(Ctor) === objectSource;
}
export default { isObject, isPlainObject };
`;

/** Whether `id` is the one module of `@learninglocker/xapi-validation` that calls `require(variable)`. */
export const isValidatorFactory = (id) => /xapi-validation[\\/]dist[\\/]factory\.js$/.test(id);

/**
 * The validator's factory with its `require(file)` replaced by a static table of every rule file
 * beside it, so bundlers can follow it. Throws if the package changed and the call is gone.
 */
export function withStaticRequireTable(code, id) {
  const dir = dirname(id);
  const files = [];
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'tests') walk(full);
      } else if (entry.name.endsWith('.js') && !entry.name.endsWith('.test.js')) {
        files.push(`./${relative(dir, full).replace(/\\/g, '/').replace(/\.js$/, '')}`);
      }
    }
  };
  walk(dir);
  const table = files.map((file) => `${JSON.stringify(file)}: function () { return require(${JSON.stringify(file)}); }`).join(',\n');
  const patched = code.replace('return ruleAccessor(require(file))', 'return ruleAccessor(__requireTable[file]())');
  if (patched === code) throw new Error('xapi-validation changed: its factory no longer calls require(file)');
  return `var __requireTable = {\n${table}\n};\n${patched}`;
}
