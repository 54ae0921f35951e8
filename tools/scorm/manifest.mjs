// The SCORM 1.2 manifest (imsmanifest.xml) of the package, and the checks it must pass. The rules
// (also in the README):
//   1. imsmanifest.xml sits at the root of the zip, with metadata schema "ADL SCORM" and
//      schemaversion "1.2".
//   2. Every identifier is an XML name and unique in the manifest.
//   3. organizations' default names an organization; every item's identifierref names a resource.
//   4. Every resource of adlcp:scormtype "sco" has an href, and that launch file is in the zip.
//   5. Every <file href> is a relative path (no scheme, no leading slash, no "..") to a file in
//      the zip, and every file in the zip but imsmanifest.xml is listed by a <file href>.

/** The manifest's own name, at the root of the zip. */
export const MANIFEST = 'imsmanifest.xml';

const escapeXml = (text) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A path as a manifest href: each segment URL-escaped. */
const href = (path) => path.split('/').map(encodeURIComponent).join('/');

/** imsmanifest.xml for one SCO launched from `launch`, listing every file in `files`. */
export function manifestXml({ title, launch, files, version }) {
  const fileLines = files.map((f) => `      <file href="${escapeXml(href(f))}"/>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="rag-or-tune-${escapeXml(version)}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="org-rag-or-tune">
    <organization identifier="org-rag-or-tune">
      <title>${escapeXml(title)}</title>
      <item identifier="item-explainer" identifierref="res-explainer" isvisible="true">
        <title>${escapeXml(title)}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res-explainer" type="webcontent" adlcp:scormtype="sco" href="${escapeXml(href(launch))}">
${fileLines}
    </resource>
  </resources>
</manifest>
`;
}

/** The attributes of every `<tag ...>` in `xml`, in order. */
function elements(xml, tag) {
  const found = [];
  const pattern = new RegExp(`<${tag}(\\s[^>]*?)?/?>`, 'g');
  for (const match of xml.matchAll(pattern)) {
    const attrs = {};
    for (const [, name, value] of (match[1] ?? '').matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) {
      attrs[name] = value.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    }
    found.push(attrs);
  }
  return found;
}

const text = (xml, tag) => new RegExp(`<${tag}>\\s*([^<]*?)\\s*</${tag}>`).exec(xml)?.[1];

/** The problems of a package given as its file names (zip paths); [] when it passes every rule. */
export function checkPackage(names, readManifest) {
  const problems = [];
  if (!names.includes(MANIFEST)) return [`${MANIFEST} is not at the root of the package`];
  const xml = readManifest();
  if (text(xml, 'schema') !== 'ADL SCORM') problems.push('metadata schema is not "ADL SCORM"');
  if (text(xml, 'schemaversion') !== '1.2') problems.push('metadata schemaversion is not "1.2"');

  const ids = [];
  for (const tag of ['manifest', 'organization', 'item', 'resource']) {
    for (const attrs of elements(xml, tag)) {
      if (attrs.identifier === undefined) problems.push(`a <${tag}> has no identifier`);
      else ids.push(attrs.identifier);
    }
  }
  for (const id of ids) {
    if (!/^[A-Za-z_][\w.-]*$/.test(id)) problems.push(`identifier "${id}" is not an XML name`);
  }
  const seen = new Set();
  for (const id of ids) {
    if (seen.has(id)) problems.push(`identifier "${id}" is used more than once`);
    seen.add(id);
  }

  const organizations = elements(xml, 'organization').map((a) => a.identifier);
  const resources = elements(xml, 'resource');
  const resourceIds = resources.map((a) => a.identifier);
  const def = elements(xml, 'organizations')[0]?.default;
  if (!organizations.length) problems.push('there is no <organization>');
  if (def !== undefined && !organizations.includes(def)) {
    problems.push(`organizations default "${def}" names no organization`);
  }
  const items = elements(xml, 'item');
  if (!items.length) problems.push('there is no <item>');
  for (const item of items) {
    if (item.identifierref !== undefined && !resourceIds.includes(item.identifierref)) {
      problems.push(`item "${item.identifier}" refers to a missing resource "${item.identifierref}"`);
    }
  }

  const inZip = new Set(names);
  const path = (ref) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('/') || ref.split('/').includes('..')) {
      problems.push(`href "${ref}" is not a relative path inside the package`);
      return null;
    }
    return decodeURIComponent(ref.split(/[?#]/)[0]);
  };
  const scos = resources.filter((r) => r['adlcp:scormtype'] === 'sco');
  if (!scos.length) problems.push('there is no resource of adlcp:scormtype "sco"');
  for (const sco of scos) {
    if (!sco.href) problems.push(`resource "${sco.identifier}" has no launch href`);
    else {
      const launch = path(sco.href);
      if (launch !== null && !inZip.has(launch)) problems.push(`launch file "${launch}" is not in the package`);
    }
  }
  const listed = new Set();
  for (const { href: ref } of elements(xml, 'file')) {
    if (ref === undefined) {
      problems.push('a <file> has no href');
      continue;
    }
    const file = path(ref);
    if (file === null) continue;
    listed.add(file);
    if (!inZip.has(file)) problems.push(`listed file "${file}" is not in the package`);
  }
  for (const name of names) {
    if (name !== MANIFEST && !name.endsWith('/') && !listed.has(name)) {
      problems.push(`"${name}" is in the package but not listed in the manifest`);
    }
  }
  return problems;
}
