/* rapat — the words of an invitation e-mail (export layer). */
#include "invite-mail.h"
#include "when.h"

#include <string.h>

/* The words of the message, in its language, not the locale's: it goes to
 * the invitees.  Index 0 Indonesian, 1 English. */
typedef struct {
  const char *w[2];
} Words;

static const Words day_w = { { "Hari/tanggal", "Date" } };
static const Words time_w = { { "Waktu", "Time" } };
static const Words where_w = { { "Tempat", "Place" } };
static const Words online_w = { { "Tautan daring", "Online" } };
static const Words agenda_w = { { "Acara", "Agenda" } };
static const Words organizer_w = { { "Penyelenggara", "Organizer" } };
static const Words greeting_w = { { "Dengan hormat,", "Dear colleague," } };
/* The subject's first word, by RapatInviteMailKind. */
static const Words subject_w[] = {
  { { "Undangan", "Invitation" } },
  { { "Perubahan undangan", "Updated invitation" } },
  { { "Pembatalan", "Cancelled" } },
};
/* The closing line: how to answer, or what a cancellation means. */
static const Words answer_w = {
  { "Undangan kalender terlampir. Mohon sampaikan tanggapan (menerima, menolak, atau ragu-ragu) "
    "melalui aplikasi kalender Bapak/Ibu agar tercatat oleh penyelenggara.",
    "The calendar invitation is attached. Please answer (accept, decline or tentative) from "
    "your calendar app, so that the organizer receives your reply." } };
static const Words cancel_close_w = {
  { "Acara ini akan dihapus dari kalender Anda saat pesan ini dibuka di aplikasi kalender.",
    "Opening this message in your calendar app removes the event from your calendar." } };

/* Returns the word @w in the message's language. */
#define W(words, en) ((words).w[(en) ? 1 : 0])

/* Returns the opening sentence of @im (a whole sentence per language). */
static char *
opening (const RapatInviteMail *im, gboolean en)
{
  const char *title = im->meeting->title;

  switch (im->kind)
    {
    case RAPAT_INVITE_MAIL_UPDATE:
      return g_strdup_printf (en ? "The %s has changed. It will now be held on:"
                                 : "Dengan ini kami sampaikan perubahan %s, yang akan dilaksanakan pada:",
                              title);
    case RAPAT_INVITE_MAIL_CANCEL:
      if (im->withdrawn)
        return g_strdup_printf (en ? "You are no longer invited to the %s, which was to be held on:"
                                   : "Kami sampaikan bahwa undangan kepada Bapak/Ibu untuk %s, yang dijadwalkan pada waktu berikut, kami tarik kembali:",
                                title);
      return g_strdup_printf (en ? "The %s, which was to be held on the following date, is cancelled:"
                                 : "Dengan ini kami sampaikan bahwa %s, yang dijadwalkan pada waktu berikut, dibatalkan:",
                              title);
    case RAPAT_INVITE_MAIL_NEW:
    default:
      return g_strdup_printf (en ? "We have the honour to invite you to attend the %s, to be held on:"
                                 : "Kami mengundang Bapak/Ibu untuk menghadiri %s yang akan dilaksanakan pada:",
                              title);
    }
}

/* One "label: value" line of a message's fields. */
typedef struct {
  const char *label;
  char *value;
} Field;

/* Fills @fields (at most 5) with the day, time, place, online link and
 * organizer of @im's meeting; returns how many. */
static guint
fields_of (const RapatInviteMail *im, gboolean en, Field *fields)
{
  const RapatMeeting *m = im->meeting;
  g_autoptr(GTimeZone) tz = rapat_when_meeting_zone (m);
  char *date = NULL;
  char *time = NULL;
  guint n = 0;

  rapat_when_range_rows (m->start_utc, m->end_utc, tz,
                         en ? RAPAT_WHEN_ENGLISH : RAPAT_WHEN_INDONESIAN, &date, &time);
  fields[n++] = (Field) { W (day_w, en), date };
  fields[n++] = (Field) { W (time_w, en), time };
  fields[n++] = (Field) { W (where_w, en), g_strdup (m->location != NULL ? m->location : "-") };
  if (m->url != NULL)
    fields[n++] = (Field) { W (online_w, en), g_strdup (m->url) };
  if (m->organizer_name != NULL)
    fields[n++] = (Field) { W (organizer_w, en),
                            m->organizer_email != NULL
                              ? g_strdup_printf ("%s <%s>", m->organizer_name, m->organizer_email)
                              : g_strdup (m->organizer_name) };
  return n;
}

/* Frees the values of @n @fields. */
static void
fields_clear (Field *fields, guint n)
{
  for (guint i = 0; i < n; i++)
    g_free (fields[i].value);
}

char *
rapat_invite_mail_subject (const RapatInviteMail *im)
{
  gboolean en = g_strcmp0 (im->lang, "en") == 0;
  guint k = (guint) im->kind < G_N_ELEMENTS (subject_w) ? (guint) im->kind : 0;
  g_autoptr(GTimeZone) tz = rapat_when_meeting_zone (im->meeting);
  g_autofree char *day = rapat_when_date (im->meeting->start_utc, tz,
                                          en ? RAPAT_WHEN_ENGLISH : RAPAT_WHEN_INDONESIAN);

  return g_strdup_printf ("%s: %s — %s", W (subject_w[k], en), im->meeting->title, day);
}

char *
rapat_invite_mail_text (const RapatInviteMail *im)
{
  gboolean en = g_strcmp0 (im->lang, "en") == 0;
  GString *out = g_string_new (NULL);
  g_autofree char *open = opening (im, en);
  Field fields[5];
  guint n = fields_of (im, en, fields);
  guint width = 0;
  guint item = 0;

  g_string_append_printf (out, "%s\n\n%s\n\n", W (greeting_w, en), open);
  for (guint i = 0; i < n; i++)
    width = MAX (width, g_utf8_strlen (fields[i].label, -1));
  if (im->agenda != NULL && im->agenda->len > 0)
    width = MAX (width, g_utf8_strlen (W (agenda_w, en), -1));
  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "  %s%*s : %s\n", fields[i].label,
                            (int) (width - g_utf8_strlen (fields[i].label, -1)), "",
                            fields[i].value);
  for (guint i = 0; im->agenda != NULL && i < im->agenda->len; i++)
    {
      const RapatAgendaItem *it = im->agenda->pdata[i];

      if (it->type == RAPAT_ITEM_BREAK)
        continue;
      if (item == 0)
        g_string_append_printf (out, "  %s%*s :\n", W (agenda_w, en),
                                (int) (width - g_utf8_strlen (W (agenda_w, en), -1)), "");
      g_string_append_printf (out, "    %u. %s\n", ++item, it->title);
    }
  g_string_append_printf (out, "\n%s\n",
                          im->kind == RAPAT_INVITE_MAIL_CANCEL ? W (cancel_close_w, en)
                                                               : W (answer_w, en));
  fields_clear (fields, n);
  return g_string_free (out, FALSE);
}

/* Appends @text to @out escaped for HTML. */
static void
html_text (GString *out, const char *text)
{
  g_autofree char *esc = g_markup_escape_text (text, -1);

  g_string_append (out, esc);
}

char *
rapat_invite_mail_html (const RapatInviteMail *im)
{
  gboolean en = g_strcmp0 (im->lang, "en") == 0;
  GString *out = g_string_new (NULL);
  g_autofree char *open = opening (im, en);
  g_autofree char *subject = rapat_invite_mail_subject (im);
  Field fields[5];
  guint n = fields_of (im, en, fields);
  guint item = 0;

  g_string_append_printf (out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
                          "<meta charset=\"utf-8\">\n<title>", en ? "en" : "id");
  html_text (out, subject);
  g_string_append (out, "</title>\n</head>\n<body style=\"font-family:sans-serif\">\n<p>");
  html_text (out, W (greeting_w, en));
  g_string_append (out, "</p>\n<p>");
  html_text (out, open);
  g_string_append (out, "</p>\n<table>\n");
  for (guint i = 0; i < n; i++)
    {
      g_string_append (out, "<tr><td>");
      html_text (out, fields[i].label);
      g_string_append (out, "</td><td>:</td><td>");
      if (fields[i].label == W (online_w, en))
        {
          g_string_append (out, "<a href=\"");
          html_text (out, fields[i].value);
          g_string_append (out, "\">");
          html_text (out, fields[i].value);
          g_string_append (out, "</a>");
        }
      else
        html_text (out, fields[i].value);
      g_string_append (out, "</td></tr>\n");
    }
  for (guint i = 0; im->agenda != NULL && i < im->agenda->len; i++)
    {
      const RapatAgendaItem *it = im->agenda->pdata[i];

      if (it->type == RAPAT_ITEM_BREAK)
        continue;
      if (item++ == 0)
        {
          g_string_append (out, "<tr><td style=\"vertical-align:top\">");
          html_text (out, W (agenda_w, en));
          g_string_append (out, "</td><td style=\"vertical-align:top\">:</td><td><ol style=\"margin:0;padding-left:1.3em\">");
        }
      g_string_append (out, "<li>");
      html_text (out, it->title);
      g_string_append (out, "</li>");
    }
  if (item > 0)
    g_string_append (out, "</ol></td></tr>\n");
  g_string_append (out, "</table>\n<p>");
  html_text (out, im->kind == RAPAT_INVITE_MAIL_CANCEL ? W (cancel_close_w, en)
                                                      : W (answer_w, en));
  g_string_append (out, "</p>\n</body>\n</html>\n");
  fields_clear (fields, n);
  return g_string_free (out, FALSE);
}
