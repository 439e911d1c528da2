/*
 * Numbers as spreadsheet text, shared by the xlsx reader and writer: the
 * plain decimal form Excel stores in <v>, and the shortest form that reads
 * back to the same double.
 */
#ifndef ZD_IO_NUM_H
#define ZD_IO_NUM_H

#define NUM_BUFSZ 32

/*
 * Writes the shortest text that strtod reads back as v: 3, -0.5, 0.1,
 * 1234.5, 1e+20. Integers below 1e15 print whole ("12", never "12.0");
 * -0 prints "0". v must be finite.
 */
void num_format(double v, char out[NUM_BUFSZ]);

/*
 * Strict decimal: optional sign, digits, dot, exponent — no spaces, hex,
 * "inf" or "nan" — and finite. Returns 0 and sets *v, or -1.
 */
int num_parse(const char *s, double *v);

#endif
