import { LmsError, formatIssues, isSafeUrl, trustedXml, type ValidationIssue } from '@lms-kit/core';
import type { CompletionThreshold, Item, ManifestWarning, Organization, Resource, ScormPackage, ScormVersion } from './model.js';
import { parseSequencing } from './sequencing.js';
import { attribute, booleanAttribute, childElement, childElements, joinPackagePath, numberAttribute, textOf, xmlBase } from './xml.js';

/**
 * Reads `imsmanifest.xml` of a SCORM 1.2 or 2004 (2nd, 3rd, 4th edition) package into a `ScormPackage`.
 * Throws `LmsError('package/invalid-manifest')` listing every problem (with a path such as
 * `organizations[0].items[2].identifierref`) when the manifest cannot be played.
 */
export function parseManifest(xml: string): ScormPackage {
  const text = trustedXml(xml.replace(/^\uFEFF/, ''), 'imsmanifest.xml', 'package/invalid-manifest');
  const document = new DOMParser().parseFromString(text, 'application/xml');
  const parseError = document.getElementsByTagName('parsererror')[0];
  if (parseError) {
    const detail = (parseError.textContent ?? '').split('\n').find((line) => line.trim()) ?? 'not well-formed';
    throw new LmsError('package/invalid-manifest', `imsmanifest.xml is not valid XML: ${detail.trim()}`, {
      issues: [{ path: 'imsmanifest.xml', message: `not valid XML: ${detail.trim()}` }],
    });
  }
  const root = document.documentElement;
  if (root.localName !== 'manifest') {
    throw new LmsError('package/invalid-manifest', `imsmanifest.xml has a <${root.localName}> root instead of <manifest>.`, {
      issues: [{ path: '', message: `root element is <${root.localName}>, expected <manifest>` }],
    });
  }
  return new ManifestReader(root).read();
}

class ManifestReader {
  private readonly issues: ValidationIssue[] = [];
  private readonly warnings: ManifestWarning[] = [];
  private resources: Record<string, Resource> = {};
  private version: ScormVersion = '2004';

  constructor(private readonly root: Element) {}

  read(): ScormPackage {
    const root = this.root;
    const schemaVersion = textOf(childElement(childElement(root, 'metadata') ?? root, 'schemaversion'));
    const { version, edition } = detectVersion(schemaVersion, root);
    this.version = version;
    this.resources = this.readResources();
    const organizationsElement = childElement(root, 'organizations');
    const organizations = (organizationsElement ? childElements(organizationsElement, 'organization') : []).map((element, index) =>
      this.readOrganization(element, `organizations[${index}]`),
    );
    const defaultOrganization = organizationsElement ? attribute(organizationsElement, 'default') : undefined;
    if (organizations.length === 0) this.issues.push({ path: 'organizations', message: 'no <organization>: nothing to launch' });
    else if (!organizations.some((organization) => hasLaunchable(organization.items))) {
      this.issues.push({ path: 'organizations', message: 'no item points at a resource with a launch file' });
    }
    if (defaultOrganization && !organizations.some((o) => o.identifier === defaultOrganization)) {
      this.warn(
        'manifest/ignored',
        'organizations.default',
        `default organization "${defaultOrganization}" does not exist; using the first`,
      );
    }
    const sequencingCollection: ScormPackage['sequencingCollection'] = {};
    for (const element of childElements(childElement(root, 'sequencingCollection') ?? root, 'sequencing')) {
      const id = attribute(element, 'ID');
      if (id) sequencingCollection[id] = parseSequencing(element);
    }
    if (this.issues.length) {
      throw new LmsError('package/invalid-manifest', `imsmanifest.xml cannot be played:\n${formatIssues(this.issues)}`, {
        issues: this.issues,
      });
    }
    const identifier = attribute(root, 'identifier') ?? 'package';
    const main = organizations.find((o) => o.identifier === defaultOrganization) ?? organizations[0];
    const pkg: ScormPackage = {
      version,
      identifier,
      title: main?.title ?? identifier,
      organizations,
      resources: this.resources,
      sequencingCollection,
      warnings: this.warnings,
    };
    if (edition) pkg.edition = edition;
    if (schemaVersion) pkg.schemaVersion = schemaVersion;
    if (main) pkg.defaultOrganization = main.identifier;
    return pkg;
  }

  private warn(code: ManifestWarning['code'], path: string, message: string): void {
    this.warnings.push({ code, path, message });
  }

  private readResources(): Record<string, Resource> {
    const resourcesElement = childElement(this.root, 'resources');
    const resources: Record<string, Resource> = {};
    if (!resourcesElement) return resources;
    const base = joinPackagePath(xmlBase(this.root), xmlBase(resourcesElement)) ?? '';
    childElements(resourcesElement, 'resource').forEach((element, index) => {
      const path = `resources[${index}]`;
      const identifier = attribute(element, 'identifier');
      if (!identifier) {
        this.issues.push({ path: `${path}.identifier`, message: 'required' });
        return;
      }
      const resourceBase = joinPackagePath(base, xmlBase(element));
      const href = attribute(element, 'href');
      const resolve = (file: string, at: string) => {
        const resolved = joinPackagePath(resourceBase ?? '', file);
        if (resolved === undefined) this.issues.push({ path: at, message: `"${file}" points outside the package` });
        else if (!isSafeUrl(resolved)) {
          this.issues.push({ path: at, message: `"${resolved}" (with its xml:base) is not an http(s) or package URL` });
          return undefined;
        }
        return resolved;
      };
      const resource: Resource = {
        identifier,
        type: attribute(element, 'type') ?? 'webcontent',
        scormType: (attribute(element, 'scormType') ?? attribute(element, 'scormtype'))?.toLowerCase() === 'sco' ? 'sco' : 'asset',
        files: childElements(element, 'file')
          .map((file, fileIndex) => resolve(attribute(file, 'href') ?? '', `${path}.files[${fileIndex}]`))
          .filter((file): file is string => Boolean(file)),
        dependencies: childElements(element, 'dependency')
          .map((dependency) => attribute(dependency, 'identifierref'))
          .filter((ref): ref is string => Boolean(ref)),
      };
      if (href) {
        const launch = resolve(href, `${path}.href`);
        if (launch) resource.href = launch;
      }
      resources[identifier] = resource;
    });
    for (const [index, resource] of Object.values(resources).entries()) {
      resource.dependencies.forEach((ref, refIndex) => {
        if (!resources[ref])
          this.warn('manifest/unknown-resource', `resources[${index}].dependencies[${refIndex}]`, `unknown resource "${ref}"`);
      });
    }
    return resources;
  }

  private readOrganization(element: Element, path: string): Organization {
    const sequencingElement = childElement(element, 'sequencing');
    const organization: Organization = {
      identifier: attribute(element, 'identifier') ?? path,
      title: textOf(childElement(element, 'title')) ?? attribute(element, 'identifier') ?? 'Untitled',
      items: childElements(element, 'item').map((item, index) => this.readItem(item, `${path}.items[${index}]`)),
      objectivesGlobalToSystem: booleanAttribute(element, 'objectivesGlobalToSystem') ?? true,
      sharedDataGlobalToSystem: booleanAttribute(element, 'sharedDataGlobalToSystem') ?? true,
    };
    if (sequencingElement) organization.sequencing = parseSequencing(sequencingElement);
    return organization;
  }

  private readItem(element: Element, path: string): Item {
    const identifier = attribute(element, 'identifier') ?? '';
    if (!identifier) this.issues.push({ path: `${path}.identifier`, message: 'required' });
    const item: Item = {
      identifier,
      title: textOf(childElement(element, 'title')) ?? identifier,
      isVisible: booleanAttribute(element, 'isvisible') ?? true,
      children: childElements(element, 'item').map((child, index) => this.readItem(child, `${path}.items[${index}]`)),
    };
    const ref = attribute(element, 'identifierref');
    const parameters = attribute(element, 'parameters');
    if (parameters) item.parameters = parameters;
    if (ref) {
      item.identifierref = ref;
      const resource = this.resources[ref];
      if (!resource) this.issues.push({ path: `${path}.identifierref`, message: `unknown resource "${ref}"` });
      else if (!resource.href) this.issues.push({ path: `${path}.identifierref`, message: `resource "${ref}" has no href to launch` });
      else {
        item.launch = withParameters(resource.href, parameters);
        item.scormType = resource.scormType;
      }
      if (item.children.length) this.warn('manifest/ignored', `${path}.identifierref`, 'an item with children cannot be launched itself');
    }
    this.readItemExtensions(element, item, path);
    return item;
  }

  private readItemExtensions(element: Element, item: Item, path: string): void {
    const mastery = textOf(childElement(element, 'masteryscore'));
    if (mastery !== undefined && Number.isFinite(Number(mastery))) item.masteryScore = Number(mastery);
    const maxTime = textOf(childElement(element, 'maxtimeallowed'));
    if (maxTime) item.maxTimeAllowed = maxTime;
    const timeLimitAction = textOf(childElement(element, 'timeLimitAction') ?? childElement(element, 'timelimitaction'));
    if (timeLimitAction) item.timeLimitAction = timeLimitAction;
    const data = childElement(element, 'dataFromLMS') ?? childElement(element, 'datafromlms');
    if (data?.textContent) item.dataFromLMS = data.textContent.trim();
    const prerequisites = textOf(childElement(element, 'prerequisites'));
    if (prerequisites) item.prerequisites = prerequisites;
    const threshold = childElement(element, 'completionThreshold');
    if (threshold) item.completionThreshold = readCompletionThreshold(threshold);
    const sequencing = childElement(element, 'sequencing');
    if (sequencing) {
      item.sequencing = parseSequencing(sequencing);
      if (this.version === '1.2') this.warn('manifest/ignored', `${path}.sequencing`, 'SCORM 1.2 packages have no sequencing; ignored');
    }
    const navigation = childElement(childElement(element, 'presentation') ?? element, 'navigationInterface');
    if (navigation) {
      const hidden = childElements(navigation, 'hideLMSUI').map((hide) => textOf(hide) ?? '');
      if (hidden.length) item.hideLmsUi = hidden.filter(Boolean);
    }
    const dataElement = childElement(element, 'data');
    const shared = (dataElement ? childElements(dataElement, 'map') : [])
      .map((map) => ({
        targetID: attribute(map, 'targetID') ?? '',
        readSharedData: booleanAttribute(map, 'readSharedData') ?? true,
        writeSharedData: booleanAttribute(map, 'writeSharedData') ?? true,
      }))
      .filter((map) => map.targetID);
    if (shared.length) item.sharedData = shared;
    if (item.sequencing?.limitConditions?.attemptAbsoluteDurationLimit && !item.maxTimeAllowed) {
      item.maxTimeAllowed = item.sequencing.limitConditions.attemptAbsoluteDurationLimit;
    }
  }
}

function hasLaunchable(items: Item[]): boolean {
  return items.some((item) => item.launch !== undefined || hasLaunchable(item.children));
}

function withParameters(href: string, parameters?: string): string {
  if (!parameters) return href;
  const trimmed = parameters.replace(/^[?&]/, '');
  if (parameters.startsWith('#')) return href + parameters;
  return href + (href.includes('?') ? '&' : '?') + trimmed;
}

/** 2nd/3rd edition: `<adlcp:completionThreshold>0.8</…>`; 4th: `completedByMeasure`, `minProgressMeasure`, `progressWeight`. */
function readCompletionThreshold(element: Element): CompletionThreshold {
  const text = textOf(element);
  const legacy = text !== undefined && Number.isFinite(Number(text)) ? Number(text) : undefined;
  return {
    completedByMeasure: booleanAttribute(element, 'completedByMeasure') ?? legacy !== undefined,
    minProgressMeasure: numberAttribute(element, 'minProgressMeasure') ?? legacy ?? 1,
    progressWeight: numberAttribute(element, 'progressWeight') ?? 1,
  };
}

/** The version from `schemaversion`, else from the namespaces the manifest declares. */
function detectVersion(schemaVersion: string | undefined, root: Element): { version: ScormVersion; edition?: 2 | 3 | 4 } {
  const declared = (schemaVersion ?? '').toLowerCase();
  if (declared === '1.2' || declared === '1.1') return { version: '1.2' };
  if (declared.includes('cam 1.3')) return { version: '2004', edition: 2 };
  if (declared.includes('3rd')) return { version: '2004', edition: 3 };
  if (declared.includes('4th')) return { version: '2004', edition: 4 };
  if (declared.includes('2004')) return { version: '2004', edition: 3 };
  const namespaces = Array.from(root.attributes)
    .map((attr) => attr.value)
    .join(' ');
  if (/imscp_rootv1p1p2|adlcp_rootv1p2/.test(namespaces) || root.namespaceURI?.includes('imscp_rootv1p1p2')) return { version: '1.2' };
  return { version: '2004', edition: 3 };
}
