export interface Download {
  name: string;
  url: string;
}

/** Hands bytes or text to the browser as a download; the URL stays valid for a "save again" link. */
export function download(data: BlobPart, name: string, type: string): Download {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = Object.assign(document.createElement("a"), { href: url, download: name });
  link.click();
  return { name, url };
}
