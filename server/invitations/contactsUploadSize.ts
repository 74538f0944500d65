/** About 80,000 rows of a typical contacts file: more than one list takes (maxContactsPerList). */
export const maxContactsBytes = 5 * 1024 * 1024
