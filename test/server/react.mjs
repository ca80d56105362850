import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';

/** The entry points tests import, each served as ESM with the named exports its CommonJS module has. */
const entries = { react: '/__react/react.js', 'react-dom/client': '/__react/react-dom-client.js' };

/**
 * React ships CommonJS only. Both entry points are bundled once, together, by esbuild (so react-dom uses
 * the same React, and hooks work), then re-exported with their names for the tests' `import`s.
 */
export function reactPlugin() {
  let bundle;
  const bundled = () =>
    (bundle ??= build({
      stdin: {
        contents: `import React from 'react'; import * as ReactDOMClient from 'react-dom/client'; export { React, ReactDOMClient };`,
        resolveDir: process.cwd(),
      },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      define: { 'process.env.NODE_ENV': '"development"' },
      write: false,
      logLevel: 'silent',
    }).then((result) => result.outputFiles[0].text));
  const reexport = (binding, name) => {
    // Read in a child process: loading React in the dev server's own process would patch its console.
    const script = `console.log(JSON.stringify(Object.keys(require(${JSON.stringify(name)}))))`;
    const keys = JSON.parse(
      execFileSync(process.execPath, ['-e', script], { env: { ...process.env, NODE_ENV: 'development' } }).toString(),
    );
    const names = keys.filter((key) => /^[A-Za-z_$][\w$]*$/.test(key) && key !== 'default');
    return `import { ${binding} } from '/__react/bundle.js';\nexport default ${binding};\nexport const { ${names.join(', ')} } = ${binding};\n`;
  };
  return {
    name: 'lms-kit-react',
    resolveImport({ source }) {
      return entries[source];
    },
    async serve(context) {
      if (context.path === '/__react/bundle.js') return { body: await bundled(), type: 'js' };
      if (context.path === entries.react) return { body: reexport('React', 'react'), type: 'js' };
      if (context.path === entries['react-dom/client']) return { body: reexport('ReactDOMClient', 'react-dom/client'), type: 'js' };
      return undefined;
    },
  };
}
