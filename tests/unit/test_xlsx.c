/*
 * Unit tests of io/xlsx_write and io/xlsx_read (and io/sheet's choice
 * between readers): what the writer produces reads back cell for cell, with
 * the header, freeze and filter in the sheet XML; hand-made packages built
 * here with libzip cover what other writers do (prefixes, shared and rich
 * strings, styles, sparse and unreferenced cells, the 1904 system), and
 * broken or hostile packages are refused with a message.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include "io/sheet.h"
#include "io/table.h"
#include "io/xlsx_read.h"
#include "io/xlsx_write.h"

#define MAIN_NS "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define REL_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define PKG_NS "http://schemas.openxmlformats.org/package/2006/relationships"
#define XML_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

static char err[512];

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *p;
	long n;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	p = malloc((size_t)n + 1);
	assert_non_null(p);
	assert_int_equal(fread(p, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*len = (size_t)n;
	return p;
}

/* A fresh temporary path (the file exists, empty). */
static char *
temp_path(void)
{
	char *path = strdup("/tmp/zd-test-xlsx-XXXXXX");
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	close(fd);
	return path;
}

/*
 * A zip from {name, content} pairs ending in NULL; content may be given
 * with an explicit length through big (for one large entry).
 */
static char *
make_zip(const char *const *files, const char *big_name, const char *big,
    size_t big_len, size_t *len)
{
	char *path = temp_path(), *data;
	int zerr;
	zip_t *za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);

	assert_non_null(za);
	for (size_t i = 0; files[i] != NULL; i += 2) {
		zip_source_t *src = zip_source_buffer(za, files[i + 1],
		    strlen(files[i + 1]), 0);

		assert_true(zip_file_add(za, files[i], src, ZIP_FL_ENC_UTF_8) >= 0);
	}
	if (big_name != NULL)
		assert_true(zip_file_add(za, big_name, zip_source_buffer(za, big,
		    big_len, 0), 0) >= 0);
	assert_int_equal(zip_close(za), 0);
	data = slurp(path, len);
	unlink(path);
	free(path);
	return data;
}

/* The text of one entry of an in-memory zip (malloc'd). */
static char *
zip_entry(const char *data, size_t len, const char *name)
{
	zip_error_t ze;
	zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
	zip_t *za = zip_open_from_source(src, ZIP_RDONLY, &ze);
	zip_stat_t st;
	zip_file_t *zf;
	char *p;

	assert_non_null(za);
	assert_int_equal(zip_stat(za, name, 0, &st), 0);
	p = malloc(st.size + 1);
	zf = zip_fopen(za, name, 0);
	assert_non_null(zf);
	assert_int_equal(zip_fread(zf, p, st.size), (zip_int64_t)st.size);
	p[st.size] = '\0';
	zip_fclose(zf);
	zip_discard(za);
	return p;
}

/* The usual package around one worksheet (and optional parts). */
static char *
package(const char *workbook, const char *sheet, const char *sst,
    const char *styles, size_t *len)
{
	const char *files[] = {
		"[Content_Types].xml", XML_DECL "<Types/>",
		"_rels/.rels", XML_DECL "<Relationships xmlns=\"" PKG_NS "\">"
		    "<Relationship Id=\"rId1\" Type=\"" REL_NS "/officeDocument\" "
		    "Target=\"xl/workbook.xml\"/></Relationships>",
		"xl/_rels/workbook.xml.rels", XML_DECL "<Relationships xmlns=\""
		    PKG_NS "\"><Relationship Id=\"rId1\" Type=\"" REL_NS
		    "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
		    "<Relationship Id=\"rId2\" Type=\"" REL_NS "/sharedStrings\" "
		    "Target=\"sharedStrings.xml\"/><Relationship Id=\"rId3\" "
		    "Type=\"" REL_NS "/styles\" Target=\"styles.xml\"/>"
		    "</Relationships>",
		"xl/workbook.xml", workbook != NULL ? workbook : XML_DECL
		    "<workbook xmlns=\"" MAIN_NS "\" xmlns:r=\"" REL_NS "\"><sheets>"
		    "<sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
		    "</workbook>",
		"xl/worksheets/sheet1.xml", sheet,
		sst != NULL ? "xl/sharedStrings.xml" : NULL, sst,
		styles != NULL ? "xl/styles.xml" : NULL, styles,
		NULL,
	};

	if (sst == NULL) {
		files[10] = files[12];
		files[11] = files[13];
		files[12] = NULL;
	}
	return make_zip(files, NULL, NULL, 0, len);
}

static char *
simple_sheet(const char *cells, size_t *len)
{
	char *sheet, *data;

	assert_true(asprintf(&sheet, XML_DECL "<worksheet xmlns=\"" MAIN_NS
	    "\"><sheetData>%s</sheetData></worksheet>", cells) > 0);
	data = package(NULL, sheet, NULL, NULL, len);
	free(sheet);
	return data;
}

static enum app_err
read_cells(const char *cells, struct table *t)
{
	size_t len;
	char *data = simple_sheet(cells, &len);
	enum app_err rc = xlsx_read(data, len, t, err, sizeof(err));

	free(data);
	return rc;
}

/* ---- writer → reader ---- */

static const struct xcol company_cols[] = {
	{"name", "企业名称", X_TEXT, 30},
	{"capital", "注册资本(万元)", X_MONEY, 0},
	{"founded", "成立日期", X_DATE, 0},
	{"staff", "员工人数", X_INT, 0},
	{"occupancy", "入驻率", X_PERCENT, 0},
	{"score", "评分", X_NUMBER, 0},
};

static json_t *
company_rows(void)
{
	json_t *rows = json_loads("["
	    "{\"name\":\"深圳市腾讯计算机系统有限公司\",\"capital\":1234.5,"
	    "\"founded\":\"2024-03-01\",\"staff\":120,\"occupancy\":85.4,"
	    "\"score\":0.1},"
	    "{\"name\":\"华为 \\\"技术\\\" <有限> & 公司\\n第二行\","
	    "\"capital\":\"2000.25\",\"founded\":\"2024-02-29 10:30:00\","
	    "\"staff\":null,\"occupancy\":0,\"score\":-1.5},"
	    "{\"name\":12345,\"capital\":\"待定\",\"founded\":\"不详\","
	    "\"staff\":\"7\",\"occupancy\":100,\"score\":true,\"extra\":1}"
	    "]", 0, NULL);

	assert_non_null(rows);
	return rows;
}

static void
assert_company_table(const struct table *t, size_t hdr)
{
	assert_int_equal(t->nrows, hdr + 4);
	assert_int_equal(t->ncols, 6);
	assert_string_equal(table_cell(t, hdr, 0), "企业名称");
	assert_string_equal(table_cell(t, hdr, 1), "注册资本(万元)");
	assert_string_equal(table_cell(t, hdr, 5), "评分");
	assert_string_equal(table_cell(t, hdr + 1, 0), "深圳市腾讯计算机系统有限公司");
	assert_string_equal(table_cell(t, hdr + 1, 1), "1234.5");
	assert_string_equal(table_cell(t, hdr + 1, 2), "2024-03-01");
	assert_string_equal(table_cell(t, hdr + 1, 3), "120");
	assert_string_equal(table_cell(t, hdr + 1, 4), "85.4");
	assert_string_equal(table_cell(t, hdr + 1, 5), "0.1");
	assert_string_equal(table_cell(t, hdr + 2, 0),
	    "华为 \"技术\" <有限> & 公司\n第二行");
	assert_string_equal(table_cell(t, hdr + 2, 1), "2000.25");
	assert_string_equal(table_cell(t, hdr + 2, 2), "2024-02-29");
	assert_string_equal(table_cell(t, hdr + 2, 3), "");
	assert_string_equal(table_cell(t, hdr + 2, 4), "0");
	assert_string_equal(table_cell(t, hdr + 2, 5), "-1.5");
	/* Numbers in text columns become text; unreadable strings stay. */
	assert_string_equal(table_cell(t, hdr + 3, 0), "12345");
	assert_string_equal(table_cell(t, hdr + 3, 1), "待定");
	assert_string_equal(table_cell(t, hdr + 3, 2), "不详");
	assert_string_equal(table_cell(t, hdr + 3, 3), "7");
	assert_string_equal(table_cell(t, hdr + 3, 4), "100");
	assert_string_equal(table_cell(t, hdr + 3, 5), "TRUE");
}

static void
test_roundtrip(void **state)
{
	json_t *rows = company_rows();
	char long_name[128];
	struct xsheet sheets[] = {
		{"企业/名录", "园区企业名录（2024年）", company_cols, 6, rows},
		{"企业/名录", NULL, company_cols, 6, rows},
		{NULL, "", company_cols, 2, NULL},
		{long_name, NULL, company_cols, 1, rows},
	};
	char *path = temp_path(), *data, *xml;
	size_t len;
	struct table t;

	(void)state;
	memset(long_name, 0, sizeof(long_name));
	for (int i = 0; i < 20; i++)
		strcat(long_name, "表");
	strcat(long_name, "abcdefghijklmnopqrstuvwxyz");
	assert_int_equal(xlsx_write_sheets(path, sheets, 4, err, sizeof(err)),
	    APP_OK);
	data = slurp(path, &len);
	assert_memory_equal(data, "PK\x03\x04", 4);

	/* The first sheet reads back with its title row above the header. */
	assert_int_equal(xlsx_read(data, len, &t, err, sizeof(err)), APP_OK);
	assert_string_equal(table_cell(&t, 0, 0), "园区企业名录（2024年）");
	assert_string_equal(table_cell(&t, 0, 1), "");
	assert_company_table(&t, 1);
	table_free(&t);

	/* Title merged, header frozen below it, filter over header and data. */
	xml = zip_entry(data, len, "xl/worksheets/sheet1.xml");
	assert_non_null(strstr(xml, "<mergeCell ref=\"A1:F1\"/>"));
	assert_non_null(strstr(xml, "ySplit=\"2\" topLeftCell=\"A3\""));
	assert_non_null(strstr(xml, "state=\"frozen\""));
	assert_non_null(strstr(xml, "<autoFilter ref=\"A2:F5\"/>"));
	assert_non_null(strstr(xml, "<col min=\"1\" max=\"1\" width=\"30."));
	free(xml);
	xml = zip_entry(data, len, "xl/worksheets/sheet2.xml");
	assert_non_null(strstr(xml, "ySplit=\"1\" topLeftCell=\"A2\""));
	assert_non_null(strstr(xml, "<autoFilter ref=\"A1:F4\"/>"));
	assert_null(strstr(xml, "mergeCell"));
	free(xml);
	xml = zip_entry(data, len, "xl/styles.xml");
	assert_non_null(strstr(xml, "formatCode=\"#,##0.00\""));
	assert_non_null(strstr(xml, "formatCode=\"0.0&quot;%&quot;\""));
	assert_non_null(strstr(xml, "formatCode=\"yyyy-mm-dd\""));
	assert_non_null(strstr(xml, "<b/>"));
	assert_non_null(strstr(xml, "patternType=\"solid\""));
	free(xml);
	/* Tab names: forbidden characters replaced, repeats numbered, empty
	 * named by position, long ones cut to 31 characters. */
	xml = zip_entry(data, len, "xl/workbook.xml");
	assert_non_null(strstr(xml, "name=\"企业_名录\""));
	assert_non_null(strstr(xml, "name=\"企业_名录 (2)\""));
	assert_non_null(strstr(xml, "name=\"Sheet3\""));
	assert_non_null(strstr(xml, "name=\"表表表表表表表表表表表表表表表表表表表表"
	    "abcdefghijk\""));
	free(xml);
	free(data);
	unlink(path);
	free(path);
	json_decref(rows);
}

static void
test_write_buffer(void **state)
{
	json_t *rows = company_rows();
	struct xsheet sheet = {"企业", NULL, company_cols, 6, rows};
	char dir[] = "/tmp/zd-test-tmpdir-XXXXXX", *data = NULL;
	const char *old = getenv("TMPDIR");
	char *saved = old != NULL ? strdup(old) : NULL;
	size_t len = 0, entries = 0;
	struct table t;
	DIR *d;
	struct dirent *e;

	(void)state;
	assert_non_null(mkdtemp(dir));
	setenv("TMPDIR", dir, 1);
	assert_int_equal(xlsx_write_buffer(&sheet, 1, &data, &len, err,
	    sizeof(err)), APP_OK);
	assert_true(len > 1000);
	assert_int_equal(sheet_read(data, len, NULL, NULL, &t, err,
	    sizeof(err)), APP_OK);
	assert_company_table(&t, 0);
	table_free(&t);
	free(data);

	/* Errors leave nothing: no buffer, no file. */
	sheet.rows = json_object();
	assert_int_equal(xlsx_write_buffer(&sheet, 1, &data, &len, err,
	    sizeof(err)), APP_ERR_INTERNAL);
	assert_null(data);
	assert_int_equal(len, 0);
	assert_non_null(strstr(err, "not an array"));
	json_decref(sheet.rows);

	/* The temporary files are gone. */
	d = opendir(dir);
	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			entries++;
	closedir(d);
	assert_int_equal(entries, 0);
	rmdir(dir);
	if (saved != NULL)
		setenv("TMPDIR", saved, 1);
	else
		unsetenv("TMPDIR");
	free(saved);
	json_decref(rows);
}

static void
test_write_errors(void **state)
{
	struct xsheet sheet = {"x", NULL, company_cols, 6, NULL};

	(void)state;
	assert_int_equal(xlsx_write_sheets("/nonexistent-dir/x.xlsx", &sheet, 1,
	    err, sizeof(err)), APP_ERR_IO);
	assert_non_null(strstr(err, "/nonexistent-dir/x.xlsx"));
	/* No sheets still makes a workbook Excel can open. */
	{
		char *path = temp_path(), *data;
		size_t len;
		struct table t;

		assert_int_equal(xlsx_write_sheets(path, NULL, 0, err,
		    sizeof(err)), APP_OK);
		data = slurp(path, &len);
		assert_int_equal(xlsx_read(data, len, &t, err, sizeof(err)),
		    APP_OK);
		assert_int_equal(t.nrows, 0);
		table_free(&t);
		free(data);
		unlink(path);
		free(path);
	}
}

/* ---- hand-made packages ---- */

static const char handmade_rels[] = XML_DECL "<Relationships xmlns=\""
    PKG_NS "\"><Relationship Id=\"rId1\" Type=\"" REL_NS "/worksheet\" "
    "Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId7\" Type=\""
    REL_NS "/worksheet\" Target=\"/xl/worksheets/../worksheets/data.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"" REL_NS "/styles\" "
    "Target=\"./styles.xml\"/><Relationship Id=\"rId4\" Type=\"" REL_NS
    "/sharedStrings\" Target=\"strings.xml\"/><Relationship Id=\"rId9\" "
    "Type=\"" REL_NS "/hyperlink\" Target=\"http://example.com/\" "
    "TargetMode=\"External\"/></Relationships>";

/* Prefixed elements, as some writers do; the second sheet in the files is
 * the first tab. */
static const char handmade_workbook[] = XML_DECL "<x:workbook xmlns:x=\""
    MAIN_NS "\" xmlns:r=\"" REL_NS "\"><x:workbookPr/><x:sheets><x:sheet "
    "name=\"数据\" sheetId=\"2\" r:id=\"rId7\"/><x:sheet name=\"other\" "
    "sheetId=\"1\" r:id=\"rId1\"/></x:sheets></x:workbook>";

/* cellXfs: 0 General, 1 id 14, 2 custom y/m/d, 3 red number, 4 h:mm,
 * 5 [h]:mm:ss, 6 zh-CN built-in 31, 7 custom 年月日; the xf in
 * cellStyleXfs must not shift them. */
static const char handmade_styles[] = XML_DECL "<styleSheet xmlns=\""
    MAIN_NS "\"><numFmts count=\"4\"><numFmt numFmtId=\"164\" "
    "formatCode=\"yyyy/m/d;@\"/><numFmt numFmtId=\"165\" formatCode=\""
    "[Red]0.00_);\\(0.00\\)\"/><numFmt numFmtId=\"166\" formatCode=\""
    "[h]:mm:ss\"/><numFmt numFmtId=\"167\" formatCode=\"yyyy&quot;年&quot;"
    "m&quot;月&quot;d&quot;日&quot;\"/></numFmts><cellStyleXfs count=\"1\">"
    "<xf numFmtId=\"14\"/></cellStyleXfs><cellXfs count=\"8\"><xf "
    "numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/><xf "
    "numFmtId=\"165\"/><xf numFmtId=\"20\"/><xf numFmtId=\"166\"/><xf "
    "numFmtId=\"31\"/><xf numFmtId=\"167\"/></cellXfs></styleSheet>";

/* Plain, rich (with furigana to skip) and escaped strings. */
static const char handmade_sst[] = XML_DECL "<sst xmlns=\"" MAIN_NS
    "\" count=\"3\" uniqueCount=\"3\"><si><t>企业名称</t></si><si><r><rPr>"
    "<b/></rPr><t>注册</t></r><r><t xml:space=\"preserve\">资本 </t></r>"
    "<rPh sb=\"0\" eb=\"1\"><t>ちゅう</t></rPh></si><si><t>line1_x000D_\n"
    "line2 _x005F_x0041_ _xD83D__xDE00_</t></si></sst>";

static const char handmade_data[] = XML_DECL "<worksheet xmlns=\"" MAIN_NS
    "\"><dimension ref=\"A1:E6\"/><sheetData>"
    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1"
    "</v></c><c r=\"D1\" t=\"inlineStr\"><is><t>日期</t></is></c><c r=\"E1\" "
    "t=\"inlineStr\"><is><r><t>富</t></r><r><t>文本</t></r></is></c></row>"
    "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>  华为  </t></is></c>"
    "<c r=\"B2\" s=\"3\"><v>1234.5</v></c><c r=\"D2\" s=\"1\"><v>45352</v>"
    "</c><c r=\"E2\" s=\"2\"><v>45352.75</v></c></row>"
    "<row r=\"3\"><c r=\"A3\" t=\"b\"><v>1</v></c><c r=\"B3\" t=\"e\"><v>"
    "#N/A</v></c><c r=\"C3\" t=\"str\"><f>A1</f><v>公式</v></c><c r=\"D3\" "
    "s=\"6\"><v>60</v></c><c r=\"E3\" s=\"7\"><v>61</v></c></row>"
    "<row r=\"5\"><c t=\"s\"><v>2</v></c><c><v>1E+20</v></c><c s=\"4\"><v>"
    "0.5</v></c><c s=\"5\"><v>1.25</v></c><c s=\"1\"><v>1</v></c></row>"
    "<row><c r=\"B6\"><v>0.30000000000000004</v></c><c r=\"A6\"><v>-3</v>"
    "</c><c r=\"C6\" s=\"1\"><v>59</v></c><c r=\"D6\" s=\"1\"/><c r=\"E6\" "
    "t=\"s\"><v></v></c></row></sheetData><mergeCells count=\"1\">"
    "<mergeCell ref=\"A1:B1\"/></mergeCells></worksheet>";

static void
test_handmade(void **state)
{
	const char *files[] = {
		"_rels/.rels", XML_DECL "<Relationships xmlns=\"" PKG_NS "\">"
		    "<Relationship Id=\"rId1\" Type=\"" REL_NS "/officeDocument\" "
		    "Target=\"/xl/workbook.xml\"/></Relationships>",
		"xl/workbook.xml", handmade_workbook,
		"xl/_rels/workbook.xml.rels", handmade_rels,
		"xl/worksheets/sheet1.xml", XML_DECL "<worksheet xmlns=\"" MAIN_NS
		    "\"><sheetData><row><c t=\"inlineStr\"><is><t>WRONG</t></is>"
		    "</c></row></sheetData></worksheet>",
		"xl/worksheets/data.xml", handmade_data,
		"xl/styles.xml", handmade_styles,
		"xl/strings.xml", handmade_sst,
		NULL,
	};
	static const char *const want[6][5] = {
		{"企业名称", "注册资本 ", "", "日期", "富文本"},
		{"  华为  ", "1234.5", "", "2024-03-01", "2024-03-01"},
		{"TRUE", "#N/A", "公式", "1900-02-29", "1900-03-01"},
		{"", "", "", "", ""},
		{"line1\r\nline2 _x0041_ 😀", "1e+20", "0.5", "1.25", "1900-01-01"},
		{"-3", "0.30000000000000004", "1900-02-28", "", ""},
	};
	size_t len;
	char *data = make_zip(files, NULL, NULL, 0, &len);
	struct table t;

	(void)state;
	assert_int_equal(xlsx_read(data, len, &t, err, sizeof(err)), APP_OK);
	assert_string_equal(err, "");
	assert_int_equal(t.nrows, 6);
	assert_int_equal(t.ncols, 5);
	for (size_t r = 0; r < 6; r++)
		for (size_t c = 0; c < 5; c++)
			assert_string_equal(table_cell(&t, r, c), want[r][c]);
	table_free(&t);
	free(data);
}

static void
test_date1904(void **state)
{
	const char *wb = XML_DECL "<workbook xmlns=\"" MAIN_NS "\" xmlns:r=\""
	    REL_NS "\"><workbookPr date1904=\"1\"/><sheets><sheet name=\"S\" "
	    "sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
	const char *styles = XML_DECL "<styleSheet xmlns=\"" MAIN_NS "\">"
	    "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/>"
	    "</cellXfs></styleSheet>";
	const char *sheet = XML_DECL "<worksheet xmlns=\"" MAIN_NS "\">"
	    "<sheetData><row r=\"1\"><c r=\"A1\" s=\"1\"><v>0</v></c><c r=\"B1\" "
	    "s=\"1\"><v>43890</v></c><c r=\"C1\" s=\"1\"><v>-1</v></c></row>"
	    "</sheetData></worksheet>";
	size_t len;
	char *data = package(wb, sheet, NULL, styles, &len);
	struct table t;

	(void)state;
	assert_int_equal(xlsx_read(data, len, &t, err, sizeof(err)), APP_OK);
	assert_string_equal(table_cell(&t, 0, 0), "1904-01-01");
	assert_string_equal(table_cell(&t, 0, 1), "2024-03-01");
	/* Before the epoch Excel shows ####: we keep the number. */
	assert_string_equal(table_cell(&t, 0, 2), "-1");
	table_free(&t);
	free(data);
}

static void
test_malformed(void **state)
{
	json_t *rows = company_rows();
	struct xsheet sheet = {"x", NULL, company_cols, 6, rows};
	char *data, *half;
	size_t len;
	struct table t;

	(void)state;
	assert_int_equal(xlsx_read("not a zip file at all", 21, &t, err,
	    sizeof(err)), APP_ERR_VALIDATION);
	assert_non_null(strstr(err, "not an xlsx file"));
	assert_int_equal(t.nrows, 0);
	assert_int_equal(xlsx_read(NULL, 0, &t, err, sizeof(err)),
	    APP_ERR_VALIDATION);

	/* A real file cut in half. */
	assert_int_equal(xlsx_write_buffer(&sheet, 1, &data, &len, err,
	    sizeof(err)), APP_OK);
	half = malloc(len / 2);
	memcpy(half, data, len / 2);
	assert_int_equal(xlsx_read(half, len / 2, &t, NULL, 0),
	    APP_ERR_VALIDATION);
	free(half);
	/* A flipped byte in the worksheet's compressed data (just after its
	 * local header): inflate or CRC error. */
	{
		const char *name = "xl/worksheets/sheet1.xml";
		char *at = memmem(data, len, name, strlen(name));

		assert_non_null(at);
		at[strlen(name) + 8] ^= 0x55;
		assert_int_equal(xlsx_read(data, len, &t, err, sizeof(err)),
		    APP_ERR_VALIDATION);
		assert_non_null(strstr(err, "corrupt"));
		assert_int_equal(t.nrows, 0);
	}
	free(data);
	json_decref(rows);

	/* A zip that is no workbook. */
	{
		const char *files[] = {"hello.txt", "hi", NULL};

		data = make_zip(files, NULL, NULL, 0, &len);
		assert_int_equal(xlsx_read(data, len, &t, err, sizeof(err)),
		    APP_ERR_VALIDATION);
		assert_non_null(strstr(err, "xl/workbook.xml"));
		free(data);
	}

	/* Bad XML names the part and the line. */
	assert_int_equal(read_cells("<row><c><v>1</v></row>", &t),
	    APP_ERR_VALIDATION);
	assert_non_null(strstr(err, "xl/worksheets/sheet1.xml"));
	assert_non_null(strstr(err, "malformed XML"));
	assert_int_equal(read_cells("<row><c t=\"s\"><v>0</v></c></row>", &t),
	    APP_ERR_VALIDATION);
	assert_non_null(strstr(err, "shared string"));
	assert_int_equal(read_cells("<row><c r=\"A0\"><v>1</v></c></row>", &t),
	    APP_ERR_VALIDATION);
	assert_non_null(strstr(err, "A0"));
	assert_int_equal(read_cells("<row><c r=\"XFE1\"><v>1</v></c></row>", &t),
	    APP_ERR_VALIDATION);
	assert_int_equal(read_cells("<row r=\"x\"><c><v>1</v></c></row>", &t),
	    APP_ERR_VALIDATION);
	assert_int_equal(read_cells("<row><c><v>0x10</v></c></row>", &t),
	    APP_ERR_VALIDATION);
	assert_non_null(strstr(err, "not a number"));
	assert_int_equal(read_cells("<row><c><v>inf</v></c></row>", &t),
	    APP_ERR_VALIDATION);

	/* A DTD (billion laughs and friends) is refused outright. */
	data = package(NULL, XML_DECL "<!DOCTYPE w [<!ENTITY a \"aaaa\">"
	    "<!ENTITY b \"&a;&a;&a;&a;\">]><worksheet><sheetData><row><c "
	    "t=\"inlineStr\"><is><t>&b;</t></is></c></row></sheetData>"
	    "</worksheet>", NULL, NULL, &len);
	assert_int_equal(xlsx_read(data, len, &t, err, sizeof(err)),
	    APP_ERR_VALIDATION);
	assert_non_null(strstr(err, "DTD"));
	free(data);
}

static void
test_zip_bomb(void **state)
{
	const char *files[] = {
		"_rels/.rels", XML_DECL "<Relationships xmlns=\"" PKG_NS "\"/>",
		"xl/workbook.xml", XML_DECL "<workbook xmlns=\"" MAIN_NS "\" "
		    "xmlns:r=\"" REL_NS "\"><sheets><sheet name=\"S\" sheetId=\"1\" "
		    "r:id=\"rId1\"/></sheets></workbook>",
		"xl/_rels/workbook.xml.rels", XML_DECL "<Relationships xmlns=\""
		    PKG_NS "\"><Relationship Id=\"rId1\" Type=\"" REL_NS
		    "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
		    "</Relationships>",
		NULL,
	};
	size_t n = XLSX_MAX_UNCOMPRESSED + 1, len;
	char *big = malloc(n), *data;
	struct table t;

	(void)state;
	/* 100 MiB of white space inside a worksheet deflates to ~100 KB. */
	memset(big, ' ', n);
	memcpy(big, "<worksheet>", 11);
	data = make_zip(files, "xl/worksheets/sheet1.xml", big, n, &len);
	free(big);
	assert_true(len < 1024 * 1024);
	assert_int_equal(xlsx_read(data, len, &t, err, sizeof(err)),
	    APP_ERR_VALIDATION);
	assert_non_null(strstr(err, "zip bomb"));
	free(data);
}

static void
test_too_many_entries(void **state)
{
	const char **files = calloc(2 * (XLSX_MAX_ENTRIES + 1) + 1,
	    sizeof(*files));
	char (*names)[16] = calloc(XLSX_MAX_ENTRIES + 1, sizeof(*names));
	size_t len;
	char *data;
	struct table t;

	(void)state;
	for (size_t i = 0; i <= XLSX_MAX_ENTRIES; i++) {
		snprintf(names[i], sizeof(names[i]), "f%zu", i);
		files[2 * i] = names[i];
		files[2 * i + 1] = "";
	}
	data = make_zip(files, NULL, NULL, 0, &len);
	assert_int_equal(xlsx_read(data, len, &t, err, sizeof(err)),
	    APP_ERR_VALIDATION);
	assert_non_null(strstr(err, "zip entries"));
	free(data);
	free(files);
	free(names);
}

static void
test_limits(void **state)
{
	struct table t;

	(void)state;
	/* Column 200 (GR) and row 200000 hold text; one further does not. */
	assert_int_equal(read_cells("<row r=\"200000\"><c r=\"GR200000\"><v>1"
	    "</v></c></row>", &t), APP_ERR_TOO_LARGE);
	assert_non_null(strstr(err, "cells"));	/* 40M-cell grid */
	assert_int_equal(read_cells("<row><c r=\"GR1\"><v>1</v></c><c r=\"A40000\">"
	    "<v>2</v></c></row>", &t), APP_OK);
	assert_int_equal(t.ncols, TABLE_MAX_COLS);
	assert_int_equal(t.nrows, 40000);
	assert_string_equal(table_cell(&t, 39999, 0), "2");
	table_free(&t);
	assert_int_equal(read_cells("<row><c r=\"GS1\"><v>1</v></c></row>", &t),
	    APP_ERR_TOO_LARGE);
	assert_non_null(strstr(err, "GS1"));
	assert_int_equal(read_cells("<row><c r=\"A200001\"><v>1</v></c></row>",
	    &t), APP_ERR_TOO_LARGE);
	/* Empty or blank cells far out cost nothing. */
	assert_int_equal(read_cells("<row><c r=\"A1\"><v>1</v></c><c r=\"XFD1\" "
	    "s=\"0\"/><c r=\"A1048576\" t=\"inlineStr\"><is><t></t></is></c>"
	    "</row>", &t), APP_OK);
	assert_int_equal(t.nrows, 1);
	assert_int_equal(t.ncols, 1);
	table_free(&t);
}

static void
test_sheet_read(void **state)
{
	json_t *rows = company_rows();
	struct xsheet sheet = {"x", NULL, company_cols, 6, rows};
	char *data;
	size_t len;
	struct table t;

	(void)state;
	assert_int_equal(xlsx_write_buffer(&sheet, 1, &data, &len, err,
	    sizeof(err)), APP_OK);
	/* The zip signature wins over a misleading name. */
	assert_int_equal(sheet_read(data, len, "upload.csv", NULL, &t, err,
	    sizeof(err)), APP_OK);
	assert_company_table(&t, 0);
	table_free(&t);
	free(data);
	json_decref(rows);
	/* The name picks xlsx for data without the signature. */
	assert_int_equal(sheet_read("a,b\n", 4, "企业.XLSX", NULL, &t, err,
	    sizeof(err)), APP_ERR_VALIDATION);
	assert_non_null(strstr(err, "xlsx"));
	assert_int_equal(sheet_read("a,b\n", 4, "xlsx", NULL, &t, err,
	    sizeof(err)), APP_ERR_VALIDATION);
	/* Anything else is CSV. */
	assert_int_equal(sheet_read("a,b\n1,2\n", 8, "企业.csv", "utf-8", &t,
	    err, sizeof(err)), APP_OK);
	assert_string_equal(table_cell(&t, 1, 1), "2");
	table_free(&t);
	assert_int_equal(sheet_read("a\tb\n", 4, NULL, NULL, &t, err,
	    sizeof(err)), APP_OK);
	assert_int_equal(t.ncols, 2);
	table_free(&t);
	/* Excel 97-2003 is refused with a hint. */
	assert_int_equal(sheet_read("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", 12,
	    "old.xls", NULL, &t, err, sizeof(err)), APP_ERR_VALIDATION);
	assert_non_null(strstr(err, ".xls"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roundtrip),
		cmocka_unit_test(test_write_buffer),
		cmocka_unit_test(test_write_errors),
		cmocka_unit_test(test_handmade),
		cmocka_unit_test(test_date1904),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_zip_bomb),
		cmocka_unit_test(test_too_many_entries),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_sheet_read),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
