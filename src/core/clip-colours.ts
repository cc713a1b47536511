/**
 * The colours a clip may be given, as plain names kept on the clip (and in storage and backups).
 * A clip without one is coloured by its place in the list, as every clip was before colours.
 * How each looks is the page's business (ui/components/clip-colours.css); here they are names.
 */
export const CLIP_COLOURS = ["red", "orange", "yellow", "green", "teal", "blue", "purple", "pink"] as const;

export type ClipColour = (typeof CLIP_COLOURS)[number];

/** A colour this page knows: a later version's colour, or anything else, is not one. */
export const isClipColour = (value: unknown): value is ClipColour =>
  typeof value === "string" && (CLIP_COLOURS as readonly string[]).includes(value);

/** What the page calls a colour: "Red"; no colour is "Automatic" (by the clip's place). */
export const colourName = (colour: ClipColour | undefined): string =>
  colour ? colour.charAt(0).toUpperCase() + colour.slice(1) : "Automatic";
