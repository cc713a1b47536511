import { onMount } from "solid-js";
import { CLIP_COLOURS, colourName, isClipColour, type ClipColour } from "../../core/clip-colours";
import "./clip-colours.css";

/**
 * A clip's colour, named "Clip N colour": a native select, so the keyboard works as everywhere
 * (arrows or a letter choose, Alt+↓ opens it). "Automatic" is no colour: the clip's hue by its place.
 */
export function ClipColourPicker(props: {
  place: number;
  colour: ClipColour | undefined;
  /** Focus on creation: a pick makes a new row, whose control takes the focus back so arrows go on choosing. */
  focus: boolean;
  onPick: (colour: ClipColour | undefined) => void;
}) {
  let select!: HTMLSelectElement;
  onMount(() => props.focus && select.focus());
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
