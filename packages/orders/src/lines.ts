// Order lines as the SQL functions take them (place_order, update_draft, fulfil_order, request_quote,
// request_return): one JSON array of {variant_id, quantity}.

/** One line to order or ship: a variant and a whole number of units (at least 1). */
export interface LineInput {
  variantId: string;
  quantity: number;
}

/** The JSON the SQL functions take: [{"variant_id", "quantity"}] (a string: pg would send an array as a PG array). */
export function linesJson(lines: readonly LineInput[]): string {
  return JSON.stringify(lines.map((l) => ({ variant_id: l.variantId, quantity: l.quantity })));
}
