/** PLACEHOLDER. */
export function extractLocations(_text: string): { locations: string[]; evidence: string[] } {
  return { locations: [], evidence: [] };
}
