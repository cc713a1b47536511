import { For, Show } from "solid-js";
import { plural } from "../../core/plural";
import { cutLength, filesLength, openingSource } from "../../core/sources";
import { formatTimecode } from "../../core/timecode";
import type { ProjectRecord } from "../../storage/project-db";
import { canPickHandles, pickerFailure, pickWithHandle, takeInputFile } from "../file-handles";
import { acceptAttribute, MEDIA_FILES } from "../../core/file-kinds";
import type { Opener } from "../opener";
import type { ListedProject, Projects, VideoReturn } from "../projects";
import { FilePicker } from "./FilePicker";

const megabytes = (bytes: number | undefined) => `${((bytes ?? 0) / 1_000_000).toFixed(1)} MB`;

const VIDEO_RETURNS: Record<VideoReturn, string> = {
  copy: "video kept in this browser",
  handle: "video on this computer",
  pick: "pick the video to open",
};

/** The projects kept in this browser, the last edited first. */
interface ListProps {
  projects: Projects;
  opener: Opener;
  onError: (message: string) => void;
}

export function ProjectList(props: ListProps) {
  const projects = props.projects;
  return (
    <section aria-labelledby="projects-heading">
      <h2 id="projects-heading">Projects</h2>
      <Show when={projects.usage()}>
        {(usage) => (
          <p aria-label="Storage">
            Storage: {megabytes(usage().usage)} used of {megabytes(usage().quota)} this browser allows this site.
          </p>
        )}
      </Show>
      <div class="edit-list-bar">
        <button type="button" onClick={() => projects.backUp()} disabled={projects.list().length === 0}>
          Back up projects
        </button>
        <FilePicker label="Restore projects" accept=".json,application/json" onFile={(file) => void projects.restore(file)} />
      </div>
      <Show when={projects.list().length > 0} fallback={<p>No projects yet.</p>}>
        <ul aria-label="Projects">
          <For each={projects.list()}>{(entry) => <ProjectRow entry={entry} {...props} />}</For>
        </ul>
      </Show>
    </section>
  );
}

function ProjectRow(props: ListProps & { entry: ListedProject }) {
  const project = () => props.entry.project;
  let picker!: HTMLInputElement;

  /** Opens with the video the browser has; else asks for it (still within the click, so a picker may open). */
  async function open(record: ProjectRecord) {
    if (await props.opener.openProject(record.id)) return;
    if (!canPickHandles()) return picker.click();
    try {
      const picked = await pickWithHandle(MEDIA_FILES);
      if (picked) await props.opener.openWith(record, picked);
    } catch (error) {
      props.onError(pickerFailure(error));
    }
  }

  return (
    <li aria-label={project().name}>
      <input
        type="text"
        aria-label="Project name"
        value={project().name}
        onChange={(event) => void props.projects.rename(project().id, event.currentTarget.value)}
      />
      <span>
        {openingSource(project()).media.name} · {plural(project().clips.length, "clip", "clips")} ·{" "}
        {formatTimecode(cutLength(project()))} · {plural(project().sources.length, "file", "files")}, {formatTimecode(filesLength(project()))} in all · edited{" "}
        {new Date(project().edited).toLocaleString()} · {VIDEO_RETURNS[props.entry.video]}
      </span>
      <button type="button" onClick={() => void open(project())}>
        Open
      </button>
      <input
        ref={picker}
        type="file"
        hidden
        accept={acceptAttribute(MEDIA_FILES)}
        onChange={(event) => {
          const file = takeInputFile(event.currentTarget);
          if (file) void props.opener.openWith(project(), { file });
        }}
      />
      <button type="button" onClick={() => void props.projects.duplicate(project())}>
        Duplicate
      </button>
      <button type="button" onClick={() => props.projects.backUp(project())}>
        Back up
      </button>
      <button
        type="button"
        onClick={() => {
          if (confirm(`Delete the project "${project().name}" and its ${plural(project().clips.length, "clip", "clips")}?`)) {
            void props.projects.remove(project().id);
          }
        }}
      >
        Delete project
      </button>
    </li>
  );
}
