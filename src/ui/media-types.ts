/** The files "Open video" offers, for the file input and for the browser's own picker. */
export const MEDIA_ACCEPT = "video/*,audio/*,.mkv,.mov,.ts,.m2ts,.avi,.flv,.webm";

export const MEDIA_HANDLE_TYPES: FilePickerAcceptType = {
  description: "Video and audio",
  accept: {
    "video/*": [".mp4", ".m4v", ".mkv", ".mov", ".webm", ".avi", ".ts", ".m2ts", ".mpg", ".mpeg", ".flv"],
    "audio/*": [".mp3", ".m4a", ".aac", ".wav", ".flac", ".ogg", ".opus"],
  },
};
