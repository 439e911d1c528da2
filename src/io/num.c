/* Shortest round-trip number text and a strict decimal parser. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/num.h"

void
num_format(double v, char out[NUM_BUFSZ])
{
	if (v == 0) {
		snprintf(out, NUM_BUFSZ, "0");
		return;
	}
	/* (long long)v is exact below 1e15; no libm needed for floor. */
	if (v > -1e15 && v < 1e15 && v == (double)(long long)v) {
		snprintf(out, NUM_BUFSZ, "%.0f", v);
		return;
	}
	/* Any decimal of up to 15 digits survives a trip through a double, so
	 * %.15g finds it when it exists; 17 digits always round-trip. */
	for (int prec = 15; prec <= 17; prec++) {
		snprintf(out, NUM_BUFSZ, "%.*g", prec, v);
		if (strtod(out, NULL) == v)
			return;
	}
}

int
num_parse(const char *s, double *v)
{
	char *end;
	double d;

	if (s == NULL || s[0] == '\0' ||
	    strspn(s, "0123456789+-.eE") != strlen(s))
		return -1;
	d = strtod(s, &end);
	if (*end != '\0' || !isfinite(d))
		return -1;
	*v = d;
	return 0;
}
