# zonedesk — plain GNU Makefile.
#   make          release build: build/zonedesk
#   make check    sanitizer build + every test suite (scripts/check)
#   make demo     install deps, build, fresh demo database, serve on :8080
#   make fuzz     libFuzzer targets, each run for FUZZ_SECONDS
#   make valgrind unit tests under valgrind
#   make bench    benchmarks at SCALE (default 1; 1000 = a province), bench/README.md

CC      := gcc
PKGS    := libmicrohttpd jansson sqlite3 libsodium libzip expat xlsxwriter
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
WARN    := -std=c17 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
           -Wmissing-prototypes -Wformat=2 -Wno-format-nonliteral
BASE    := $(WARN) -D_GNU_SOURCE -Isrc $(PKG_CFLAGS) -MMD -MP
CFLAGS_REL  := $(BASE) -O2 -g
CFLAGS_ASAN := $(BASE) -O1 -g -fno-omit-frame-pointer \
               -fsanitize=address,undefined -fno-sanitize-recover=all
LIBS    := $(PKG_LIBS) -lpthread -lm

SRCS    := $(shell find src -name '*.c' | sort)
LIBSRCS := $(filter-out src/main.c,$(SRCS))
GEN     := build/gen/embedded.c
EMBEDDED := $(wildcard src/store/migrations/sqlite/*.sql) docs/api.yaml

OBJ_REL  := $(SRCS:src/%.c=build/obj/%.o) build/obj/gen/embedded.o
OBJ_ASAN := $(SRCS:src/%.c=build/asan/obj/%.o) build/asan/obj/gen/embedded.o
LIBOBJ_ASAN := $(filter-out build/asan/obj/main.o,$(OBJ_ASAN))

UNIT_SRCS := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=build/asan/%)

FUZZ_SRCS := $(sort $(wildcard fuzz/fuzz_*.c))
FUZZ_BINS := $(FUZZ_SRCS:fuzz/%.c=build/fuzz/%)
FUZZ_SECONDS ?= 30

.PHONY: all asan unit check demo fuzz valgrind bench clean
all: build/zonedesk

$(GEN): scripts/embed $(EMBEDDED)
	@mkdir -p $(dir $@)
	scripts/embed $@

build/obj/gen/embedded.o: $(GEN)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_REL) -c $< -o $@
build/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_REL) -c $< -o $@
build/zonedesk: $(OBJ_REL)
	$(CC) $(CFLAGS_REL) $^ $(LIBS) -o $@

build/asan/obj/gen/embedded.o: $(GEN)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ASAN) -c $< -o $@
build/asan/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ASAN) -c $< -o $@
build/asan/zonedesk: $(OBJ_ASAN)
	$(CC) $(CFLAGS_ASAN) $^ $(LIBS) -o $@
build/asan/test_%: tests/unit/test_%.c $(LIBOBJ_ASAN)
	$(CC) $(CFLAGS_ASAN) -Itests/unit $< $(LIBOBJ_ASAN) $(LIBS) -lcmocka -o $@

asan: build/asan/zonedesk $(UNIT_BINS)

check: all asan
	scripts/check

demo:
	scripts/install-deps
	$(MAKE) all
	scripts/demo

# Fuzz targets link the library built by clang with libFuzzer.
FUZZ_CFLAGS := -std=c17 -D_GNU_SOURCE -Isrc $(PKG_CFLAGS) -g -O1 \
               -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
build/fuzz/%: fuzz/%.c $(LIBSRCS) $(GEN)
	@mkdir -p $(dir $@)
	clang $(FUZZ_CFLAGS) $< $(LIBSRCS) $(GEN) $(LIBS) -o $@
fuzz: $(FUZZ_BINS)
	@for f in $(FUZZ_BINS); do \
		n=$$(basename $$f | sed 's/^fuzz_//'); \
		mkdir -p build/fuzz/corpus/$$n; \
		echo "fuzz: $$n for $(FUZZ_SECONDS)s"; \
		$$f -max_total_time=$(FUZZ_SECONDS) -artifact_prefix=build/fuzz/ \
			build/fuzz/corpus/$$n fuzz/corpus/$$n \
			$$( [ -f fuzz/$$n.dict ] && echo -dict=fuzz/$$n.dict ) \
			> build/fuzz/$$n.log 2>&1 || { tail -30 build/fuzz/$$n.log; exit 1; }; \
		tail -1 build/fuzz/$$n.log; \
	done

valgrind: build/zonedesk
	scripts/valgrind

# The benchmark generator links the release library objects.
LIBOBJ_REL := $(filter-out build/obj/main.o,$(OBJ_REL))
build/bench-gen: bench/gen.c $(LIBOBJ_REL)
	$(CC) $(CFLAGS_REL) $< $(LIBOBJ_REL) $(LIBS) -o $@
SCALE ?= 1
bench: build/zonedesk build/bench-gen
	bench/run --scale $(SCALE)

clean:
	rm -rf build

-include $(OBJ_REL:.o=.d) $(OBJ_ASAN:.o=.d)
