/** Rules every stored text shares. */

/** PostgreSQL text cannot hold NUL; refused as invalid input rather than failing in the database. */
// eslint-disable-next-line no-control-regex -- matching NUL is the point
export const NO_NUL = /^[^\u0000]*$/;
