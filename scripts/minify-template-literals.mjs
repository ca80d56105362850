import MagicString from 'magic-string';

/**
 * Rollup plugin: collapses the whitespace in the static parts of Lit's css`` and html`` templates,
 * which terser leaves alone. Only runs of whitespace are touched, so rendering does not change.
 */
export function minifyTemplateLiterals() {
  return {
    name: 'minify-template-literals',
    transform(code, id) {
      if (!/\/packages\/[^/]+\/src\//.test(id) || (!code.includes('css`') && !code.includes('html`'))) return null;
      const magic = new MagicString(code);
      walk(this.parse(code), (node) => {
        if (node.type !== 'TaggedTemplateExpression' || node.tag.type !== 'Identifier') return;
        const minify = node.tag.name === 'css' ? minifyCss : node.tag.name === 'html' ? minifyHtml : undefined;
        if (!minify) return;
        for (const quasi of node.quasi.quasis) {
          if (quasi.end > quasi.start) magic.overwrite(quasi.start, quasi.end, minify(code.slice(quasi.start, quasi.end)) || ' ');
        }
      });
      return { code: magic.toString(), map: magic.generateMap({ hires: true }) };
    },
  };
}

function minifyCss(css) {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .replace(/(^|[^\w.-])0\.(\d)/g, '$1.$2')
    .trim();
}

function minifyHtml(html) {
  return html.replace(/\s*\n\s*/g, ' ');
}

function walk(node, visit) {
  if (!node || typeof node.type !== 'string') return;
  visit(node);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) value.forEach((child) => walk(child, visit));
    else if (value && typeof value === 'object' && typeof value.type === 'string') walk(value, visit);
  }
}
