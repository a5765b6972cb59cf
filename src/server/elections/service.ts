/**
 * The elections area's services, by part: elections and their windows (election-service.ts),
 * nominations (nomination-service.ts), ballots and the register (ballot-service.ts), the count
 * and filling the seats (count-service.ts). Eligibility and the shared loaders are in
 * eligibility.ts, the API shapes in present.ts. Routes and the bench import from here.
 */
export { createElection, getElection, listElections, updateElection } from './election-service';
export { attachEndorsement, nominate, readEndorsement, withdraw } from './nomination-service';
export { castBallot, voterRegister } from './ballot-service';
export { electionResult, fillSeats } from './count-service';
