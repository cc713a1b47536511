import { frameStart, nominalRange, rangeLength, videoFrames } from "../frames";
import { firstAudio, firstVideo } from "../media-info";
import type { Rational } from "../rational";
import { fail, ok, type Result } from "../result";
import type { EditListFormat, ListClip, ListContext, ListSource, ListTarget } from "./edit-format";
import type { EditEntry, EditList, LineWarning } from "./edit-list";
import { perSource } from "./list-sources";
import { baseName } from "./osp";
import { elements, escapeXml, properties, type XmlElement } from "./xml-text";

// Shotcut's own project files (MLT XML, as Shotcut 21+ saves them, with `<chain>` for a file):
// a profile at the source's size and rate, the "background" black track, one `<chain>` a clip,
// the clips on playlist "V1", and a tractor with Shotcut's marks. `<chain>` needs MLT 7.
const MLT_VERSION = "7.0.0";
const PAL: Rational = { num: 25, den: 1 };

const attrs = (values: Record<string, string | number>): string =>
  Object.entries(values)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join("");

const props = (values: Record<string, string | number>, indent: string): string[] =>
  Object.entries(values).map(([name, value]) => `${indent}<property name="${escapeXml(name)}">${escapeXml(String(value))}</property>`);

/**
 * The clips end to end on one track in list order, one `<chain>` a source that has clips, each
 * entry the clip's frames of it and its label (`shotcut:caption`). MLT counts in frames of the
 * profile, set to the first source's size and rate so a frame is a frame; an entry's `out` is its
 * last frame (inclusive). Profile frames stand for times (frame / fps) in melt: another rate's
 * clips, and a variable rate's, are the instants at the profile frames nearest them.
 */
export function serialize(clips: readonly ListClip[], { sources }: Pick<ListTarget, "sources">): string {
  const first = sources[0] as ListSource;
  const video = firstVideo(first.info);
  const audio = firstAudio(first.info);
  const rate = video?.frameRate ?? PAL;
  const used = sources.filter((s) => clips.some((c) => c.source === s.id));
  const chainOf = perSource(used, (source, place) => ({ id: `chain${place}`, frames: videoFrames(source.info) ?? rate }));
  const ranges = clips
    .map((entry) => ({ entry, chain: chainOf(entry).id, range: nominalRange(chainOf(entry).frames, rate, entry) }))
    .filter(({ range }) => rangeLength(range) > 0);
  const total = Math.max(1, ranges.reduce((sum, { range }) => sum + rangeLength(range), 0));
  const chains = used.flatMap(({ fileName, info }, place) => {
    const length = Math.max(1, Math.round((info.duration * rate.num) / rate.den));
    const [ownVideo, ownAudio] = [firstVideo(info), firstAudio(info)];
    return [
      `  <chain${attrs({ id: `chain${place}`, out: length - 1 })}>`,
      ...props(
        {
          length,
          eof: "pause",
          resource: fileName,
          mlt_service: "avformat-novalidate",
          seekable: 1,
          audio_index: ownAudio?.index ?? -1,
          video_index: ownVideo?.index ?? -1,
          "shotcut:caption": fileName,
        },
        "    ",
      ),
      "  </chain>",
    ];
  });
  const track = ranges.flatMap(({ entry, chain, range }) => {
    const tag = `    <entry${attrs({ producer: chain, in: range.first, out: range.end - 1 })}`;
    return entry.label ? [`${tag}>`, ...props({ "shotcut:caption": entry.label }, "      "), "    </entry>"] : [`${tag}/>`];
  });
  const black = { length: total, eof: "pause", resource: 0, aspect_ratio: 1, mlt_service: "color", mlt_image_format: "rgba", "set.test_audio": 0 };
  const profile = {
    description: "automatic",
    width: video?.width ?? 1280,
    height: video?.height ?? 720,
    progressive: 1,
    sample_aspect_num: video?.pixelAspect.num ?? 1,
    sample_aspect_den: video?.pixelAspect.den ?? 1,
    display_aspect_num: video?.displayAspect.num ?? 16,
    display_aspect_den: video?.displayAspect.den ?? 9,
    frame_rate_num: rate.num,
    frame_rate_den: rate.den,
    colorspace: 709,
  };
  const mix = { a_track: 0, b_track: 1, mlt_service: "mix", always_active: 1, sum: 1 };
  return [
    '<?xml version="1.0" standalone="no"?>',
    `<mlt${attrs({ LC_NUMERIC: "C", version: MLT_VERSION, title: "Clipmark", producer: "main_bin" })}>`,
    `  <profile${attrs(profile)}/>`,
    '  <playlist id="main_bin">',
    ...props({ xml_retain: 1 }, "    "),
    "  </playlist>",
    `  <producer${attrs({ id: "black", in: 0, out: total - 1 })}>`,
    ...props(black, "    "),
    "  </producer>",
    '  <playlist id="background">',
    `    <entry${attrs({ producer: "black", in: 0, out: total - 1 })}/>`,
    "  </playlist>",
    ...chains,
    '  <playlist id="playlist0">',
    ...props({ "shotcut:video": 1, "shotcut:name": "V1" }, "    "),
    ...track,
    "  </playlist>",
    `  <tractor${attrs({ id: "tractor0", title: "Clipmark", in: 0, out: total - 1 })}>`,
    ...props({ shotcut: 1, "shotcut:projectAudioChannels": audio?.channels ?? 2 }, "    "),
    '    <track producer="background"/>',
    '    <track producer="playlist0"/>',
    '    <transition id="transition0">',
    ...props(mix, "      "),
    "    </transition>",
    "  </tractor>",
    "</mlt>",
    "",
  ].join("\n");
}

/** A time as MLT writes it: frames (`23`), clock (`00:00:00.920`) or SMPTE (`00:00:00:23`), as a frame. */
function frameOf(text: string | undefined, rate: Rational): number | null {
  if (text === undefined) return null;
  const fps = rate.num / rate.den;
  if (/^\d+$/.test(text)) return Number(text);
  const clock = /^(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(text);
  if (clock) return Math.round((Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3])) * fps);
  const smpte = /^(\d+):(\d{2}):(\d{2})[:;](\d{2})$/.exec(text);
  if (smpte) return (Number(smpte[1]) * 3600 + Number(smpte[2]) * 60 + Number(smpte[3])) * Math.round(fps) + Number(smpte[4]);
  return null;
}

interface Media {
  file: string;
  caption: string;
  /** A speed change: Shotcut's timewarp producer, `speed:file`. */
  speed?: string;
}

/** The producers and chains that read a file, by id (not the colour, text and other generators). */
function mediaById(text: string): Map<string, Media> {
  const media = new Map<string, Media>();
  for (const element of elements(text, ["producer", "chain"])) {
    const p = properties(element.body);
    const id = element.attributes.id;
    const service = p.mlt_service ?? "";
    if (!id || !p.resource || !/^(avformat|timewarp|qimage|pixbuf)/.test(service)) continue;
    const warp = service === "timewarp" ? /^(-?[\d.]+):(.*)$/.exec(p.resource) : null;
    const file = baseName(warp ? (warp[2] as string) : p.resource);
    media.set(id, { file, caption: p["shotcut:caption"] ?? "", ...(warp ? { speed: warp[1] } : {}) });
  }
  return media;
}

interface Track {
  name: string;
  entries: XmlElement[];
}

/** The tractor's tracks in order, each its playlist's entries of media. */
function tracks(text: string, media: Map<string, Media>): Track[] {
  const playlists = new Map(elements(text, ["playlist"]).map((p) => [p.attributes.id ?? "", p]));
  // Shotcut also makes a tractor of each transition; its timeline is the one marked "shotcut".
  const tractors = elements(text, ["tractor"]);
  const tractor = tractors.find((t) => properties(t.body).shotcut === "1") ?? tractors.at(-1);
  const order = tractor ? elements(tractor.body, ["track"]).map((t) => t.attributes.producer ?? "") : [...playlists.keys()];
  return order.flatMap((id) => {
    const playlist = playlists.get(id);
    if (!playlist) return [];
    const entries = elements(playlist.body, ["entry"]).filter((e) => media.has(e.attributes.producer ?? ""));
    return entries.length > 0 ? [{ name: properties(playlist.body)["shotcut:name"] ?? id, entries }] : [];
  });
}

export const recognizes = (lines: readonly string[]): boolean => lines.slice(0, 5).some((line) => /^<mlt[\s>]/.test(line));

/**
 * Reads the clips of the project's first track that holds media, in track order, each naming its
 * file. Clips on other tracks are counted and left out (Shotcut puts a clip's sound on A1 too).
 */
export function parse(text: string, { onPlayer }: Pick<ListContext, "onPlayer">): Result<EditList> {
  if (!/<mlt[\s>]/.test(text)) return fail("not an MLT project (no <mlt> element)");
  const profile = elements(text, ["profile"])[0]?.attributes;
  const fromProfile = profile && { num: Number(profile.frame_rate_num), den: Number(profile.frame_rate_den) };
  const rate = fromProfile && fromProfile.num > 0 && fromProfile.den > 0 ? fromProfile : (firstVideo(onPlayer.info)?.frameRate ?? PAL);
  const media = mediaById(text);
  const [first, ...others] = tracks(text, media);
  if (!first) return fail("the project has no clip of a media file on any track");
  const warnings: LineWarning[] = [];
  const entries = first.entries.flatMap((entry, i): EditEntry[] => {
    const clip = media.get(entry.attributes.producer ?? "") as Media;
    const where = `clip ${i + 1} "${clip.caption || clip.file}"`;
    const [from, to] = [frameOf(entry.attributes.in, rate), frameOf(entry.attributes.out, rate)];
    if (from === null || to === null || to < from) {
      warnings.push({ line: 0, message: `${where} has no readable in and out: left out` });
      return [];
    }
    if (clip.speed) warnings.push({ line: 0, message: `${where}: its speed (${clip.speed}×) is not kept: imported at normal speed` });
    // A clip's own caption (ours, on its entry), else its producer's where that is not just the file's name.
    const caption = properties(entry.body)["shotcut:caption"] ?? (clip.caption !== clip.file ? clip.caption : "");
    return [{ start: frameStart(from, rate), end: frameStart(to + 1, rate), label: caption, sourceName: clip.file }];
  });
  for (const track of others) {
    warnings.push({ line: 0, message: `${track.entries.length} clip${track.entries.length === 1 ? "" : "s"} on track ${track.name} left out` });
  }
  return entries.length > 0 ? ok({ entries, warnings }) : fail(warnings[0]?.message ?? "the project has no clips");
}

export const format: EditListFormat = {
  id: "mlt",
  name: "Shotcut project (MLT)",
  reader: { recognizes, parse },
  writer: {
    action: "Export Shotcut project",
    suffix: ".mlt",
    mime: "application/xml",
    scope: "project",
    serialize: (clips, target) => ok(serialize(clips, target)),
  },
};
