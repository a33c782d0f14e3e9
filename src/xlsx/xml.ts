/**
 * A small XML reader for the parts of an .xlsx package (workbook, relationships, shared strings,
 * worksheets): elements, attributes and text, nothing more. A document type declaration is
 * refused, so no entity can expand (the XML parsers' recurring denial-of-service bugs need one);
 * only the five predefined entities and numeric character references are decoded, any other `&`
 * is an error.
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

/**
 * Decodes `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` and `&#NNN;` / `&#xHH;`. Any other `&` throws:
 * without a document type declaration (refused) XML defines no other entity, so `&foo;` or a bare
 * `&` is a document that is not well-formed, never text to keep as written.
 */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+;|#[0-9]+;|[A-Za-z_][\w.-]*;)?/gu, (whole, ref: string | undefined, at: number) => {
    if (ref !== undefined && ref.startsWith("#")) {
      const code = ref[1] === "x" ? Number.parseInt(ref.slice(2, -1), 16) : Number.parseInt(ref.slice(1, -1), 10);
      if (code <= 0x10ffff) return String.fromCodePoint(code);
    }
    const name = ref?.slice(0, -1);
    if (name !== undefined && Object.hasOwn(PREDEFINED, name)) return PREDEFINED[name] as string;
    const shown = whole === "&" ? text.slice(at, at + 12) : whole.slice(0, 40);
    throw new Error(`"${shown}" is not an entity XML defines (only &amp; &lt; &gt; &quot; &apos; and character references such as &#273;): an "&" in text is written "&amp;"`);
  });
}

/** The local part of a qualified name: `x:row` → `row`. */
function local(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gu;

// One token: a start or end tag (attribute values may hold ">"), a comment, a processing
// instruction, a CDATA section, or any other "<!" (a DOCTYPE), which is refused.
const TOKEN = /<(\/?)([^\s/>!?]+)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|(<!|<)/gu;

/**
 * The attributes of a start tag from the text after its name (`r="A1" t="s"`). Names keep their
 * prefix; values are decoded. A null-prototype object, so `__proto__` is a plain name.
 */
export function attributes(text: string): Record<string, string> {
  const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
  if (text.trim() === "") return attrs;
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(text); m !== null; m = ATTRIBUTE.exec(text)) attrs[m[1] as string] = decodeEntities(m[2] ?? m[3] ?? "");
  return attrs;
}

/** What {@link scanXml} calls, in document order. Attribute text is parsed only when asked for ({@link attributes}). */
export interface XmlHandlers {
  open(name: string, attrText: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Text (entities decoded) and CDATA, between tags. */
  text(text: string): void;
}

/**
 * Reads an XML document tag by tag without building a tree (a worksheet of a million cells would
 * be a million objects): element names lose their prefix, end tags must match, a `<!DOCTYPE`
 * throws, comments and processing instructions are skipped.
 */
export function scanXml(xml: string, on: XmlHandlers): void {
  const open: string[] = [];
  let last = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(xml); m !== null; m = TOKEN.exec(xml)) {
    if (m.index > last && open.length > 0) on.text(decodeEntities(xml.slice(last, m.index)));
    last = TOKEN.lastIndex;
    const qname = m[2];
    if (qname !== undefined) {
      const name = local(qname);
      if (m[1] === "/") {
        const top = open.pop();
        if (top !== name) throw new Error(`end tag </${name}> does not match <${top ?? ""}>`);
        on.close(name);
      } else {
        const selfClosing = m[4] === "/";
        if (!selfClosing) open.push(name);
        on.open(name, m[3] ?? "", selfClosing);
        if (selfClosing) on.close(name);
      }
    } else if (m[5] !== undefined) {
      on.text(m[5]);
    } else if (m[6] === "<!") {
      throw new Error("a document type declaration is not allowed in a spreadsheet part");
    } else if (m[6] === "<") {
      throw new Error(`a "<" that opens no tag, at character ${m.index}`);
    }
  }
  if (open.length > 0) throw new Error(`element <${open[open.length - 1]}> is not closed`);
}

/**
 * Parses an XML document into its root element (see {@link scanXml}). Text made only of white
 * space is kept inside `<t>` elements (where a space is content) and dropped elsewhere (where it is
 * layout).
 *
 * @example
 * ```ts
 * const root = parseXml('<sheet><row r="1"><c r="A1"><v>1</v></c></row></sheet>');
 * root.children[0];
 * // => { name: "row", attrs: { r: "1" }, children: [{ name: "c", attrs: { r: "A1" }, children: [{ name: "v", attrs: {}, children: ["1"] }] }] }
 * ```
 */
export function parseXml(xml: string): XmlElement {
  const doc: XmlElement = { name: "#document", attrs: {}, children: [] };
  const stack: XmlElement[] = [doc];
  scanXml(xml, {
    open(name, attrText) {
      const element: XmlElement = { name, attrs: attributes(attrText), children: [] };
      (stack[stack.length - 1] as XmlElement).children.push(element);
      stack.push(element);
    },
    close() {
      stack.pop();
    },
    text(text) {
      const top = stack[stack.length - 1] as XmlElement;
      if (top.name === "t" || text.trim() !== "") top.children.push(text);
    },
  });
  const root = doc.children.find((c): c is XmlElement => typeof c !== "string");
  if (root === undefined) throw new Error("no root element");
  return root;
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
