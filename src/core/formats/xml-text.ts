/**
 * Just enough XML for flat project files (MLT): elements by name with their attributes and inner
 * text, entities decoded. Not a general parser: no DOM in the core, and MLT files need no more.
 */
export interface XmlElement {
  attributes: Record<string, string>;
  /** What lies between the start and end tags; empty for `<a/>`. */
  body: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name[0] !== "#") return ENTITIES[name] ?? whole;
    const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

export const escapeXml = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function attributesOf(tag: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attributes[match[1] as string] = decodeXml(match[2] ?? match[3] ?? "");
  }
  return attributes;
}

/** Every `<name …>` in `text`, in document order (elements of that name are not nested in MLT). */
export function elements(text: string, names: readonly string[]): (XmlElement & { name: string })[] {
  const pattern = new RegExp(`<(${names.join("|")})(\\s[^>]*?)?(/?)>`, "g");
  return [...text.matchAll(pattern)].map((match) => {
    const name = match[1] as string;
    const after = (match.index ?? 0) + match[0].length;
    const close = match[3] === "/" ? -1 : text.indexOf(`</${name}>`, after);
    return { name, attributes: attributesOf(match[2] ?? ""), body: close < 0 ? "" : text.slice(after, close) };
  });
}

/**
 * MLT's `<property name="…">value</property>` children. An element's own properties come before
 * its filters', which have the same names (`mlt_service`): the first of a name wins.
 */
export function properties(body: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const match of body.matchAll(/<property\s+name\s*=\s*"([^"]*)"\s*>([^<]*)<\/property>/g)) {
    const name = decodeXml(match[1] as string);
    if (!(name in found)) found[name] = decodeXml(match[2] as string);
  }
  return found;
}
