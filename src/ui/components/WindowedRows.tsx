import { For, type JSX } from "solid-js";
import type { VirtualWindow } from "../virtual-window";

/**
 * A table body that draws only its rows in `view`, with the space of the others above and below.
 * `rows` are those in view; `cells` draws one, given its 1-based number in the whole table. Rows are
 * kept by identity, and the number is an accessor, so a row that only moves (a clip above it deleted)
 * keeps its cells: give the same object for an unchanged row.
 */
export function WindowedRows<T>(props: { view: VirtualWindow; rows: readonly T[]; cells: (row: T, number: () => number) => JSX.Element }) {
  return (
    <tbody>
      <tr aria-hidden="true" style={{ height: `${props.view.before()}px` }} />
      <For each={props.rows}>
        {(row, at) => {
          const number = () => props.view.range().first + at() + 1;
          // Row 1 is the header.
          return (
            <tr ref={props.view.row} aria-rowindex={number() + 1}>
              {props.cells(row, number)}
            </tr>
          );
        }}
      </For>
      <tr aria-hidden="true" style={{ height: `${props.view.after()}px` }} />
    </tbody>
  );
}
