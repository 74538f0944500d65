/** An indicator's number as it appears in an address: "2.1" is "2-1". */
export const indicatorHandle = (number: string): string => number.replaceAll('.', '-')
