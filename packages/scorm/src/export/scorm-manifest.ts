import type { Course } from '@lms-kit/core';
import { xmlId, xmlText } from './xml-text.js';

export type ScormExportVersion = '1.2' | '2004';

const NAMESPACES: Record<ScormExportVersion, string> = {
  '1.2': [
    'xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"',
    'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"',
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    'xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd"',
  ].join(' '),
  '2004': [
    'xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"',
    'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"',
    'xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"',
    'xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"',
    'xmlns:imsss="http://www.imsglobal.org/xsd/imsss"',
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    'xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd"',
  ].join(' '),
};

/**
 * `imsmanifest.xml` for a course exported as one SCO: the LMS launches `launch` and the player inside
 * the package does the course's own navigation, so its lock rules and outline stay the same everywhere.
 * Every file of the package is listed in the resource, as the content packaging spec asks.
 */
export function scormManifest(course: Course, version: ScormExportVersion, launch: string, files: string[]): string {
  const org = xmlId(`${course.id}-org`);
  const title = xmlText(course.title);
  const scormType = version === '1.2' ? 'adlcp:scormtype' : 'adlcp:scormType';
  const schemaVersion = version === '1.2' ? '1.2' : '2004 4th Edition';
  const fileList = files.map((path) => `      <file href="${xmlText(encodePath(path))}"/>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${xmlId(course.id)}" version="${xmlText(course.version ?? '1')}" ${NAMESPACES[version]}>
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>${schemaVersion}</schemaversion>
  </metadata>
  <organizations default="${org}">
    <organization identifier="${org}">
      <title>${title}</title>
      <item identifier="${xmlId(`${course.id}-item`)}" identifierref="${xmlId(`${course.id}-sco`)}">
        <title>${title}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${xmlId(`${course.id}-sco`)}" type="webcontent" ${scormType}="sco" href="${xmlText(encodePath(launch))}">
${fileList}
    </resource>
  </resources>
</manifest>
`;
}

/** Manifest `href`s are URIs: spaces and other reserved characters in file names are percent-encoded. */
function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
