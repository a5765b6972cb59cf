/** The shortest password Accord accepts, for every account and for the first administrator. */
export const PASSWORD_MIN_LENGTH = 12;
/** The longest: argon2 takes any length, but a bound keeps hashing cheap for the server. */
export const PASSWORD_MAX_LENGTH = 200;
