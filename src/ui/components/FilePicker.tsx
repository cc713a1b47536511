import { canPickHandles, pickerFailure, pickWithHandles, takeInputFiles, type PickedFile } from "../file-handles";

/**
 * A file input that looks like a button; the same file can be picked twice in a row. With
 * `handles`, browsers that can show their own picker do, so that the file comes with a handle.
 * `onFiles` takes several files at once; `onFile` one.
 */
export function FilePicker(props: {
  label: string;
  accept: string;
  handles?: FilePickerAcceptType;
  onFile?: (file: File, handle?: FileSystemFileHandle) => void;
  onFiles?: (picked: PickedFile[]) => void;
  onError?: (message: string) => void;
}) {
  const multiple = () => props.onFiles !== undefined;
  function picked(files: PickedFile[]) {
    if (props.onFiles) return files.length > 0 && props.onFiles(files);
    const [first] = files;
    if (first) props.onFile?.(first.file, first.handle);
  }
  async function pick(event: MouseEvent) {
    const types = props.handles;
    if (!types || !canPickHandles()) return;
    event.preventDefault();
    try {
      picked(await pickWithHandles(types, multiple()));
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
        multiple={multiple()}
        aria-label={props.label}
        onClick={(event) => void pick(event)}
        onChange={(event) => picked(takeInputFiles(event.currentTarget).map((file) => ({ file })))}
      />
    </label>
  );
}
