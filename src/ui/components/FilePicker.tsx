/** A file input that looks like a button; the same file can be picked twice in a row. */
export function FilePicker(props: { label: string; accept: string; onFile: (file: File) => void }) {
  return (
    <label class="button">
      {props.label}
      <input
        type="file"
        accept={props.accept}
        aria-label={props.label}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = "";
          if (file) props.onFile(file);
        }}
      />
    </label>
  );
}
