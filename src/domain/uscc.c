/*
 * Unified social credit code checks (GB 32100-2015, with the department table
 * as currently published, A and N included) and the messages that explain a
 * failed check.
 */
#include <stdio.h>
#include <string.h>

#include "domain/uscc.h"

/* Registration departments and the organisation categories each may use. */
static const struct dept {
	char code;
	const char *cats;
	const char *zh, *en;
} depts[] = {
	{'1', "1239", "机构编制", "establishment administration"},
	{'2', "19", "外交", "foreign affairs"},
	{'3', "123459", "司法行政", "judicial administration"},
	{'4', "19", "文化", "culture"},
	{'5', "1239", "民政", "civil affairs"},
	{'6', "129", "旅游", "tourism"},
	{'7', "129", "宗教", "religious affairs"},
	{'8', "19", "工会", "trade unions"},
	{'9', "123", "工商", "industry and commerce"},
	{'A', "19", "中央军委改革和编制办公室", "CMC reform and establishment office"},
	{'N', "1239", "农业", "agriculture"},
	{'Y', "1", "其他", "other"},
};

/* GB/T 2260 province-level codes; the region's first two digits. */
static const char provinces[][3] = {
	"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34",
	"35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52",
	"53", "54", "61", "62", "63", "64", "65", "71", "81", "82",
};

static const unsigned char weights18[17] = {
	1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
};
static const unsigned char weights9[8] = {3, 7, 9, 10, 5, 8, 4, 2};

/* Check value of c, or -1; memchr with the exact length so NUL never hits. */
static int
value31(unsigned char c)
{
	static const char alphabet[] = USCC_ALPHABET;
	const char *p = memchr(alphabet, c, sizeof(alphabet) - 1);

	return p ? (int)(p - alphabet) : -1;
}

static const struct dept *
find_dept(char c)
{
	for (size_t i = 0; i < sizeof(depts) / sizeof(depts[0]); i++)
		if (depts[i].code == c)
			return &depts[i];
	return NULL;
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int
is_province(const char *two)
{
	for (size_t i = 0; i < sizeof(provinces) / sizeof(provinces[0]); i++)
		if (two[0] == provinces[i][0] && two[1] == provinces[i][1])
			return 1;
	return 0;
}

/* 0-based index of the first byte outside the alphabet, or n. */
static size_t
first_bad_char(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (value31((unsigned char)s[i]) < 0)
			break;
	return i;
}

/*
 * Checks chars 1-17 of s, already known to be in the alphabet: department,
 * category, region, organisation code check digit.
 */
static enum uscc_err
check_body(const char *s, size_t *pos)
{
	const struct dept *d = find_dept(s[0]);

	if (!d) {
		*pos = 0;
		return USCC_REG_DEPT;
	}
	if (!memchr(d->cats, s[1], strlen(d->cats))) {
		*pos = 1;
		return USCC_ORG_CATEGORY;
	}
	for (size_t i = 2; i < 8; i++) {
		if (!is_digit(s[i])) {
			*pos = i;
			return USCC_REGION;
		}
	}
	/* Central bodies register under the national code, not a province. */
	if (!is_province(s + 2) && memcmp(s + 2, "100000", 6) != 0) {
		*pos = 2;
		return USCC_REGION;
	}
	if (orgcode_expected_check(s + 8) != s[16]) {
		*pos = 16;
		return USCC_ORG_CODE_CHECK;
	}
	return USCC_OK;
}

enum uscc_err
uscc_check(const char *s, size_t len, size_t *bad_pos)
{
	size_t pos = 0, ignored;
	enum uscc_err e;

	if (!bad_pos)
		bad_pos = &ignored;
	*bad_pos = 0;
	/* Charset first: a length message counting UTF-8 bytes would mislead. */
	if ((pos = first_bad_char(s, len)) < len) {
		*bad_pos = pos;
		return USCC_CHARSET;
	}
	if (len != USCC_LEN) {
		*bad_pos = len < USCC_LEN ? len : USCC_LEN;
		return USCC_LENGTH;
	}
	if ((e = check_body(s, &pos)) != USCC_OK) {
		*bad_pos = pos;
		return e;
	}
	if (uscc_expected_check(s) != s[17]) {
		*bad_pos = 17;
		return USCC_CHECK_CHAR;
	}
	return USCC_OK;
}

char
uscc_expected_check(const char *s17)
{
	unsigned sum = 0;
	int v;

	for (size_t i = 0; i < 17; i++) {
		if ((v = value31((unsigned char)s17[i])) < 0)
			return '\0';
		sum += (unsigned)v * weights18[i];
	}
	return USCC_ALPHABET[(31 - sum % 31) % 31];
}

char
orgcode_expected_check(const char *s8)
{
	unsigned sum = 0, v, c;

	for (size_t i = 0; i < 8; i++) {
		/*
		 * GB 11714 values letters by their place in the full Latin
		 * alphabet, unlike GB 32100's 31-character set.
		 */
		if (is_digit(s8[i]))
			v = (unsigned)(s8[i] - '0');
		else if (s8[i] >= 'A' && s8[i] <= 'Z')
			v = (unsigned)(s8[i] - 'A') + 10;
		else
			return '\0';
		sum += v * weights9[i];
	}
	c = 11 - sum % 11;
	return c == 10 ? 'X' : c == 11 ? '0' : (char)('0' + c);
}

int
uscc_compute(const char *s17, char *out18)
{
	size_t pos;
	char check;

	if (first_bad_char(s17, 17) < 17 || check_body(s17, &pos) != USCC_OK)
		return -1;
	check = uscc_expected_check(s17);
	memcpy(out18, s17, 17);
	out18[17] = check;
	return 0;
}

static const struct {
	const char *zh, *en;
} errs[] = {
	[USCC_OK] = {"统一社会信用代码有效", "Valid unified social credit code"},
	[USCC_LENGTH] = {"统一社会信用代码应为18位", "A unified social credit code has 18 characters"},
	[USCC_CHARSET] = {"统一社会信用代码含有无效字符", "The unified social credit code contains a character that is not allowed"},
	[USCC_REG_DEPT] = {"第1位登记管理部门代码无效", "Character 1 (registration department) is invalid"},
	[USCC_ORG_CATEGORY] = {"第2位机构类别代码与登记管理部门不符", "Character 2 (organisation category) does not exist for the registration department"},
	[USCC_REGION] = {"第3-8位行政区划码无效", "Characters 3-8 (region code) are invalid"},
	[USCC_ORG_CODE_CHECK] = {"第17位组织机构代码校验码错误", "Character 17 (organisation code check digit) is wrong"},
	[USCC_CHECK_CHAR] = {"第18位校验码错误", "Character 18 (check character) is wrong"},
};

const char *
uscc_strerror(enum uscc_err e, int english)
{
	if ((unsigned)e >= sizeof(errs) / sizeof(errs[0]))
		return english ? "Invalid unified social credit code" : "统一社会信用代码无效";
	return english ? errs[e].en : errs[e].zh;
}

/*
 * Length of the well-formed UTF-8 sequence at p (at most n bytes), storing
 * its code point; 0 when malformed, overlong, a surrogate or past U+10FFFF.
 */
static size_t
utf8_seq(const unsigned char *p, size_t n, unsigned long *cp)
{
	size_t need;
	unsigned long c, min;

	if (n == 0)
		return 0;
	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	} else if ((p[0] & 0xE0) == 0xC0) {
		need = 2, c = p[0] & 0x1F, min = 0x80;
	} else if ((p[0] & 0xF0) == 0xE0) {
		need = 3, c = p[0] & 0x0F, min = 0x800;
	} else if ((p[0] & 0xF8) == 0xF0) {
		need = 4, c = p[0] & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (n < need)
		return 0;
	for (size_t i = 1; i < need; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		c = c << 6 | (p[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return need;
}

/* Characters a person cannot see in a quoted message. */
static int
invisible(unsigned long cp)
{
	return cp < 0xA0 || cp == 0xAD || (cp >= 0x2000 && cp <= 0x200F) ||
	    (cp >= 0x2028 && cp <= 0x202F) || (cp >= 0x205F && cp <= 0x206F) ||
	    cp == 0xFEFF;
}

static int
explain_charset(const char *s, size_t len, size_t pos, int en, char *out,
    size_t outsz)
{
	const unsigned char *p = (const unsigned char *)s + pos;
	size_t n, at = pos + 1;
	unsigned long cp;
	unsigned char c = p[0], up;

	if (c == ' ')
		return snprintf(out, outsz, en ?
		    "Character %zu is a space; a code contains no spaces" :
		    "第%zu位是空格，代码中不能有空格", at);
	if (c < 0x80) {
		up = c >= 'a' && c <= 'z' ? (unsigned char)(c - 'a' + 'A') : c;
		if (up != c && value31(up) >= 0)
			return snprintf(out, outsz, en ?
			    "Character %zu ('%c') is lowercase; use uppercase '%c'" :
			    "第%zu位“%c”是小写字母，应为大写“%c”", at, c, up);
		if (memchr("IOSVZ", up, 5))
			return snprintf(out, outsz, en ?
			    "Character %zu ('%c') is not allowed: codes never use the letters I, O, S, V or Z" :
			    "第%zu位“%c”无效：统一社会信用代码不使用字母I、O、S、V、Z", at, c);
		if (c < 0x20 || c == 0x7F)
			return snprintf(out, outsz, en ?
			    "Character %zu is a control character (0x%02X); use only digits 0-9 and uppercase letters" :
			    "第%zu位是控制字符（0x%02X），只能使用数字0-9和大写字母", at, c);
		return snprintf(out, outsz, en ?
		    "Character %zu ('%c') is not allowed; use only digits 0-9 and uppercase letters" :
		    "第%zu位“%c”无效，只能使用数字0-9和大写字母", at, c);
	}
	if ((n = utf8_seq(p, len - pos, &cp)) == 0)
		return snprintf(out, outsz, en ?
		    "Character %zu is not valid UTF-8 (byte 0x%02X)" :
		    "第%zu位不是有效的UTF-8字符（字节0x%02X）", at, c);
	if (cp == 0x3000)
		return snprintf(out, outsz, en ?
		    "Character %zu is a full-width space; a code contains no spaces" :
		    "第%zu位是全角空格，代码中不能有空格", at);
	if (invisible(cp))
		return snprintf(out, outsz, en ?
		    "Character %zu is the invisible character U+%04lX; use only digits 0-9 and uppercase letters" :
		    "第%zu位是不可见字符U+%04lX，只能使用数字0-9和大写字母", at, cp);
	/* Chinese input methods often leave full-width digits and letters. */
	if (cp >= 0xFF01 && cp <= 0xFF5E) {
		c = (unsigned char)(cp - 0xFEE0);
		up = c >= 'a' && c <= 'z' ? (unsigned char)(c - 'a' + 'A') : c;
		if (value31(up) >= 0)
			return snprintf(out, outsz, en ?
			    "Character %zu ('%.*s') is full-width; use the ASCII '%c'" :
			    "第%zu位“%.*s”是全角字符，应为半角“%c”", at, (int)n,
			    (const char *)p, up);
	}
	return snprintf(out, outsz, en ?
	    "Character %zu ('%.*s') is not allowed; use only digits 0-9 and uppercase letters" :
	    "第%zu位“%.*s”无效，只能使用数字0-9和大写字母", at, (int)n,
	    (const char *)p);
}

static int
explain_category(const char *s, int en, char *out, size_t outsz)
{
	const struct dept *d = find_dept(s[0]);
	char list[32];	/* 6 categories and 5 three-byte separators at most */
	size_t k = 0;

	if (!d)
		return -1;
	for (const char *c = d->cats; *c; c++) {
		if (c != d->cats) {
			const char *sep = en ? ", " : "、";

			memcpy(list + k, sep, strlen(sep));
			k += strlen(sep);
		}
		list[k++] = *c;
	}
	list[k] = '\0';
	return snprintf(out, outsz, en ?
	    "Character 2 (organisation category) '%c' does not exist for registration department '%c' (%s); it must be %s%s" :
	    "第2位机构类别代码“%c”无效：登记管理部门“%c”（%s）的机构类别只能是%s%s", s[1], s[0],
	    en ? d->en : d->zh, en && d->cats[1] ? "one of " : "", list);
}

static int
explain_region(const char *s, size_t pos, int en, char *out, size_t outsz)
{
	if (pos >= 2 && pos < 8 && !is_digit(s[pos]))
		return snprintf(out, outsz, en ?
		    "Character %zu ('%c') is not allowed: characters 3-8 are the region code and must be digits" :
		    "第%zu位“%c”无效：第3-8位是行政区划码，只能是数字", pos + 1, s[pos]);
	if (s[2] == '1' && s[3] == '0')
		return snprintf(out, outsz, en ?
		    "Region code '%.6s' (characters 3-8) does not exist: the only one starting with 10 is the national 100000" :
		    "第3-8位行政区划码“%.6s”不存在：以10开头的只有国家级代码100000", s + 2);
	return snprintf(out, outsz, en ?
	    "Region code '%.6s' (characters 3-8) does not exist: '%.2s' is not a province code" :
	    "第3-8位行政区划码“%.6s”不存在：“%.2s”不是省级行政区划代码", s + 2, s + 2);
}

/*
 * Builds the message; returns -1 when e, s, len and pos are not what
 * uscc_check reports for s, so the caller falls back to the fixed text.
 */
static int
explain(enum uscc_err e, const char *s, size_t len, size_t pos, int en,
    char *out, size_t outsz)
{
	size_t p;

	/* A length message needs only the length. */
	if (e == USCC_LENGTH && len != USCC_LEN) {
		if (len == 0)
			return snprintf(out, outsz, en ?
			    "The unified social credit code is empty" :
			    "统一社会信用代码为空");
		return snprintf(out, outsz, en ?
		    "A unified social credit code has 18 characters; this one has %zu" :
		    "统一社会信用代码应为18位，实际为%zu位", len);
	}
	if (!s || uscc_check(s, len, &p) != e || p != pos)
		return -1;
	switch (e) {
	case USCC_CHARSET:
		return explain_charset(s, len, pos, en, out, outsz);
	case USCC_REG_DEPT:
		return snprintf(out, outsz, en ?
		    "Character 1 (registration department) '%c' is invalid; it must be 1-9, A, N or Y" :
		    "第1位登记管理部门代码“%c”无效，应为1-9、A、N或Y", s[0]);
	case USCC_ORG_CATEGORY:
		return explain_category(s, en, out, outsz);
	case USCC_REGION:
		return explain_region(s, pos, en, out, outsz);
	case USCC_ORG_CODE_CHECK:
		return snprintf(out, outsz, en ?
		    "Character 17 (organisation code check digit) should be '%c', not '%c'" :
		    "第17位组织机构代码校验码应为“%c”，实际为“%c”",
		    orgcode_expected_check(s + 8), s[16]);
	case USCC_CHECK_CHAR:
		return snprintf(out, outsz, en ?
		    "Character 18 (check character) should be '%c', not '%c'" :
		    "第18位校验码应为“%c”，实际为“%c”", uscc_expected_check(s),
		    s[17]);
	default:
		return -1;
	}
}

int
uscc_explain(enum uscc_err e, const char *s, size_t len, size_t bad_pos,
    int english, char *out, size_t outsz)
{
	int n = explain(e, s, len, bad_pos, english, out, outsz);
	size_t k, i, need;
	unsigned char lead;

	if (n < 0)
		n = snprintf(out, outsz, "%s", uscc_strerror(e, english));
	if (n < 0 || (size_t)n < outsz || outsz == 0)
		return n;
	/* Truncated: a cut UTF-8 sequence would garble the page it lands on. */
	k = outsz - 1;
	for (i = k; i > 0 && k - i < 3 &&
	    ((unsigned char)out[i - 1] & 0xC0) == 0x80; i--)
		;
	if (i > 0 && (lead = (unsigned char)out[i - 1]) >= 0xC0) {
		need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
		if (k - (i - 1) < need)
			out[i - 1] = '\0';
	}
	return n;
}
