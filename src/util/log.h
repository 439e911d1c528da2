/* Log lines on stderr: "2026-11-27T21:30:00Z level message". */
#ifndef ZD_UTIL_LOG_H
#define ZD_UTIL_LOG_H

void log_msg(const char *level, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
#define log_info(...) log_msg("info", __VA_ARGS__)
#define log_warn(...) log_msg("warn", __VA_ARGS__)
#define log_error(...) log_msg("error", __VA_ARGS__)

/* Set once at start; suppresses info lines (tests keep warnings). */
extern int log_quiet;

#endif
