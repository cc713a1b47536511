import { createSignal } from "solid-js";
import {
  moveClip,
  removeClip,
  setClipLabel,
  setClipTime,
  type Clip,
  type ClipField,
} from "../core/clips";
import { markIn, markOut, toggleMark, type Marking, type MarkOutcome } from "../core/marking";
import type { MediaInfo } from "../core/media-info";
import type { Result } from "../core/result";
import type { MediaClient } from "../media/media-client";

export interface Source {
  file: File;
  info: MediaInfo;
}

export type Notice = { kind: "info" | "error"; text: string } | null;

/** The open source, its clip list and the marking state: what the page edits. */
export function createSession(media: MediaClient) {
  const [source, setSource] = createSignal<Source | null>(null);
  const [clips, setClips] = createSignal<Clip[]>([]);
  const [marking, setMarking] = createSignal<Marking>({ pendingIn: null });
  const [notice, setNotice] = createSignal<Notice>(null);
  const [opening, setOpening] = createSignal<string | null>(null);

  const say = (text: string): void => void setNotice({ kind: "info", text });
  const complain = (text: string): void => void setNotice({ kind: "error", text });
  const duration = () => source()?.info.duration ?? 0;

  /** Probes first; only a file that probes cleanly replaces what is open. */
  async function open(file: File): Promise<void> {
    setOpening(file.name);
    const probed = await media.probe(file);
    setOpening(null);
    if (!probed.ok) return complain(probed.error);
    setSource({ file, info: probed.value });
    setClips([]);
    setMarking({ pendingIn: null });
    say(`Opened ${file.name}`);
  }

  function applyMark(outcome: Result<MarkOutcome>): void {
    if (!outcome.ok) return complain(outcome.error);
    const added = outcome.value.clips.length > clips().length;
    setMarking(outcome.value.marking);
    setClips(outcome.value.clips);
    if (added) say(`Added clip ${outcome.value.clips.length}`);
  }

  function editTime(id: number, field: ClipField, text: string): Result<Clip[]> {
    const edited = setClipTime(clips(), id, field, text, duration());
    if (edited.ok) setClips(edited.value);
    return edited;
  }

  return {
    source,
    clips,
    marking,
    notice,
    opening,
    duration,
    open,
    say,
    complain,
    dismiss: () => setNotice(null),
    markIn: (time: number) => {
      setMarking(markIn(time));
      say("IN set; press O (or M) at the OUT point");
    },
    markOut: (time: number) => applyMark(markOut(marking(), clips(), time, duration())),
    toggleMark: (time: number) => applyMark(toggleMark(marking(), clips(), time, duration())),
    editTime,
    editLabel: (id: number, label: string) => setClips(setClipLabel(clips(), id, label)),
    remove: (id: number) => setClips(removeClip(clips(), id)),
    move: (id: number, offset: number) => setClips(moveClip(clips(), id, offset)),
  };
}

export type Session = ReturnType<typeof createSession>;
