/**
 * What a page that saves a client's records tells the client page when it leads there (as location
 * state, or through ResultState while the visit form draws the client page): the client page
 * confirms the save in a banner at its top.
 */
export interface ClientPageState {
  registered?: boolean;
  /** What the edit page changed, in words ("phone number and language"), or 'nothing'. */
  updated?: string;
  /** A visit was just recorded (the visit form): its id, and how many follow-up tasks came with it. */
  visitRecorded?: { visitId: string; followUps: number };
}
