/**
 * A small XML reader for the parts of an .xlsx package (workbook, relationships, shared strings,
 * worksheets): elements, attributes and text, nothing more. A document type declaration is
 * refused, so no entity can expand (the XML parsers' recurring denial-of-service bugs need one);
 * only the five predefined entities and numeric character references are decoded.
 *
 * @module
 */

/** An element: its name without the namespace prefix, its attributes, its children. */
export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: (XmlElement | string)[];
}

const PREDEFINED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` and `&#NNN;` / `&#xHH;`; any other entity is kept as written. */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/gu, (whole, ref: string) => {
    if (ref.startsWith("#")) {
      const code = ref[1] === "x" ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[ref] ?? whole;
  });
}

/** The local part of a qualified name: `x:row` → `row`. */
function local(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gu;

/**
 * Parses an XML document into its root element. Comments, processing instructions and CDATA
 * sections are handled; a `<!DOCTYPE` throws. Attribute names keep their prefix (`r:id`); element
 * names lose it.
 *
 * @example
 * ```ts
 * const root = parseXml('<sheet><row r="1"><c r="A1"><v>1</v></c></row></sheet>');
 * root.children[0]; // => { name: "row", attrs: { r: "1" }, children: [ … ] }
 * ```
 */
export function parseXml(xml: string): XmlElement {
  const stack: XmlElement[] = [{ name: "#document", attrs: {}, children: [] }];
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf("<", i);
    const top = stack[stack.length - 1] as XmlElement;
    if (lt < 0 || lt > i) {
      const text = xml.slice(i, lt < 0 ? n : lt);
      if (stack.length > 1) top.children.push(decodeEntities(text));
      if (lt < 0) break;
    }
    if (xml.startsWith("<!--", lt)) {
      const end = xml.indexOf("-->", lt + 4);
      if (end < 0) throw new Error("unterminated comment");
      i = end + 3;
    } else if (xml.startsWith("<![CDATA[", lt)) {
      const end = xml.indexOf("]]>", lt + 9);
      if (end < 0) throw new Error("unterminated CDATA section");
      top.children.push(xml.slice(lt + 9, end));
      i = end + 3;
    } else if (xml.startsWith("<?", lt)) {
      const end = xml.indexOf("?>", lt + 2);
      if (end < 0) throw new Error("unterminated processing instruction");
      i = end + 2;
    } else if (xml.startsWith("<!", lt)) {
      throw new Error("a document type declaration is not allowed in a spreadsheet part");
    } else if (xml[lt + 1] === "/") {
      const end = xml.indexOf(">", lt + 2);
      if (end < 0) throw new Error("unterminated end tag");
      const name = local(xml.slice(lt + 2, end).trim());
      if (stack.length <= 1 || top.name !== name) throw new Error(`end tag </${name}> does not match <${top.name}>`);
      stack.pop();
      i = end + 1;
    } else {
      const end = tagEnd(xml, lt + 1);
      if (end < 0) throw new Error("unterminated start tag");
      const selfClosing = xml[end - 1] === "/";
      const inner = xml.slice(lt + 1, selfClosing ? end - 1 : end);
      const space = inner.search(/\s/u);
      const name = local(space < 0 ? inner : inner.slice(0, space));
      const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
      if (space >= 0) {
        for (const m of inner.slice(space).matchAll(ATTRIBUTE)) attrs[m[1] as string] = decodeEntities(m[2] ?? m[3] ?? "");
      }
      const element: XmlElement = { name, attrs, children: [] };
      top.children.push(element);
      if (!selfClosing) stack.push(element);
      i = end + 1;
    }
  }
  if (stack.length > 1) throw new Error(`element <${stack[stack.length - 1]?.name}> is not closed`);
  const root = rootOf(stack[0] as XmlElement);
  if (root === undefined) throw new Error("no root element");
  return root;
}

function rootOf(doc: XmlElement): XmlElement | undefined {
  return doc.children.find((c): c is XmlElement => typeof c !== "string");
}

/** The `>` closing a start tag that begins at `from`, skipping quoted attribute values. */
function tagEnd(xml: string, from: number): number {
  let quote: string | undefined;
  for (let k = from; k < xml.length; k++) {
    const ch = xml[k];
    if (quote !== undefined) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ">") return k;
  }
  return -1;
}

/** The child elements named `name`. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c): c is XmlElement => typeof c !== "string" && c.name === name);
}

/** The first child element named `name`. */
export function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c): c is XmlElement => typeof c !== "string" && c.name === name);
}

/** The text of an element: its own text and its children's, in document order. */
export function textOf(element: XmlElement): string {
  let out = "";
  for (const c of element.children) out += typeof c === "string" ? c : textOf(c);
  return out;
}
