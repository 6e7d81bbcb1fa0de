/* rapat — reading CSV as spreadsheets write it (core layer); exports/csv.c
 * is the writer. */
#pragma once

#include "rapat.h"

G_BEGIN_DECLS

/* One record: its fields and the line of the file it starts on. */
typedef struct {
  guint line;          /* 1-based; a quoted field may carry it over more lines */
  guint n_fields;
  char **fields;       /* n_fields UTF-8 strings, line ends inside them as "\n" */
} RapatCsvRecord;

typedef struct {
  char separator;      /* ',' or ';', as detected on the header line */
  GPtrArray *records;  /* RapatCsvRecord, the header first; blank lines left out */
} RapatCsv;

/* Reads @len bytes of CSV at @data as Excel and LibreOffice write it: UTF-8
 * with or without a byte order mark, fields separated by ',' or ';' (the
 * one the first line uses more often outside quotes; ',' on a tie), records
 * ended by CRLF, LF or CR, fields in double quotes holding separators, line
 * ends and doubled quotes.  Returns NULL with RAPAT_ERROR_INVALID and a
 * one-line message "@name:LINE:COLUMN: reason" (column in characters, from
 * 1) for text that is not UTF-8, a quote never closed, or text after a
 * closing quote. */
RapatCsv *rapat_csv_read (const char *data, gsize len, const char *name, GError **error);

void rapat_csv_free (RapatCsv *csv);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapatCsv, rapat_csv_free)

G_END_DECLS
