import { canPickHandles, pickerFailure, pickWithHandle, takeInputFile } from "../file-handles";

/**
 * A file input that looks like a button; the same file can be picked twice in a row. With
 * `handles`, browsers that can show their own picker do, so that the file comes with a handle.
 */
export function FilePicker(props: {
  label: string;
  accept: string;
  handles?: FilePickerAcceptType;
  onFile: (file: File, handle?: FileSystemFileHandle) => void;
  onError?: (message: string) => void;
}) {
  async function pick(event: MouseEvent) {
    const types = props.handles;
    if (!types || !canPickHandles()) return;
    event.preventDefault();
    try {
      const picked = await pickWithHandle(types);
      if (picked) props.onFile(picked.file, picked.handle);
    } catch (error) {
      props.onError?.(pickerFailure(error));
    }
  }
  return (
    <label class="button">
      {props.label}
      <input
        type="file"
        accept={props.accept}
        aria-label={props.label}
        onClick={(event) => void pick(event)}
        onChange={(event) => {
          const file = takeInputFile(event.currentTarget);
          if (file) props.onFile(file);
        }}
      />
    </label>
  );
}
