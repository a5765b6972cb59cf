/** Governance: meetings, quorum, attendance, motions, elections and agendas of the network's bodies. */
export * from './meeting';
export * from './time';
export * from './quorum';
export * from './attendance';
export * from './votes';
export * from './election';
export * from './agenda';
export * from './term';
export * from './schedule';
