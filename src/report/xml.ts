// XML text for the JUnit and checkstyle reports. Markup characters become entities; characters XML
// 1.0 cannot carry at all (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF; lone
// surrogates) become a visible \uXXXX, since not even a character reference may name them. In
// attribute values tab, LF and CR are written as references, which attribute normalisation keeps.

// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function visible(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Element content. */
export function xmlText(s: string): string {
  return s.replace(NOT_XML, visible).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** An attribute value (to put between double quotes). */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

/** ` name="value"` for each defined value, in the order given. */
export function attrs(pairs: Record<string, string | number | undefined>): string {
  return Object.entries(pairs).filter(([, v]) => v !== undefined).map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`).join('');
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
