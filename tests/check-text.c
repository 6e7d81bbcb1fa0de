/* rapat tests — validation of user text: rapat_text_check, rapat_email_check,
 * rapat_text_excerpt, rapat_text_width, rapat_text_parse_id and
 * rapat_text_fold. */
#include "check-common.h"
#include "text.h"

/* Returns a newly allocated string of @n copies of @unit. */
static char *
repeat (const char *unit, guint n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (s, unit);
  return g_string_free (s, FALSE);
}

/* ---- rapat_text_edit_distance ---- */

START_TEST (test_edit_distance)
{
  ck_assert_uint_eq (rapat_text_edit_distance ("meeting", "meeting", 2), 0);
  ck_assert_uint_eq (rapat_text_edit_distance ("", "", 2), 0);
  ck_assert_uint_eq (rapat_text_edit_distance ("", "to", 2), 2);
  /* One insertion, deletion, substitution, swap. */
  ck_assert_uint_eq (rapat_text_edit_distance ("frm", "from", 2), 1);
  ck_assert_uint_eq (rapat_text_edit_distance ("meetings", "meeting", 2), 1);
  ck_assert_uint_eq (rapat_text_edit_distance ("lust", "list", 2), 1);
  ck_assert_uint_eq (rapat_text_edit_distance ("meetign", "meeting", 2), 1);
  ck_assert_uint_eq (rapat_text_edit_distance ("atendee", "attendee", 2), 1);
  /* A swap and a substitution; two swaps. */
  ck_assert_uint_eq (rapat_text_edit_distance ("shwo", "shoe", 2), 2);
  ck_assert_uint_eq (rapat_text_edit_distance ("aegnad", "agenda", 2), 2);
  /* Symmetric. */
  ck_assert_uint_eq (rapat_text_edit_distance ("from", "frm", 2), 1);
  /* Beyond the limit: limit + 1, whether the lengths or the letters say it. */
  ck_assert_uint_eq (rapat_text_edit_distance ("export", "report", 2), 2);
  ck_assert_uint_eq (rapat_text_edit_distance ("export", "report", 1), 2);
  ck_assert_uint_eq (rapat_text_edit_distance ("a", "schedule", 2), 3);
  ck_assert_uint_eq (rapat_text_edit_distance ("issue", "minutes", 2), 3);
  ck_assert_uint_eq (rapat_text_edit_distance ("abcdef", "ghijkl", 10), 6);
  /* The optimal-alignment kind: "ca" to "abc" is 3 (a swap is not
   * edited further), where unrestricted Damerau-Levenshtein says 2. */
  ck_assert_uint_eq (rapat_text_edit_distance ("ca", "abc", 5), 3);
}
END_TEST

/* ---- rapat_text_check ---- */

START_TEST (test_check_accepts_plain_and_unicode)
{
  GError *error = NULL;

  ck_assert (rapat_text_check ("title", "Rapat Kerja Teknis 2025", RAPAT_TEXT_LINE,
                               RAPAT_MAX_NAME, &error));
  rapat_assert_no_error (error);
  ck_assert (rapat_text_check ("location", "Aula Rutan — 会議室 Élise", RAPAT_TEXT_REQUIRED,
                               RAPAT_MAX_NAME, &error));
  rapat_assert_no_error (error);
  /* Empty text is fine when it is not required. */
  ck_assert (rapat_text_check ("position", "", RAPAT_TEXT_LINE, RAPAT_MAX_NAME, &error));
  rapat_assert_no_error (error);
}
END_TEST

START_TEST (test_check_required_refuses_empty_and_blank)
{
  GError *error = NULL;

  ck_assert (!rapat_text_check ("title", "", RAPAT_TEXT_REQUIRED, RAPAT_MAX_NAME, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "title '': must not be empty");
  ck_assert (!rapat_text_check ("title", "   ", RAPAT_TEXT_REQUIRED, RAPAT_MAX_NAME, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "must not be empty");
  /* A no-break space is blank too. */
  ck_assert (!rapat_text_check ("title", "\xc2\xa0", RAPAT_TEXT_REQUIRED, RAPAT_MAX_NAME,
                                &error));
  rapat_assert_error (error, RAPAT_ERROR_INVALID);
  ck_assert (!rapat_text_check ("notes", " \n\t ", RAPAT_TEXT_MULTILINE | RAPAT_TEXT_REQUIRED,
                                RAPAT_MAX_TEXT, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "must not be empty");
}
END_TEST

START_TEST (test_check_length_counts_characters)
{
  GError *error = NULL;
  g_autofree char *ok = repeat ("é", RAPAT_MAX_NAME);         /* 400 bytes */
  g_autofree char *too_long = repeat ("é", RAPAT_MAX_NAME + 1);
  g_autofree char *ascii = repeat ("a", 33);

  ck_assert (rapat_text_check ("title", ok, RAPAT_TEXT_REQUIRED, RAPAT_MAX_NAME, &error));
  rapat_assert_no_error (error);
  ck_assert (!rapat_text_check ("title", too_long, RAPAT_TEXT_REQUIRED, RAPAT_MAX_NAME, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID,
                               "too long (201 characters, at most 200)");
  ck_assert (!rapat_text_check ("code", ascii, RAPAT_TEXT_LINE, RAPAT_MAX_CODE, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "code '");
}
END_TEST

START_TEST (test_check_single_line)
{
  GError *error = NULL;

  ck_assert (!rapat_text_check ("title", "two\nlines", RAPAT_TEXT_LINE, RAPAT_MAX_NAME, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "single line");
  ck_assert (!rapat_text_check ("title", "a\tb", RAPAT_TEXT_LINE, RAPAT_MAX_NAME, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "single line");
  ck_assert (rapat_text_check ("notes", "two\nlines\tand a tab", RAPAT_TEXT_MULTILINE,
                               RAPAT_MAX_TEXT, &error));
  rapat_assert_no_error (error);
}
END_TEST

START_TEST (test_check_control_characters)
{
  const char *bad[] = {
    "bell\a", "cr\r", "esc\x1b[31m", "del\x7f", "c1 \xc2\x85 next line", "nul-ish\x01",
  };
  const char *codes[] = { "U+0007", "U+000D", "U+001B", "U+007F", "U+0085", "U+0001" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      GError *error = NULL;

      /* Refused even where newlines and tabs are allowed. */
      ck_assert_msg (!rapat_text_check ("notes", bad[i], RAPAT_TEXT_MULTILINE, RAPAT_MAX_TEXT,
                                        &error), "accepted case %u", i);
      rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, codes[i]);
    }
}
END_TEST

START_TEST (test_check_invalid_utf8)
{
  GError *error = NULL;

  ck_assert (!rapat_text_check ("title", "ab\xff" "cd", RAPAT_TEXT_LINE, RAPAT_MAX_NAME, &error));
  ck_assert_ptr_nonnull (error);
  ck_assert_msg (g_utf8_validate (error->message, -1, NULL), "message is not UTF-8");
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "not valid UTF-8 (bad byte at offset 2)");
  /* A truncated sequence. */
  ck_assert (!rapat_text_check ("title", "caf\xc3", RAPAT_TEXT_LINE, RAPAT_MAX_NAME, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "offset 3");
}
END_TEST

/* ---- rapat_email_check ---- */

START_TEST (test_email_valid)
{
  const char *good[] = {
    "kakanwil@example.org", "First.Last+rapat@sub.example.co.id", "a@b.c",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      GError *error = NULL;

      ck_assert_msg (rapat_email_check (good[i], &error), "refused %s", good[i]);
      rapat_assert_no_error (error);
    }
}
END_TEST

START_TEST (test_email_invalid)
{
  const char *bad[] = {
    "", "no-at-sign.example.org", "@example.org", "user@", "two@@example.org", "a@b@c.org",
    "user@localhost", "user @example.org", "user@exa mple.org", "<user@example.org>",
    "user@.example.org", "user@example.org.", "us;er@example.org", "user@example.org\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      GError *error = NULL;

      ck_assert_msg (!rapat_email_check (bad[i], &error), "accepted '%s'", bad[i]);
      rapat_assert_error (error, RAPAT_ERROR_INVALID);
    }
}
END_TEST

START_TEST (test_email_length)
{
  GError *error = NULL;
  g_autofree char *local = repeat ("x", RAPAT_MAX_EMAIL - (int) strlen ("@example.org"));
  g_autofree char *max = g_strconcat (local, "@example.org", NULL);
  g_autofree char *over = g_strconcat ("y", max, NULL);

  ck_assert_uint_eq (strlen (max), RAPAT_MAX_EMAIL);
  ck_assert (rapat_email_check (max, &error));
  rapat_assert_no_error (error);
  ck_assert (!rapat_email_check (over, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "too long");
}
END_TEST

START_TEST (test_email_message_names_value)
{
  GError *error = NULL;

  ck_assert (!rapat_email_check ("kakanwil.example.org", &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, "e-mail 'kakanwil.example.org'");
}
END_TEST

/* ---- rapat_text_excerpt ---- */

START_TEST (test_excerpt_plain_unchanged)
{
  g_autofree char *a = rapat_text_excerpt ("Rutan Kelas IIA Ambon");
  g_autofree char *b = rapat_text_excerpt ("");
  g_autofree char *c = rapat_text_excerpt ("Élise 会議");

  ck_assert_str_eq (a, "Rutan Kelas IIA Ambon");
  ck_assert_str_eq (b, "");
  ck_assert_str_eq (c, "Élise 会議");
}
END_TEST

START_TEST (test_excerpt_escapes)
{
  g_autofree char *a = rapat_text_excerpt ("a\nb\tc\rd");
  g_autofree char *b = rapat_text_excerpt ("x\x01y\x7fz\xc2\x85");
  g_autofree char *c = rapat_text_excerpt ("bad\xff\xfe" "end");

  ck_assert_str_eq (a, "a\\nb\\tc\\rd");
  ck_assert_str_eq (b, "x\\u0001y\\u007fz\\u0085");
  ck_assert_str_eq (c, "bad\\xff\\xfeend");
  ck_assert (g_utf8_validate (c, -1, NULL));
}
END_TEST

START_TEST (test_excerpt_cut)
{
  g_autofree char *forty = repeat ("a", 40);
  g_autofree char *long_ascii = repeat ("b", 100);
  g_autofree char *long_wide = repeat ("é", 50);
  g_autofree char *e40 = rapat_text_excerpt (forty);
  g_autofree char *e100 = rapat_text_excerpt (long_ascii);
  g_autofree char *ewide = rapat_text_excerpt (long_wide);
  g_autofree char *b40 = repeat ("b", 40);
  g_autofree char *w40 = repeat ("é", 40);
  g_autofree char *b40dots = g_strconcat (b40, "...", NULL);
  g_autofree char *w40dots = g_strconcat (w40, "...", NULL);

  ck_assert_str_eq (e40, forty);
  ck_assert_str_eq (e100, b40dots);
  /* The cut counts characters, never splitting one. */
  ck_assert_str_eq (ewide, w40dots);
  ck_assert (g_utf8_validate (ewide, -1, NULL));
}
END_TEST

/* ---- rapat_text_width ---- */

START_TEST (test_width)
{
  ck_assert_uint_eq (rapat_text_width (""), 0);
  ck_assert_uint_eq (rapat_text_width ("Ambon"), 5);
  ck_assert_uint_eq (rapat_text_width ("Élise"), 5);                /* precomposed */
  ck_assert_uint_eq (rapat_text_width ("E\xcc\x81lise"), 5);        /* combining acute */
  ck_assert_uint_eq (rapat_text_width ("会議"), 4);
  ck_assert_uint_eq (rapat_text_width ("Rapat 会議"), 10);
  ck_assert_uint_eq (rapat_text_width ("회의"), 4);
  ck_assert_uint_eq (rapat_text_width ("—"), 1);
}
END_TEST

/* ---- rapat_text_parse_id ---- */

START_TEST (test_parse_id_valid)
{
  gint64 id = 0;

  ck_assert (rapat_text_parse_id ("1", &id));
  ck_assert_int_eq (id, 1);
  ck_assert (rapat_text_parse_id ("42", &id));
  ck_assert_int_eq (id, 42);
  ck_assert (rapat_text_parse_id ("007", &id));
  ck_assert_int_eq (id, 7);
  ck_assert (rapat_text_parse_id ("999999999999999999", &id));
  ck_assert_int_eq (id, G_GINT64_CONSTANT (999999999999999999));
}
END_TEST

START_TEST (test_parse_id_invalid)
{
  const char *bad[] = {
    "", "0", "000", "-1", "+1", "1.5", "12a", " 1", "1 ", "0x10", "1e3", "١",
    "9223372036854775808", "99999999999999999999", "Rakernis 2025",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gint64 id = -7;

      ck_assert_msg (!rapat_text_parse_id (bad[i], &id), "accepted '%s'", bad[i]);
      ck_assert_int_eq (id, -7);
    }
  ck_assert (!rapat_text_parse_id (NULL, NULL));
}
END_TEST

/* ---- rapat_text_fold ---- */

START_TEST (test_fold_ascii_case)
{
  g_autofree char *upper = rapat_text_fold ("RAPAT Kerja TEKNIS 2025");
  g_autofree char *lower = rapat_text_fold ("rapat kerja teknis 2025");
  g_autofree char *empty = rapat_text_fold ("");

  ck_assert_str_eq (upper, "rapat kerja teknis 2025");
  ck_assert_str_eq (lower, "rapat kerja teknis 2025");
  ck_assert_str_eq (empty, "");
}
END_TEST

START_TEST (test_fold_normalises_then_folds)
{
  g_autofree char *capitals = rapat_text_fold ("\xc3\x89MILE");         /* ÉMILE, NFC */
  g_autofree char *nfd = rapat_text_fold ("e\xcc\x81mile");             /* e + combining acute */
  g_autofree char *nfd_capital = rapat_text_fold ("E\xcc\x81mile");     /* E + combining acute */
  g_autofree char *nfc = rapat_text_fold ("\xc3\xa9mile");              /* émile, NFC */
  g_autofree char *cedilla = rapat_text_fold ("\xc3\x87" "ELIK");       /* ÇELIK */

  /* Every spelling gives the precomposed lower case: NFC, not NFD. */
  ck_assert_str_eq (capitals, "\xc3\xa9mile");
  ck_assert_str_eq (nfd, "\xc3\xa9mile");
  ck_assert_str_eq (nfd_capital, "\xc3\xa9mile");
  ck_assert_str_eq (nfc, "\xc3\xa9mile");
  ck_assert_str_eq (cedilla, "\xc3\xa7" "elik");
}
END_TEST

START_TEST (test_fold_full_case_folding)
{
  g_autofree char *strasse = rapat_text_fold ("Stra\xc3\x9f" "e");      /* Straße */
  g_autofree char *capitals = rapat_text_fold ("STRASSE");
  g_autofree char *sigma = rapat_text_fold ("\xce\xa3\xce\xbf\xcf\x86\xce\xaf\xce\xb1");  /* Σοφία */

  /* Casefolding, not lower-casing: ß becomes "ss", as in "STRASSE". */
  ck_assert_str_eq (strasse, "strasse");
  ck_assert_str_eq (capitals, "strasse");
  ck_assert_str_eq (sigma, "\xcf\x83\xce\xbf\xcf\x86\xce\xaf\xce\xb1");  /* σοφία */
}
END_TEST

START_TEST (test_fold_invalid_utf8_copied)
{
  const char *bad[] = { "\xff", "Ab\xff" "CD", "\xc3", "E\xcc", "\xed\xa0\x80" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *folded = rapat_text_fold (bad[i]);

      /* An unchanged copy: not folded, not cut, and not the caller's string. */
      ck_assert_ptr_nonnull (folded);
      ck_assert_ptr_ne (folded, bad[i]);
      ck_assert_msg (strcmp (folded, bad[i]) == 0, "case %u changed", i);
    }
}
END_TEST

/* ---- issue 13: invisible characters and direction overrides ---- */

/* The characters refused in one-line text, as UTF-8, with their names. */
static const struct {
  const char *utf8;
  const char *name;
} invisible[] = {
  { "\xe2\x80\x8b", "U+200B ZERO WIDTH SPACE" },
  { "\xe2\x80\x8c", "U+200C ZERO WIDTH NON-JOINER" },
  { "\xe2\x80\x8d", "U+200D ZERO WIDTH JOINER" },
  { "\xe2\x80\xaa", "U+202A LEFT-TO-RIGHT EMBEDDING" },
  { "\xe2\x80\xab", "U+202B RIGHT-TO-LEFT EMBEDDING" },
  { "\xe2\x80\xac", "U+202C POP DIRECTIONAL FORMATTING" },
  { "\xe2\x80\xad", "U+202D LEFT-TO-RIGHT OVERRIDE" },
  { "\xe2\x80\xae", "U+202E RIGHT-TO-LEFT OVERRIDE" },
  { "\xe2\x81\xa0", "U+2060 WORD JOINER" },
  { "\xe2\x81\xa6", "U+2066 LEFT-TO-RIGHT ISOLATE" },
  { "\xe2\x81\xa7", "U+2067 RIGHT-TO-LEFT ISOLATE" },
  { "\xe2\x81\xa8", "U+2068 FIRST STRONG ISOLATE" },
  { "\xe2\x81\xa9", "U+2069 POP DIRECTIONAL ISOLATE" },
  { "\xef\xbb\xbf", "U+FEFF ZERO WIDTH NO-BREAK SPACE" },
};

/* Every refused character, in every kind of one-line field (names, titles,
 * codes, positions, locations, rooms, e-mails), at the start, inside and at
 * the end: refused with the character's name and its position, and the
 * message itself carries no such character. */
START_TEST (test_check_refuses_invisible_in_labels)
{
  static const struct {
    const char *what;
    RapatTextFlags flags;
    guint max;
  } fields[] = {
    { "name", RAPAT_TEXT_REQUIRED, RAPAT_MAX_NAME },
    { "title", RAPAT_TEXT_REQUIRED, RAPAT_MAX_NAME },
    { "code", RAPAT_TEXT_LINE, RAPAT_MAX_CODE },
    { "position", RAPAT_TEXT_LINE, RAPAT_MAX_NAME },
    { "location", RAPAT_TEXT_LINE, RAPAT_MAX_NAME },
    { "room", RAPAT_TEXT_LINE, RAPAT_MAX_NAME },
  };

  for (guint i = 0; i < G_N_ELEMENTS (invisible); i++)
    {
      g_autofree char *inside = g_strconcat ("Kan", invisible[i].utf8, "wil", NULL);
      g_autofree char *first = g_strconcat (invisible[i].utf8, "Kanwil", NULL);
      g_autofree char *last = g_strconcat ("Kanwil", invisible[i].utf8, NULL);
      g_autofree char *email = g_strconcat ("kan", invisible[i].utf8, "wil@pas.example", NULL);
      const char *values[] = { inside, first, last };
      const char *where[] = { "at character 4", "at character 1", "at character 7" };
      GError *error = NULL;

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        for (guint v = 0; v < G_N_ELEMENTS (values); v++)
          {
            ck_assert_msg (!rapat_text_check (fields[f].what, values[v], fields[f].flags,
                                              fields[f].max, &error),
                           "%s with %s accepted", fields[f].what, invisible[i].name);
            ck_assert_ptr_nonnull (error);
            ck_assert_msg (strstr (error->message, invisible[i].utf8) == NULL,
                           "the message carries the character itself: %s", error->message);
            ck_assert_msg (g_str_has_prefix (error->message, fields[f].what), "%s",
                           error->message);
            rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, invisible[i].name);
            ck_assert (!rapat_text_check (fields[f].what, values[v], fields[f].flags,
                                          fields[f].max, &error));
            rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, where[v]);
          }
      ck_assert_msg (!rapat_email_check (email, &error), "e-mail with %s accepted",
                     invisible[i].name);
      rapat_assert_error_contains (error, RAPAT_ERROR_INVALID, invisible[i].name);
    }
}
END_TEST

/* The position counts characters, not bytes; the excerpt shows the
 * character escaped, so the message reads in its own order. */
START_TEST (test_check_invisible_message)
{
  GError *error = NULL;

  ck_assert (!rapat_text_check ("name", "R\xc3\xa9" "gion \xe2\x80\xae" "lanoiger",
                                RAPAT_TEXT_REQUIRED, RAPAT_MAX_NAME, &error));
  ck_assert_ptr_nonnull (error);
  ck_assert_str_eq (error->message,
                    "name 'R\xc3\xa9gion \\u202elanoiger': contains U+202E RIGHT-TO-LEFT "
                    "OVERRIDE at character 8, and invisible characters and direction "
                    "overrides are not allowed here");
  g_clear_error (&error);
}
END_TEST

/* Descriptions and notes are prose: they may quote right-to-left text with
 * its isolates, or join characters, so multi-line text keeps them. */
START_TEST (test_check_multiline_keeps_invisible)
{
  GError *error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (invisible); i++)
    {
      g_autofree char *text = g_strconcat ("Kutipan: ", invisible[i].utf8, "\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85",
                                           "\n", NULL);
      ck_assert_msg (rapat_text_check ("notes", text, RAPAT_TEXT_MULTILINE, RAPAT_MAX_TEXT,
                                       &error), "%s refused in notes", invisible[i].name);
      rapat_assert_no_error (error);
    }
}
END_TEST

/* The excerpt in any message escapes the invisible characters, whichever
 * check failed (here: too long). */
START_TEST (test_excerpt_escapes_invisible)
{
  g_autofree char *e = rapat_text_excerpt ("a\xe2\x80\xae" "b\xe2\x80\x8b" "c\xef\xbb\xbf" "d\xe2\x81\xa6");

  ck_assert_str_eq (e, "a\\u202eb\\u200bc\\ufeffd\\u2066");
}
END_TEST

/* NFKC: compatibility forms fold like the plain letters they stand for. */
START_TEST (test_fold_nfkc)
{
  g_autofree char *ligature = rapat_text_fold ("\xef\xac\x81le");                 /* ﬁle */
  g_autofree char *plain = rapat_text_fold ("file");
  g_autofree char *wide = rapat_text_fold ("\xef\xbc\xab\xef\xbc\xa1\xef\xbc\xae\xef\xbc\xb7"
                                           "\xef\xbc\xa9\xef\xbc\xac");            /* ＫＡＮＷＩＬ */
  g_autofree char *kanwil = rapat_text_fold ("KANWIL");
  g_autofree char *superscript = rapat_text_fold ("Lantai \xc2\xb2");              /* Lantai ² */

  ck_assert_str_eq (ligature, plain);
  ck_assert_str_eq (wide, "kanwil");
  ck_assert_str_eq (kanwil, "kanwil");
  ck_assert_str_eq (superscript, "lantai 2");
}
END_TEST

/* The invisible characters are left out of the folded key. */
START_TEST (test_fold_drops_invisible)
{
  for (guint i = 0; i < G_N_ELEMENTS (invisible); i++)
    {
      g_autofree char *with = g_strconcat ("Kan", invisible[i].utf8, "wil", invisible[i].utf8, NULL);
      g_autofree char *folded = rapat_text_fold (with);

      ck_assert_msg (strcmp (folded, "kanwil") == 0, "%s kept: %s", invisible[i].name, folded);
    }
  {
    /* Soft hyphen and the left-to-right mark are invisible as well. */
    g_autofree char *marks = rapat_text_fold ("Kan\xc2\xad" "wil\xe2\x80\x8e");
    ck_assert_str_eq (marks, "kanwil");
  }
}
END_TEST

/* Units: a name that folds (NFKC, case, invisible characters) to an
 * existing unit's name is refused, so two units never look the same. */
START_TEST (test_unit_names_unique_after_fold)
{
  static const char *const clashes[] = {
    "\xef\xbc\xab\xef\xbc\xa1\xef\xbc\xae\xef\xbc\xb7\xef\xbc\xa9\xef\xbc\xac",  /* ＫＡＮＷＩＬ */
    "Kanwil\xe2\x80\x8b",                                                           /* Kanwil ZWSP */
    "\xe2\x80\xad" "KANWIL",                                                         /* LRO KANWIL */
  };
  g_autoptr(RapatStore) store = rapat_test_store_open (":memory:");
  g_autoptr(RapatUnit) first = rapat_unit_new ();
  g_autoptr(RapatUnit) office = rapat_unit_new ();
  GError *error = NULL;

  first->name = g_strdup ("Kanwil");
  ck_assert (rapat_store_unit_insert (store, first, &error));
  rapat_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (clashes); i++)
    {
      g_autoptr(RapatUnit) u = rapat_unit_new ();

      u->name = g_strdup (clashes[i]);
      ck_assert_msg (!rapat_store_unit_insert (store, u, &error), "unit %u accepted", i);
      rapat_assert_error (error, RAPAT_ERROR_EXISTS);
    }
  /* The ligature, in a rename. */
  office->name = g_strdup ("Kantor fiskal");
  ck_assert (rapat_store_unit_insert (store, office, &error));
  rapat_assert_no_error (error);
  g_free (first->name);
  first->name = g_strdup ("Kantor \xef\xac\x81skal");
  ck_assert (!rapat_store_unit_update (store, first, &error));
  rapat_assert_error (error, RAPAT_ERROR_EXISTS);
  /* Codes, too. */
  g_free (office->code);
  office->code = g_strdup ("KW");
  ck_assert (rapat_store_unit_update (store, office, &error));
  rapat_assert_no_error (error);
  {
    g_autoptr(RapatUnit) u = rapat_unit_new ();
    u->name = g_strdup ("Kantor lain");
    u->code = g_strdup ("\xef\xbd\x8b\xef\xbd\x97");   /* ｋｗ */
    ck_assert (!rapat_store_unit_insert (store, u, &error));
    rapat_assert_error (error, RAPAT_ERROR_EXISTS);
  }
}
END_TEST

/* People may share a name; their e-mail, which is unique, compares folded. */
START_TEST (test_person_email_unique_after_fold)
{
  g_autoptr(RapatStore) store = rapat_test_store_open (":memory:");
  g_autoptr(RapatPerson) a = rapat_person_new ();
  g_autoptr(RapatPerson) b = rapat_person_new ();
  g_autoptr(RapatPerson) c = rapat_person_new ();
  GError *error = NULL;

  a->name = g_strdup ("Budi Santoso");
  a->email = g_strdup ("budi@pas.example");
  ck_assert (rapat_store_person_insert (store, a, &error));
  rapat_assert_no_error (error);
  /* A namesake with an address of his own. */
  b->name = g_strdup ("Budi Santoso");
  b->email = g_strdup ("budi.s@pas.example");
  ck_assert (rapat_store_person_insert (store, b, &error));
  rapat_assert_no_error (error);
  /* ｂｕｄｉ@pas.example is budi@pas.example. */
  c->name = g_strdup ("Budi Lain");
  c->email = g_strdup ("\xef\xbd\x82\xef\xbd\x95\xef\xbd\x84\xef\xbd\x89@pas.example");
  ck_assert (!rapat_store_person_insert (store, c, &error));
  rapat_assert_error_contains (error, RAPAT_ERROR_EXISTS, "Budi Santoso");
}
END_TEST

/* Text cut inside a character, followed in memory by more text after its
 * NUL (as a database value may be): nothing past the NUL is read, so the
 * results do not depend on what follows. */
START_TEST (test_cut_text_not_read_past_end)
{
  static const char buf[] = "A\xc3\0ZZZZ\xe4\xb8\0ZZ\xf0\x9f\x98\0ZZZZ";
  const char *cut[] = { buf, buf + 3, buf + 10 };
  const char *want_fold[] = { "A\xc3", "ZZZZ\xe4\xb8", "ZZ\xf0\x9f\x98" };
  const gsize want_width[] = { 2, 6, 5 };

  for (guint i = 0; i < G_N_ELEMENTS (cut); i++)
    {
      g_autofree char *folded = rapat_text_fold (cut[i]);
      g_autofree char *ex = rapat_text_excerpt (cut[i]);

      ck_assert_msg (rapat_text_width (cut[i]) == want_width[i], "case %u: width %zu", i,
                     rapat_text_width (cut[i]));
      ck_assert_msg (strcmp (folded, want_fold[i]) == 0, "case %u: fold changed", i);
      ck_assert_ptr_null (strchr (ex, '\n'));
    }
}
END_TEST

/* An excerpt of NULL (a column the database left empty) is empty. */
START_TEST (test_excerpt_null)
{
  g_autofree char *ex = rapat_text_excerpt (NULL);

  ck_assert_str_eq (ex, "");
}
END_TEST

/* ---- known bugs in src/ (each test describes the expected behaviour) ---- */

/* Regression test (fixed): src/text.c:95 — the "must not be empty" message quotes @value as it
 * is instead of rapat_text_excerpt(value), so blank multi-line text such as
 * " \n\t " yields an error message spanning two lines, and 10000 blanks a
 * 10000-character message.  text.h promises a one-line message with a short
 * excerpt, as every other branch gives. */
START_TEST (test_bug_blank_message_not_excerpted)
{
  GError *error = NULL;
  g_autofree char *blanks = repeat (" ", RAPAT_MAX_TEXT);

  ck_assert (!rapat_text_check ("notes", " \n\t ", RAPAT_TEXT_MULTILINE | RAPAT_TEXT_REQUIRED,
                                RAPAT_MAX_TEXT, &error));
  ck_assert_ptr_nonnull (error);
  ck_assert_msg (strchr (error->message, '\n') == NULL, "message spans lines: %s",
                 error->message);
  rapat_assert_error (error, RAPAT_ERROR_INVALID);
  ck_assert (!rapat_text_check ("notes", blanks, RAPAT_TEXT_MULTILINE | RAPAT_TEXT_REQUIRED,
                                RAPAT_MAX_TEXT, &error));
  ck_assert_ptr_nonnull (error);
  ck_assert_msg (strlen (error->message) < 200, "message of %zu bytes",
                 strlen (error->message));
  rapat_assert_error (error, RAPAT_ERROR_INVALID);
}
END_TEST

/* Builds the suite. */
/* A part of a name ranks as people expect: whole words, then the start of
 * a word, then the inside of one. */
START_TEST (test_match_classes)
{
  static const struct { const char *name, *part; RapatMatch want; } cases[] = {
    { "andi fahmi nanlohy", "andi fahmi nanlohy", RAPAT_MATCH_EXACT },
    { "andi fahmi nanlohy", "andi", RAPAT_MATCH_WORD },
    { "andi fahmi nanlohy", "fahmi nan", RAPAT_MATCH_WORD_START },
    { "andi fahmi nanlohy", "nanlohy", RAPAT_MATCH_WORD },
    { "lilik sujandi", "andi", RAPAT_MATCH_INSIDE },
    { "ahmad latuconsina", "lat", RAPAT_MATCH_WORD_START },
    { "ahmad latuconsina", "ad lat", RAPAT_MATCH_INSIDE },
    { "lilik sujandi", "budi", RAPAT_MATCH_NONE },
    { "lilik sujandi", "", RAPAT_MATCH_NONE },
    /* The best of several places: inside "sujandi", a word in "andi-ku". */
    { "sujandi andi-ku", "andi", RAPAT_MATCH_WORD },
    /* Words beyond ASCII: "é" is a letter, so "d" in "dé" is not whole. */
    { "sari d\xc3\xa9wi", "sari", RAPAT_MATCH_WORD },
    { "ren\xc3\xa9 ali", "ren", RAPAT_MATCH_WORD_START },
    { "kepala (ii.a)", "ii", RAPAT_MATCH_WORD },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    ck_assert_msg (rapat_text_match (cases[i].name, cases[i].part) == cases[i].want,
                   "'%s' in '%s': %d, want %d", cases[i].part, cases[i].name,
                   rapat_text_match (cases[i].name, cases[i].part), cases[i].want);
}
END_TEST

static Suite *
text_suite (void)
{
  Suite *s = suite_create ("text");
  TCase *tc;

  tc = tcase_create ("check");
  tcase_add_test (tc, test_check_accepts_plain_and_unicode);
  tcase_add_test (tc, test_check_required_refuses_empty_and_blank);
  tcase_add_test (tc, test_check_length_counts_characters);
  tcase_add_test (tc, test_check_single_line);
  tcase_add_test (tc, test_check_control_characters);
  tcase_add_test (tc, test_check_invalid_utf8);
  tcase_add_test (tc, test_check_refuses_invisible_in_labels);
  tcase_add_test (tc, test_check_invisible_message);
  tcase_add_test (tc, test_check_multiline_keeps_invisible);
  suite_add_tcase (s, tc);

  tc = tcase_create ("email");
  tcase_add_test (tc, test_email_valid);
  tcase_add_test (tc, test_email_invalid);
  tcase_add_test (tc, test_email_length);
  tcase_add_test (tc, test_email_message_names_value);
  suite_add_tcase (s, tc);

  tc = tcase_create ("excerpt");
  tcase_add_test (tc, test_excerpt_plain_unchanged);
  tcase_add_test (tc, test_excerpt_escapes);
  tcase_add_test (tc, test_excerpt_cut);
  tcase_add_test (tc, test_excerpt_escapes_invisible);
  suite_add_tcase (s, tc);

  tc = tcase_create ("width");
  tcase_add_test (tc, test_width);
  suite_add_tcase (s, tc);

  tc = tcase_create ("parse-id");
  tcase_add_test (tc, test_parse_id_valid);
  tcase_add_test (tc, test_parse_id_invalid);
  suite_add_tcase (s, tc);

  tc = tcase_create ("fold");
  tcase_add_test (tc, test_fold_ascii_case);
  tcase_add_test (tc, test_fold_normalises_then_folds);
  tcase_add_test (tc, test_fold_full_case_folding);
  tcase_add_test (tc, test_fold_invalid_utf8_copied);
  tcase_add_test (tc, test_fold_nfkc);
  tcase_add_test (tc, test_fold_drops_invisible);
  tcase_add_test (tc, test_cut_text_not_read_past_end);
  tcase_add_test (tc, test_excerpt_null);
  tcase_add_test (tc, test_match_classes);
  suite_add_tcase (s, tc);

  tc = tcase_create ("edit-distance");
  tcase_add_test (tc, test_edit_distance);
  suite_add_tcase (s, tc);

  tc = tcase_create ("unique-after-fold");
  tcase_add_test (tc, test_unit_names_unique_after_fold);
  tcase_add_test (tc, test_person_email_unique_after_fold);
  suite_add_tcase (s, tc);

  /* Tests that show bugs in src/; tagged so that CK_EXCLUDE_TAGS=bug skips them. */
  tc = tcase_create ("regressions");
  tcase_set_tags (tc, "bug");
  tcase_add_test (tc, test_bug_blank_message_not_excerpted);
  suite_add_tcase (s, tc);

  return s;
}

int
main (void)
{
  return rapat_test_run (text_suite ());
}
