import { onCleanup, onMount } from "solid-js";
import { CLIP_COLOURS, colourName, isClipColour, type ClipColour } from "../../core/clip-colours";
import "./clip-colours.css";

/**
 * A change to the clip (a pick, an undo) draws its row anew: the control gone says whether it had
 * the focus, and the new one asks whether to take it, so arrows go on choosing.
 */
export interface ColourFocus {
  gone: (focused: boolean) => void;
  take: () => boolean;
}

/**
 * A clip's colour, named "Clip N colour": a native select, so the keyboard works as everywhere
 * (arrows or a letter choose, Alt+↓ opens it). "Automatic" is no colour: the clip's hue by its place.
 */
export function ClipColourPicker(props: {
  place: number;
  colour: ClipColour | undefined;
  onPick: (colour: ClipColour | undefined) => void;
  focus: ColourFocus;
}) {
  let select!: HTMLSelectElement;
  onMount(() => props.focus.take() && select.focus());
  onCleanup(() => props.focus.gone(document.activeElement === select));
  return (
    <select
      ref={select}
      class="clip-colour"
      aria-label={`Clip ${props.place} colour`}
      data-colour={props.colour}
      onChange={(event) => {
        const value = event.currentTarget.value;
        props.onPick(isClipColour(value) ? value : undefined);
        // A pick refused (the project is read-only here) shows the colour the clip still has.
        event.currentTarget.value = props.colour ?? "";
      }}
    >
      <option value="" selected={props.colour === undefined}>
        {colourName(undefined)}
      </option>
      {CLIP_COLOURS.map((colour) => (
        <option value={colour} selected={colour === props.colour}>
          {colourName(colour)}
        </option>
      ))}
    </select>
  );
}
