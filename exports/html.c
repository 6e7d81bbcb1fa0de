/* rapat — what every HTML page rapat writes shares (export layer). */
#include "html.h"

void
rapat_html_escape (FILE *out, const char *s)
{
  if (s == NULL)
    return;
  for (const char *p = s; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&': fputs ("&amp;", out); break;
        case '<': fputs ("&lt;", out); break;
        case '>': fputs ("&gt;", out); break;
        case '"': fputs ("&quot;", out); break;
        case '\'': fputs ("&#39;", out); break;
        default: fputc (*p, out);
        }
    }
}

/* The style of every HTML report: readable on screen, clean on A4 paper. */
static const char html_style[] =
  "body{font-family:'DejaVu Sans',Arial,sans-serif;font-size:10pt;color:#111;margin:1.5em}"
  "h1{font-size:14pt;margin:0 0 .2em}h2{font-size:11pt;margin:1.2em 0 .4em}"
  "p.meta{margin:.1em 0;color:#333}"
  "table{border-collapse:collapse;width:100%}"
  "th,td{border:1px solid #999;padding:3px 5px;text-align:left;vertical-align:top}"
  "th{background:#eee}td.n{text-align:right;font-variant-numeric:tabular-nums}"
  "tr.total td{font-weight:bold;background:#f6f6f6}.late{color:#a40000}"
  "@media print{body{margin:0}@page{size:A4 portrait;margin:14mm 12mm}"
  "thead{display:table-header-group}tr{page-break-inside:avoid;break-inside:avoid}}";

void
rapat_html_begin (FILE *out, const char *lang, const char *title, const char *extra_style)
{
  fprintf (out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                "<meta name=\"generator\" content=\"rapat %s\"/>\n<title>", lang, PACKAGE_VERSION);
  rapat_html_escape (out, title);
  fprintf (out, "</title>\n<style>%s%s</style>\n</head>\n<body>\n", html_style,
           extra_style != NULL ? extra_style : "");
}

void
rapat_html_cell (FILE *out, const char *text, gboolean numeric)
{
  fputs (numeric ? "<td class=\"n\">" : "<td>", out);
  rapat_html_escape (out, text);
  fputs ("</td>", out);
}

void
rapat_html_letterhead (FILE *out, const RapatLetterhead *h)
{
  const char *const lines[] = { h->ministry, h->office, h->address, h->contact };
  const char *const classes[] = { "kop1", "kop2", "kop3", "kop3" };

  if (h->ministry == NULL && h->office == NULL && h->address == NULL && h->contact == NULL
      && h->logo_uri == NULL)
    return;
  fputs ("<table class=\"kop\"><tr><td class=\"logo\">", out);
  if (h->logo_uri != NULL)
    {
      fputs ("<img src=\"", out);
      rapat_html_escape (out, h->logo_uri);
      fputs ("\" alt=\"\"/>", out);
    }
  fputs ("</td><td class=\"lines\">", out);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      if (lines[i] == NULL)
        continue;
      fprintf (out, "<div class=\"%s\">", classes[i]);
      rapat_html_escape (out, lines[i]);
      fputs ("</div>", out);
    }
  /* An empty cell as wide as the logo's keeps the lines centred on the page. */
  fputs ("</td><td class=\"logo\"></td></tr></table>\n<div class=\"rule\"></div>\n", out);
}

void
rapat_html_signatures (FILE *out, const RapatSignature *sigs, guint n)
{
  fprintf (out, "<div class=\"signatures%s\">\n", n == 1 ? " one" : "");
  for (guint i = 0; i < n; i++)
    {
      const RapatSignature *s = &sigs[i];

      fputs ("<div class=\"sign\">", out);
      if (s->above != NULL)
        {
          fputs ("<div>", out);
          rapat_html_escape (out, s->above);
          fputs ("</div>", out);
        }
      fputs ("<div>", out);
      rapat_html_escape (out, s->title);
      fputs ("</div><div class=\"space\"></div><div class=\"name\">", out);
      rapat_html_escape (out, s->name != NULL ? s->name : "(.................................)");
      fputs ("</div>", out);
      if (s->below != NULL)
        {
          fputs ("<div>", out);
          rapat_html_escape (out, s->below);
          fputs ("</div>", out);
        }
      fputs ("</div>\n", out);
    }
  fputs ("</div>\n", out);
}
