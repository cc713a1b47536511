/** A parsed JSON object, its fields not yet checked. */
export type Json = Record<string, unknown>;

/** A JSON object, not an array and not null: what every reader of JSON here checks first. */
export const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
