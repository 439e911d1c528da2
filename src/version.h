/* The one version string. */
#ifndef ZD_VERSION_H
#define ZD_VERSION_H
#define ZONEDESK_VERSION "0.1.0"
#endif
