/**
 * The governance area's services, by part: bodies, terms and seats (bodies-service.ts);
 * meetings and their states (meetings-service.ts); reading them (meeting-view.ts); the agenda
 * (agenda-service.ts); invitations and replies (invitations-service.ts); the attendance
 * register (register-service.ts); motions and decisions (motions-service.ts); minutes
 * (minutes-service.ts); calendar feeds (calendar-service.ts). Routes, the demo, the bench and
 * tests import them from here.
 */
export {
  addSeat,
  createBody,
  createTerm,
  getBody,
  getTerm,
  listBodies,
  removeSeat,
  seatHistory,
  updateBody,
  updateSeat,
} from './bodies-service';
export { createMeeting, setMeetingStatus, updateMeeting } from './meetings-service';
export { getMeeting, listMeetings } from './meeting-view';
export { putAgenda } from './agenda-service';
export { invite, reply } from './invitations-service';
export { addAttendance, patchAttendance, removeAttendance } from './register-service';
export { addMotion, decide, withdrawMotion } from './motions-service';
export { putMinutes } from './minutes-service';
export {
  calendarFeedStatus,
  createCalendarFeed,
  personalCalendar,
  revokeCalendarFeed,
} from './personal-calendar-service';
export {
  bodyCalendar,
  calendarAttendees,
  meetingCalendar,
  type MailConfig,
} from './calendar-service';
