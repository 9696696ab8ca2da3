/**
 * Demo feedback: what clients said, at the reception kiosk (anonymous), to their worker, or on a
 * form they filled in themselves. Ratings lean positive, as service feedback does, with a tail of
 * unhappy comments so the coordinator dashboard has something to act on.
 */
import type { Feedback } from '../schemas/index';
import { FEEDBACK_THEMES } from '../schemas/feedback';
import { DEMO_USERS, type DemoUser } from './organisation';
import type { Rng } from './random';
import { duringWorkingHours, iso } from './time';

type Theme = (typeof FEEDBACK_THEMES)[number];

/** Feedback per client: most leave none; a few leave it twice. */
const FEEDBACK_COUNTS: readonly (readonly [number, number])[] = [[0, 55], [1, 35], [2, 10]];
const SOURCES: readonly (readonly [Feedback['source'], number])[] = [['worker', 40], ['client', 30], ['kiosk', 30]];
/** 1-5 stars, skewed positive like most service ratings (mean about 4). */
const RATINGS: readonly (readonly [number, number])[] = [[1, 4], [2, 6], [3, 14], [4, 34], [5, 42]];
const THEMES: readonly (readonly [Theme, number])[] = [['staff', 35], ['outcome', 20], ['waiting', 15], ['information', 12], ['place', 10], ['other', 8]];
/** A quarter of people tap a rating and leave no comment. */
const COMMENT_SHARE = 0.75;

const COMMENTS: Readonly<Record<'good' | 'mixed' | 'bad', Readonly<Record<Theme, readonly string[]>>>> = {
  good: {
    staff: ['My worker never gives up on me.', 'Friendly and patient, explained everything twice without making me feel stupid.', 'They listened. First time in ages someone did.'],
    outcome: ['I have my own flat now. Thank you.', 'Got my benefits sorted after months.', 'I can do my journal on my own now.'],
    waiting: ['Seen straight away.', 'Didn\'t have to wait long at the drop-in.'],
    information: ['Clear about what happens next.', 'Wrote it all down for me, which helps.'],
    place: ['Warm, quiet and the tea is good.', 'Nice that the library is so close.'],
    other: ['Keep doing what you do.', 'Brilliant service.'],
  },
  mixed: {
    staff: ['Helpful but my worker changed twice.', 'Good people, just very busy.'],
    outcome: ['Still waiting on the council but at least someone is chasing.', 'Some progress, slow going.'],
    waiting: ['Long wait on Tuesday but worth it.', 'Had to come back the next day.'],
    information: ['Bit confusing which form was which.', 'Would like a text before visits.'],
    place: ['Room was noisy.', 'Hard to find the entrance.'],
    other: ['OK.', 'Fine.'],
  },
  bad: {
    staff: ['Nobody called me back.', 'Felt rushed.'],
    outcome: ['Nothing has changed for me.', 'Still on the street.'],
    waiting: ['Waited two hours and then it closed.', 'Too long to get an appointment.'],
    information: ['Nobody told me the appointment moved.', 'Too much jargon.'],
    place: ['No wheelchair access to the upstairs room.', 'Cold and no privacy.'],
    other: ['Not for me.', 'Disappointed.'],
  },
};

export interface FeedbackInput {
  rng: Rng;
  clientId: string;
  teamId: string;
  caseId: string;
  worker: DemoUser;
  fromMs: number;
  nowMs: number;
}

const KIOSK = DEMO_USERS.find((u) => u.role === 'kiosk');

/** Feedback (0-2) connected with one client, appended to `out`. Kiosk feedback carries no ids. */
export function feedbackFor(input: FeedbackInput, out: Feedback[]): void {
  const { rng } = input;
  const count = rng.weighted(FEEDBACK_COUNTS);
  for (let i = 0; i < count; i++) {
    const source = rng.weighted(SOURCES);
    const rating = rng.weighted(RATINGS);
    const theme = rng.weighted(THEMES);
    const tone = rating >= 4 ? 'good' : rating === 3 ? 'mixed' : 'bad';
    const at = iso(Math.min(input.nowMs, duringWorkingHours(input.fromMs + rng.next() * (input.nowMs - input.fromMs), rng.next())));
    const who =
      source === 'kiosk'
        ? { teamId: input.teamId, label: 'Reception kiosk, Riverside Centre', ...(KIOSK ? { by: KIOSK.id } : {}) }
        : { teamId: input.teamId, caseId: input.caseId, clientId: input.clientId, by: input.worker.id };
    out.push({
      id: rng.hexId(),
      source,
      rating,
      ...(rng.chance(COMMENT_SHARE) ? { comment: rng.pick(COMMENTS[tone][theme]) } : {}),
      theme,
      ...who,
      at,
      writeId: rng.hexId(),
      createdAt: at,
      clientUpdatedAt: at,
    });
  }
}
