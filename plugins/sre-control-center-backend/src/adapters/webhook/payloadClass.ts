/**
 * What a webhook route needs to know of a payload before its 202: its kind
 * (how the processor will decode it), why it is refused (a 422, the
 * delivery kept for inspection), and the Systems it names itself, which must
 * exist in the catalog.
 */
export interface PayloadClass {
  kind: string;
  refused?: string;
  namedSystems?: string[];
}
