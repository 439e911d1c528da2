/*
 * Unit tests of domain/uscc: published codes, codes built with uscc_compute
 * for every department, category and province, one case per error class
 * with its message and position, and the edge inputs a web form delivers.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "domain/uscc.h"

/*
 * Builds a valid code from the 16 characters department..organisation code
 * body, so tests read as the parts a person would recognise.
 */
static void
make_code(const char *s16, char out[19])
{
	char s17[17];

	assert_int_equal(strlen(s16), 16);
	memcpy(s17, s16, 16);
	s17[16] = orgcode_expected_check(s16 + 8);
	assert_int_not_equal(s17[16], '\0');
	assert_int_equal(uscc_compute(s17, out), 0);
	out[18] = '\0';
}

static enum uscc_err
check_str(const char *s, size_t *pos)
{
	return uscc_check(s, strlen(s), pos);
}

/* Message for s in the given language, after checking its error and pos. */
static const char *
msg(const char *s, size_t len, enum uscc_err want, size_t want_pos,
    int english)
{
	static char out[USCC_EXPLAIN_MAX];
	size_t pos = 12345;
	int n;

	assert_int_equal(uscc_check(s, len, &pos), want);
	assert_int_equal(pos, want_pos);
	n = uscc_explain(want, s, len, pos, english, out, sizeof(out));
	assert_true(n > 0 && (size_t)n < sizeof(out));
	assert_int_equal(strlen(out), (size_t)n);
	return out;
}

static void
test_published_codes(void **state)
{
	static const char *const codes[] = {
		"914403001922038216",	/* 华为技术有限公司 */
		"9144030071526726XG",	/* 腾讯科技（深圳）有限公司 */
		"91110108551385082Q",	/* 小米科技有限责任公司 */
		"91520000214434146R",	/* 贵州茅台酒股份有限公司 */
		"91110000710926094P",	/* 中国石油化工股份有限公司 */
		"12100000400000624D",	/* 清华大学: national region 100000 */
	};
	size_t pos = 99;

	(void)state;
	for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
		assert_int_equal(check_str(codes[i], &pos), USCC_OK);
		assert_int_equal(pos, 0);
		assert_int_equal(uscc_expected_check(codes[i]), codes[i][17]);
		assert_int_equal(orgcode_expected_check(codes[i] + 8),
		    codes[i][16]);
	}
}

static void
test_computed_codes(void **state)
{
	char code[19], again[18];

	(void)state;
	/* 连云港市 enterprise, a new-style MA organisation code */
	make_code("91320700MA1MXK5B", code);
	assert_int_equal(check_str(code, NULL), USCC_OK);
	assert_int_equal(uscc_compute(code, again), 0);
	assert_memory_equal(code, again, 18);
	/* 海淀区 individual business, 浦东新区 farmers' cooperative */
	make_code("9211010873926548", code);
	assert_int_equal(check_str(code, NULL), USCC_OK);
	make_code("93310115MA1H7B2Q", code);
	assert_int_equal(check_str(code, NULL), USCC_OK);
	/* 连云港 social organisation and public institution */
	make_code("51320700509312A8", code);
	assert_int_equal(check_str(code, NULL), USCC_OK);
	make_code("1232070046671234", code);
	assert_int_equal(check_str(code, NULL), USCC_OK);
}

/* The categories GB 32100 lists for each registration department. */
static const struct {
	char dept;
	const char *cats;
} table[] = {
	{'1', "1239"}, {'2', "19"}, {'3', "123459"}, {'4', "19"},
	{'5', "1239"}, {'6', "129"}, {'7', "129"}, {'8', "19"},
	{'9', "123"}, {'A', "19"}, {'N', "1239"}, {'Y', "1"},
};

static void
test_every_department_and_category(void **state)
{
	const char *alpha = USCC_ALPHABET;
	char s16[17] = "XX320700MA1MXK5B", code[19], out[18];
	size_t pos;

	(void)state;
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		for (const char *c = alpha; *c; c++) {
			s16[0] = table[i].dept;
			s16[1] = *c;
			if (strchr(table[i].cats, *c)) {
				make_code(s16, code);
				assert_int_equal(check_str(code, NULL),
				    USCC_OK);
				continue;
			}
			/* Any check character: category fails first. */
			memcpy(code, s16, 16);
			memcpy(code + 16, "00", 3);
			assert_int_equal(check_str(code, &pos),
			    USCC_ORG_CATEGORY);
			assert_int_equal(pos, 1);
			assert_int_equal(uscc_compute(code, out), -1);
		}
	}
	for (const char *c = alpha; *c; c++) {
		int listed = 0;

		for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
			listed |= table[i].dept == *c;
		if (listed)
			continue;
		memcpy(code, "X1320700MA1MXK5B00", 19);
		code[0] = *c;
		assert_int_equal(check_str(code, &pos), USCC_REG_DEPT);
		assert_int_equal(pos, 0);
	}
}

static void
test_every_province(void **state)
{
	static const char *const ok[] = {
		"11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
		"33", "34", "35", "36", "37", "41", "42", "43", "44", "45",
		"46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
		"65", "71", "81", "82",
	};
	char s16[17] = "91XX0100MA1MXK5B", code[19];
	int n_ok = 0;

	(void)state;
	for (int p = 0; p < 100; p++) {
		int listed = 0;

		s16[2] = (char)('0' + p / 10);
		s16[3] = (char)('0' + p % 10);
		for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
			listed |= memcmp(ok[i], s16 + 2, 2) == 0;
		if (listed) {
			make_code(s16, code);
			assert_int_equal(check_str(code, NULL), USCC_OK);
			n_ok++;
		} else {
			char s17[17];
			size_t pos;

			memcpy(s17, s16, 16);
			s17[16] = orgcode_expected_check(s16 + 8);
			assert_int_equal(uscc_compute(s17, code), -1);
			memcpy(code, s16, 16);
			memcpy(code + 16, "00", 3);
			assert_int_equal(check_str(code, &pos), USCC_REGION);
			assert_int_equal(pos, 2);
		}
	}
	assert_int_equal(n_ok, 34);
}

static void
test_expected_check_functions(void **state)
{
	(void)state;
	assert_int_equal(orgcode_expected_check("19220382"), '1');
	assert_int_equal(orgcode_expected_check("71526726"), 'X');
	/* 11 - 0 % 11 = 11, written as 0 */
	assert_int_equal(orgcode_expected_check("00000000"), '0');
	/* GB 11714 counts I, O, S, V, Z although GB 32100 forbids them */
	assert_int_not_equal(orgcode_expected_check("ZZZZZZZZ"), '\0');
	assert_int_equal(orgcode_expected_check("1922038a"), '\0');
	assert_int_equal(orgcode_expected_check("1922-038"), '\0');
	assert_int_equal(uscc_expected_check("91440300192203821"), '6');
	assert_int_equal(uscc_expected_check("9144030071526726X"), 'G');
	assert_int_equal(uscc_expected_check("9144030019220382I"), '\0');
	assert_int_equal(uscc_expected_check("914403001922038\0" "1"), '\0');
	/* 31 - 0 % 31 = 31, written as 0 */
	assert_int_equal(uscc_expected_check("00000000000000000"), '0');
}

static void
test_compute_rejects(void **state)
{
	char out[18];

	(void)state;
	memset(out, '#', sizeof(out));
	assert_int_equal(uscc_compute("91440300192203822", out), -1);
	assert_int_equal(uscc_compute("01440300192203821", out), -1);
	assert_int_equal(uscc_compute("91440300192203821", out), 0);
	assert_memory_equal(out, "914403001922038216", 18);
	memset(out, '#', sizeof(out));
	assert_int_equal(uscc_compute("9144030071526726x", out), -1);
	assert_int_equal(uscc_compute("91A40300192203821", out), -1);
	assert_int_equal(out[0], '#');
}

static void
test_single_substitution_detected(void **state)
{
	const char *alpha = USCC_ALPHABET;
	char code[19];

	(void)state;
	/* MOD 31-3 catches every single substitution in every position. */
	for (int i = 0; i < 18; i++) {
		for (const char *c = alpha; *c; c++) {
			memcpy(code, "914403001922038216", 19);
			if (code[i] == *c)
				continue;
			code[i] = *c;
			assert_int_not_equal(check_str(code, NULL), USCC_OK);
		}
	}
}

static void
test_length(void **state)
{
	(void)state;
	assert_string_equal(msg("", 0, USCC_LENGTH, 0, 0),
	    "统一社会信用代码为空");
	assert_string_equal(msg("", 0, USCC_LENGTH, 0, 1),
	    "The unified social credit code is empty");
	assert_string_equal(msg(NULL, 0, USCC_LENGTH, 0, 0),
	    "统一社会信用代码为空");
	assert_string_equal(msg("91440300192203821", 17, USCC_LENGTH, 17, 0),
	    "统一社会信用代码应为18位，实际为17位");
	assert_string_equal(msg("91440300192203821", 17, USCC_LENGTH, 17, 1),
	    "A unified social credit code has 18 characters; this one has 17");
	assert_string_equal(msg("9144030019220382166", 19, USCC_LENGTH, 18, 0),
	    "统一社会信用代码应为18位，实际为19位");
}

static void
test_charset(void **state)
{
	(void)state;
	/* Lowercase gets a precise hint, the whole code otherwise valid. */
	assert_string_equal(msg("9144030071526726xG", 18, USCC_CHARSET, 16, 0),
	    "第17位“x”是小写字母，应为大写“X”");
	assert_string_equal(msg("9144030071526726Xg", 18, USCC_CHARSET, 17, 1),
	    "Character 18 ('g') is lowercase; use uppercase 'G'");
	/* Letters the code never uses, in either case */
	assert_string_equal(msg("91440300I92203821", 17, USCC_CHARSET, 8, 0),
	    "第9位“I”无效：统一社会信用代码不使用字母I、O、S、V、Z");
	assert_string_equal(msg("914403001922038o16", 18, USCC_CHARSET, 15, 1),
	    "Character 16 ('o') is not allowed: codes never use the letters I, O, S, V or Z");
	/* Charset is checked before length: 17 bytes but a bad char */
	assert_string_equal(msg("9144030019220382-", 17, USCC_CHARSET, 16, 0),
	    "第17位“-”无效，只能使用数字0-9和大写字母");
	assert_string_equal(msg("91440300 192203821", 18, USCC_CHARSET, 8, 0),
	    "第9位是空格，代码中不能有空格");
	assert_string_equal(msg("914403001922038216\n", 19, USCC_CHARSET, 18, 1),
	    "Character 19 is a control character (0x0A); use only digits 0-9 and uppercase letters");
}

static void
test_embedded_nul(void **state)
{
	(void)state;
	assert_string_equal(msg("91440\0" "001922038216", 18, USCC_CHARSET, 5,
	    0), "第6位是控制字符（0x00），只能使用数字0-9和大写字母");
	/* The NUL ends what strlen sees, not what uscc_check checks. */
	assert_int_equal(uscc_check("914403001922038216\0", 19, NULL),
	    USCC_CHARSET);
}

static void
test_non_ascii(void **state)
{
	(void)state;
	/* Full-width digit and letter from a Chinese input method */
	assert_string_equal(msg("914403001922038２16", 20, USCC_CHARSET, 15,
	    0), "第16位“２”是全角字符，应为半角“2”");
	assert_string_equal(msg("9144030071526726Ｘｇ", 22, USCC_CHARSET, 16,
	    1), "Character 17 ('Ｘ') is full-width; use the ASCII 'X'");
	assert_string_equal(msg("91440300　192203821", 20, USCC_CHARSET, 8, 0),
	    "第9位是全角空格，代码中不能有空格");
	assert_string_equal(msg("91中国", 8, USCC_CHARSET, 2, 1),
	    "Character 3 ('中') is not allowed; use only digits 0-9 and uppercase letters");
	assert_string_equal(msg("\xEF\xBB\xBF" "914403001922038216", 21,
	    USCC_CHARSET, 0, 0),
	    "第1位是不可见字符U+FEFF，只能使用数字0-9和大写字母");
	assert_string_equal(msg("9144\xE4\xB8", 6, USCC_CHARSET, 4, 0),
	    "第5位不是有效的UTF-8字符（字节0xE4）");
	/* Overlong encoding of '/' */
	assert_string_equal(msg("9144\xC0\xAF", 6, USCC_CHARSET, 4, 1),
	    "Character 5 is not valid UTF-8 (byte 0xC0)");
}

static void
test_reg_dept(void **state)
{
	(void)state;
	assert_string_equal(msg("014403001922038216", 18, USCC_REG_DEPT, 0, 0),
	    "第1位登记管理部门代码“0”无效，应为1-9、A、N或Y");
	assert_string_equal(msg("B14403001922038216", 18, USCC_REG_DEPT, 0, 1),
	    "Character 1 (registration department) 'B' is invalid; it must be 1-9, A, N or Y");
}

static void
test_org_category(void **state)
{
	(void)state;
	assert_string_equal(msg("944403001922038216", 18, USCC_ORG_CATEGORY, 1,
	    0), "第2位机构类别代码“4”无效：登记管理部门“9”（工商）的机构类别只能是1、2、3");
	assert_string_equal(msg("994403001922038216", 18, USCC_ORG_CATEGORY, 1,
	    1), "Character 2 (organisation category) '9' does not exist for registration department '9' (industry and commerce); it must be one of 1, 2, 3");
	assert_string_equal(msg("Y24403001922038216", 18, USCC_ORG_CATEGORY, 1,
	    0), "第2位机构类别代码“2”无效：登记管理部门“Y”（其他）的机构类别只能是1");
	assert_string_equal(msg("Y24403001922038216", 18, USCC_ORG_CATEGORY, 1,
	    1), "Character 2 (organisation category) '2' does not exist for registration department 'Y' (other); it must be 1");
}

static void
test_region(void **state)
{
	(void)state;
	assert_string_equal(msg("914403A01922038216", 18, USCC_REGION, 6, 0),
	    "第7位“A”无效：第3-8位是行政区划码，只能是数字");
	assert_string_equal(msg("914403A01922038216", 18, USCC_REGION, 6, 1),
	    "Character 7 ('A') is not allowed: characters 3-8 are the region code and must be digits");
	assert_string_equal(msg("919903001922038216", 18, USCC_REGION, 2, 0),
	    "第3-8位行政区划码“990300”不存在：“99”不是省级行政区划代码");
	assert_string_equal(msg("910003001922038216", 18, USCC_REGION, 2, 1),
	    "Region code '000300' (characters 3-8) does not exist: '00' is not a province code");
	assert_string_equal(msg("121001004000006240", 18, USCC_REGION, 2, 0),
	    "第3-8位行政区划码“100100”不存在：以10开头的只有国家级代码100000");
}

static void
test_org_code_check(void **state)
{
	(void)state;
	assert_string_equal(msg("914403001922038236", 18, USCC_ORG_CODE_CHECK,
	    16, 0), "第17位组织机构代码校验码应为“1”，实际为“3”");
	assert_string_equal(msg("9144030071526726YG", 18, USCC_ORG_CODE_CHECK,
	    16, 1), "Character 17 (organisation code check digit) should be 'X', not 'Y'");
}

static void
test_check_char(void **state)
{
	(void)state;
	assert_string_equal(msg("914403001922038217", 18, USCC_CHECK_CHAR, 17,
	    0), "第18位校验码应为“6”，实际为“7”");
	assert_string_equal(msg("9144030071526726X0", 18, USCC_CHECK_CHAR, 17,
	    1), "Character 18 (check character) should be 'G', not '0'");
}

static void
test_explain_fallback(void **state)
{
	char out[USCC_EXPLAIN_MAX];
	int n;

	(void)state;
	/* Arguments that do not match what uscc_check says for s */
	n = uscc_explain(USCC_CHECK_CHAR, "914403001922038216", 18, 17, 0, out,
	    sizeof(out));
	assert_int_equal(n, (int)strlen(out));
	assert_string_equal(out, "第18位校验码错误");
	uscc_explain(USCC_REGION, NULL, 18, 2, 1, out, sizeof(out));
	assert_string_equal(out, "Characters 3-8 (region code) are invalid");
	uscc_explain(USCC_LENGTH, "914403001922038216", 18, 18, 0, out,
	    sizeof(out));
	assert_string_equal(out, "统一社会信用代码应为18位");
	uscc_explain(USCC_CHARSET, "9144x", 5, 3, 1, out, sizeof(out));
	assert_string_equal(out, uscc_strerror(USCC_CHARSET, 1));
	uscc_explain(USCC_OK, "914403001922038216", 18, 0, 0, out,
	    sizeof(out));
	assert_string_equal(out, "统一社会信用代码有效");
	uscc_explain((enum uscc_err)42, NULL, 0, 0, 1, out, sizeof(out));
	assert_string_equal(out, "Invalid unified social credit code");
}

static void
test_explain_truncation(void **state)
{
	const char *full = "第18位校验码应为“6”，实际为“7”";
	const char *code = "914403001922038217";
	char out[USCC_EXPLAIN_MAX];
	int n = (int)strlen(full);

	(void)state;
	assert_int_equal(uscc_explain(USCC_CHECK_CHAR, code, 18, 17, 0, NULL,
	    0), n);
	for (size_t sz = 1; sz <= strlen(full) + 1; sz++) {
		size_t got;

		memset(out, 'Z', sizeof(out));
		assert_int_equal(uscc_explain(USCC_CHECK_CHAR, code, 18, 17,
		    0, out, sz), n);
		got = strlen(out);
		assert_true(got < sz);
		/* A prefix of the message, cut at a character boundary. */
		assert_memory_equal(out, full, got);
		assert_true(got == strlen(full) ||
		    ((unsigned char)full[got] & 0xC0) != 0x80);
		/* At most one 3-byte character short of what fit */
		assert_true(got + 3 >= sz - 1);
	}
}

static void
test_strerror(void **state)
{
	(void)state;
	for (int e = USCC_OK; e <= USCC_CHECK_CHAR; e++) {
		assert_true(strlen(uscc_strerror((enum uscc_err)e, 0)) > 0);
		assert_true(strlen(uscc_strerror((enum uscc_err)e, 1)) > 0);
	}
	assert_string_equal(uscc_strerror(USCC_CHECK_CHAR, 0),
	    "第18位校验码错误");
	assert_string_equal(uscc_strerror((enum uscc_err)-1, 0),
	    "统一社会信用代码无效");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_published_codes),
		cmocka_unit_test(test_computed_codes),
		cmocka_unit_test(test_every_department_and_category),
		cmocka_unit_test(test_every_province),
		cmocka_unit_test(test_expected_check_functions),
		cmocka_unit_test(test_compute_rejects),
		cmocka_unit_test(test_single_substitution_detected),
		cmocka_unit_test(test_length),
		cmocka_unit_test(test_charset),
		cmocka_unit_test(test_embedded_nul),
		cmocka_unit_test(test_non_ascii),
		cmocka_unit_test(test_reg_dept),
		cmocka_unit_test(test_org_category),
		cmocka_unit_test(test_region),
		cmocka_unit_test(test_org_code_check),
		cmocka_unit_test(test_check_char),
		cmocka_unit_test(test_explain_fallback),
		cmocka_unit_test(test_explain_truncation),
		cmocka_unit_test(test_strerror),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
