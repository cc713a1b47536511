/** A picture's size in pixels. */
export interface Size {
  width: number;
  height: number;
}

/** Where a picture is drawn inside a frame, in the frame's pixels. */
export interface Placement extends Size {
  x: number;
  y: number;
}

/**
 * Where a picture of `picture` size goes in a frame of `frame` size: as large as fits with its
 * aspect ratio kept, centred, the rest left black (bars above and below, or beside). Never
 * stretched: one scale for both axes, as ffmpeg's `force_original_aspect_ratio=decrease` and pad.
 */
export function letterbox(picture: Size, frame: Size): Placement {
  const scale = Math.min(frame.width / picture.width, frame.height / picture.height);
  const width = Math.min(frame.width, Math.round(picture.width * scale));
  const height = Math.min(frame.height, Math.round(picture.height * scale));
  return { x: Math.floor((frame.width - width) / 2), y: Math.floor((frame.height - height) / 2), width, height };
}
