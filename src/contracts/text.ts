/** Rules every stored text shares. */

/** PostgreSQL text cannot hold NUL; refused as invalid input rather than failing in the database. */
export const NO_NUL = /^[^\u0000]*$/;
