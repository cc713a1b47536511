/**
 * The fields of one CSV row (RFC 4180 quoting: `"a, b"`, `""` for a quote inside), or null where
 * a quote is left open. Rows are lines: a label with a line break in it is not supported.
 */
export function splitRow(row: string): string[] | null {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < row.length; i++) {
    const char = row[i];
    if (quoted) {
      if (char !== '"') field += char;
      else if (row[i + 1] === '"') field += row[++i];
      else quoted = false;
    } else if (char === '"' && field.trim() === "") {
      quoted = true;
      field = "";
    } else if (char === ",") {
      fields.push(field);
      field = "";
    } else {
      field += char;
    }
  }
  if (quoted) return null;
  fields.push(field);
  return fields;
}

/** A field quoted where it has to be: a comma, a quote or a line break in it. */
export const quoteField = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
