/**
 * Finishes `packages/elements/custom-elements.json` after the analyzer: schema 2.1.0, module paths
 * of the published `dist/` files, every event named and typed (its class from `src/events/`), only
 * the public API (private, protected and `_` members out), and a custom-element definition for
 * every tag that `define/<tag>.js` registers.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';

const FILE = 'packages/elements/custom-elements.json';
const SRC = 'packages/elements/src';
const manifest = JSON.parse(readFileSync(FILE, 'utf8'));

/** Event name ↔ class, from `static readonly type = 'lms-…'` in the event classes. */
const eventClass = new Map();
const eventName = new Map();
for (const file of readdirSync(`${SRC}/events`)) {
  const text = readFileSync(`${SRC}/events/${file}`, 'utf8');
  for (const [, className, name] of text.matchAll(/export class (\w+) extends \w+[^{]*\{\s*static readonly type = '([^']+)'/g)) {
    eventClass.set(name, className);
    eventName.set(className, name);
  }
}

const distPath = (path) => path.replace(/^packages\/elements\/src\//, 'dist/').replace(/\.ts$/, '.js');
const isPublic = (member) => !member.privacy || member.privacy === 'public';
// The analyzer reads `this.session.onAnnounce = …` as a field of the element: a member with neither type nor description is one of those.
const isDeclared = (member) => Boolean(member.type || member.description || member.return || member.parameters);

// The global tokens, documented once on the base class, belong to every element (each reads them).
const base = manifest.modules.flatMap((module) => module.declarations ?? []).find((declaration) => declaration.name === 'LmsElement');
const globalTokens = base?.cssProperties ?? [];

for (const module of manifest.modules) {
  module.path = distPath(module.path);
  for (const declaration of module.declarations ?? []) {
    if (!declaration.customElement || !declaration.tagName) continue;
    const own = new Set((declaration.cssProperties ?? []).map((property) => property.name));
    declaration.cssProperties = [...(declaration.cssProperties ?? []), ...globalTokens.filter((token) => !own.has(token.name))];
  }
  for (const declaration of module.declarations ?? []) {
    if (declaration.superclass?.module) declaration.superclass.module = distPath(declaration.superclass.module);
    declaration.members = (declaration.members ?? [])
      .filter((member) => isPublic(member) && isDeclared(member) && !member.name.startsWith('_') && !member.static)
      .map((member) =>
        member.inheritedFrom?.module
          ? { ...member, inheritedFrom: { ...member.inheritedFrom, module: distPath(member.inheritedFrom.module) } }
          : member,
      );
    // A state attribute documented with `@attr` (`status`) mirrors the read-only property of its name.
    const readOnly = new Set(declaration.members.filter((member) => member.readonly).map((member) => member.name));
    if (declaration.attributes)
      declaration.attributes = declaration.attributes
        .map((attribute) =>
          !attribute.fieldName && readOnly.has(attribute.name) ? { ...attribute, fieldName: attribute.name } : attribute,
        )
        .map((attribute) =>
          attribute.inheritedFrom?.module
            ? { ...attribute, inheritedFrom: { ...attribute.inheritedFrom, module: distPath(attribute.inheritedFrom.module) } }
            : attribute,
        );
    if (!declaration.events) continue;
    const events = new Map();
    for (const event of declaration.events) {
      const name = event.name ?? eventName.get(event.type?.text);
      if (!name) continue;
      const known = events.get(name) ?? {};
      const className = eventClass.get(name);
      events.set(name, {
        ...known,
        ...event,
        name,
        description: event.description ?? known.description,
        type: { text: className ?? event.type?.text ?? 'Event' },
      });
    }
    declaration.events = [...events.values()];
    for (const event of declaration.events)
      if (event.inheritedFrom?.module) event.inheritedFrom.module = distPath(event.inheritedFrom.module);
  }
  for (const entry of module.exports ?? []) if (entry.declaration?.module) entry.declaration.module = distPath(entry.declaration.module);
}

// The define modules: `import '@lms-kit/elements/define/lms-quiz'` registers <lms-quiz>.
manifest.modules = manifest.modules.filter((module) => !module.path.startsWith('dist/define/'));
const classModule = new Map();
for (const module of manifest.modules)
  for (const declaration of module.declarations ?? [])
    if (declaration.customElement && declaration.tagName) classModule.set(declaration.name, module.path);
for (const file of readdirSync(`${SRC}/define`).filter((name) => name.startsWith('lms-'))) {
  const text = readFileSync(`${SRC}/define/${file}`, 'utf8');
  const match = /defineElement\('([^']+)', (\w+)\)/.exec(text);
  if (!match || !classModule.has(match[2])) continue;
  manifest.modules.push({
    kind: 'javascript-module',
    path: `dist/define/${file.replace(/\.ts$/, '.js')}`,
    declarations: [],
    exports: [{ kind: 'custom-element-definition', name: match[1], declaration: { name: match[2], module: classModule.get(match[2]) } }],
  });
}

manifest.schemaVersion = '2.1.0';
writeFileSync(FILE, `${JSON.stringify(manifest, null, 2)}\n`);

// Editor data from the finished manifest: VS Code (`html.customData`, `css.customData`) and JetBrains web-types.
const { getVsCodeHtmlCustomData, getVsCodeCssCustomData } = await import('custom-element-vs-code-integration');
const { getWebTypesData } = await import('custom-element-jet-brains-integration');
const quiet = { hideLogs: true, descriptionSrc: 'summary' };
writeFileSync('packages/elements/vscode.html-custom-data.json', getVsCodeHtmlCustomData(manifest, quiet));
writeFileSync('packages/elements/vscode.css-custom-data.json', getVsCodeCssCustomData(manifest, quiet));
const elementsPackage = JSON.parse(readFileSync('packages/elements/package.json', 'utf8'));
const webTypes = JSON.parse(getWebTypesData(manifest, { ...quiet, packageJson: false }));
Object.assign(webTypes, { name: elementsPackage.name, version: elementsPackage.version });
writeFileSync('packages/elements/web-types.json', `${JSON.stringify(webTypes, null, 2)}\n`);
