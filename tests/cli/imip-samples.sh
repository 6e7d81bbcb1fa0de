#!/bin/bash
# rapat CLI tests: the real iMIP answers of tests/data/imip/ (issue 17),
# read by 'rapat import mail' and 'rapat import ics' with the real store,
# libical and the mail module (GMime).
#
# Each sample answers a meeting rapat did not make, so the test gives a
# scratch meeting the sample's UID (in the database: the sample files stay
# byte for byte as published, base64 and quoted-printable parts included),
# invites the sample's ATTENDEE addresses, imports the file and compares
# what got recorded with what the sample says: its PARTSTAT as the reply,
# a COUNTER's time as a proposed new time.  A case rapat gets wrong is
# marked with 'known' (printed as "skip N - known: ...", not a failure),
# so that the lead sees it; README.md in tests/data/imip lists the samples.
#
# Usage: tests/cli/imip-samples.sh   (RAPAT=path/to/rapat)

set -u
. "$(dirname "$0")/lib.sh"

cli_setup
data="$SRCDIR/tests/data/imip"
export RAPAT_DB="$tmp/t.db"
export RAPAT_MAIL_MODULE="${RAPAT_MAIL_MODULE:-$(dirname "$RAPAT")/.libs/rapat-mail.so}"

# r ARGS...: runs rapat, output in $tmp/out and $tmp/err.
r() { "$RAPAT" "$@" >"$tmp/out" 2>"$tmp/err"; }
# check DESCRIPTION COMMAND...: passes when COMMAND succeeds.
check() {
  local what=$1
  shift
  if "$@"; then pass "$what"; else fail "$what" "out: $(cat "$tmp/out")" "err: $(cat "$tmp/err")"; fi
}
# known DESCRIPTION COMMAND...: a check rapat is known to fail today; its
# failure is reported as a skip, its success asks for the mark to go.
known() {
  local what=$1
  shift
  if "$@"; then
    pass "$what (marked known, but passes now: make it a check)"
  else
    skip "known: $what"
  fi
}
sum() { sha256sum "$RAPAT_DB" | cut -d' ' -f1; }
sql() { "$SQLITE3" "$RAPAT_DB" "$@"; }
# rsvp_of MEETING ADDRESS: the reply recorded for the invitee ADDRESS.
rsvp_of() {
  sql "SELECT a.rsvp FROM attendee a JOIN person p ON p.id = a.person_id
       WHERE a.meeting_id = $1 AND p.email = '$2'"
}
# person ADDRESS: the id of the person with that e-mail, added if new.
person() {
  local id
  id=$(sql "SELECT id FROM person WHERE email = '$1'")
  if [ -z "$id" ]; then
    id=$("$RAPAT" person add "${1%%@*}" --email "$1") || exit 1
  fi
  echo "$id"
}
# meeting UID ORGANIZER ADDRESS...: a meeting in 2030 whose UID is the
# sample's, organized by ORGANIZER, with each ADDRESS invited; prints its id.
meeting() {
  local uid=$1 org=$2 m a
  shift 2
  # (stderr: the clash warnings of meetings sharing their people and time)
  m=$("$RAPAT" meeting add "Sample ${uid:0:8}" --start "2030-09-02 09:00" --duration 2h \
        --tz Asia/Jakarta --organizer "$(person "$org")" 2>/dev/null) || exit 1
  for a in "$@"; do
    "$RAPAT" attendee add "$m" "$(person "$a")" >/dev/null 2>&1 || exit 1
  done
  sql "UPDATE meeting SET uid = '$uid' WHERE id = $m"
  echo "$m"
}

"$RAPAT" person add "Sekretariat" --email sekretariat@example.go.id >/dev/null

# Outlook for Mac (Microsoft Corporation//Outlook for Mac MIMEDIR): the
# calendar in a 7bit text/calendar part of multipart/alternative, a VTIMEZONE
# named the Windows way ("Sarajevo, Skopje, Warsaw, Zagreb"), the attendee's
# CN folded inside its quotes, MAILTO: in capitals.
m=$(meeting f1394aba7ca8b9474af204a4d88934b7c7aa2191 tom@willow.vmw admin@willow.vmw)
r import mail "$data/outlook-mac-reply-accepted.eml"
check "Outlook for Mac: accepted" test "$(rsvp_of "$m" admin@willow.vmw)" = accepted
check "... and the summary says one reply" grep -qx "1 reply recorded." "$tmp/out"
m=$(meeting F3B82EDE-26A7-48AF-B90C-3F99A005964C admin@willow.vmw tom@willow.vmw)
r import mail "$data/outlook-mac-reply-declined.eml"
check "Outlook for Mac: declined" test "$(rsvp_of "$m" tom@willow.vmw)" = declined
# Outlook's DTSTAMP is the meeting's, not the answer's: its tentative
# answer (sent at 20:15 by its Date, X-MICROSOFT-CDO-REPLYTIME 18:14Z)
# and the decline that replaced it (20:18, REPLYTIME 18:18Z) carry the same
# DTSTAMP 18:14Z.  Imported after the decline (a maildir has no order),
# the older answer must not win: rapat takes the later of DTSTAMP and
# X-MICROSOFT-CDO-REPLYTIME as when the answer was made.
r import mail "$data/outlook-mac-reply-tentative.eml"
check "Outlook for Mac: its earlier tentative answer, imported later, does not replace the decline" \
  test "$(rsvp_of "$m" tom@willow.vmw)" = declined
r import mail "$data/outlook-mac-reply-declined.eml"
check "... and the decline imported again is the same answer" grep -qx "1 already recorded." "$tmp/out"

# Outlook with Exchange (PRODID:Microsoft Exchange Server 2010), German:
# a base64 text/calendar part after ISO-8859-1 quoted-printable text and
# HTML, no ORGANIZER, "SUMMARY;LANGUAGE=de-DE:Akzeptiert: ...", a COMMENT
# with an escaped comma, the address folded in mid-word after MAILTO:.
m=$(meeting 0e4a0959-e1c7-4c5a-b353-d7abbd8ca8ac markus.brechtel@thengo.net \
      markus.brechtel@uk-koeln.de)
r import mail "$data/exchange2010-reply-accepted.eml"
check "Exchange 2010 (base64, no ORGANIZER): accepted" \
  test "$(rsvp_of "$m" markus.brechtel@uk-koeln.de)" = accepted
m=$(meeting abcfacd3-4db3-4c42-bcf5-0c17752c65fb markus.brechtel@thengo.net \
      markus.brechtel@uk-koeln.de)
r import mail "$data/exchange2010-reply-declined.eml"
check "Exchange 2010: declined, with a comment" \
  test "$(rsvp_of "$m" markus.brechtel@uk-koeln.de)" = declined
check "... and the comment is shown to the organizer" grep -q "they wrote: no, sorry" "$tmp/out"

# Outlook through BlueMind's MAPI connector: multipart/related, a subject in
# ISO-8859-1 words, no ORGANIZER and no SEQUENCE, an ATTENDEE with DIR=.
m=$(meeting a0bd6c5b-dc96-49a0-ae45-089843c839df kevin.ladier@bluemind.net \
      lucie.takvorian@blue-mind.net)
r import mail "$data/bluemind-mapi-reply-accepted.eml"
check "Outlook/MAPI (no ORGANIZER, no SEQUENCE): accepted" \
  test "$(rsvp_of "$m" lucie.takvorian@blue-mind.net)" = accepted

# Google Calendar, the whole message: multipart/mixed holding
# multipart/alternative (text/plain in base64 windows-1252, text/html,
# text/calendar) and the same calendar again as a base64 invite.ics.
m=$(meeting 14ef516ad2e6ce325d5c8efcf9d7ddbfa30f9d15 thomas.cataldo@blue-mind.net \
      tcataldo@gmail.com)
r import mail "$data/google-reply-accepted.eml"
check "Google (text/calendar and invite.ics): accepted" \
  test "$(rsvp_of "$m" tcataldo@gmail.com)" = accepted
check "... read once, not twice" grep -qx "1 reply recorded." "$tmp/out"
# The same person changing their mind: tentative at 07:56:58Z, declined
# at 07:57:09Z (DTSTAMP); imported newest first, the older one is stale.
r import mail "$data/google-reply-declined.eml"
check "Google: then declined" test "$(rsvp_of "$m" tcataldo@gmail.com)" = declined
r import mail "$data/google-reply-tentative.eml"
check "Google: the tentative answer sent between them, imported last, is stale" \
  grep -qx "1 stale ignored." "$tmp/out"
check "... and the decline stays" test "$(rsvp_of "$m" tcataldo@gmail.com)" = declined

# Google Calendar again: an all-day meeting, the text/calendar part in
# quoted-printable, and two VALARMs, one of them an e-mail alarm with its
# own ATTENDEE (the organizer): that one is not a reply.
m=$(meeting e76b4686c75efde6b17ea24cb98c8d59dca65063 sylvain.garcia@blue-mind.net \
      marieg@isynet.org sylvain.garcia@blue-mind.net)
r import mail "$data/google-reply-alarm-attendee.eml"
check "Google (all-day, quoted-printable): accepted" \
  test "$(rsvp_of "$m" marieg@isynet.org)" = accepted
check "... and the ATTENDEE of its e-mail alarm is not taken for a reply" \
  test "$(rsvp_of "$m" sylvain.garcia@blue-mind.net)" = needs-action
# The text/calendar part decodes with LF line ends, invite.ics with CRLF:
# the same calendar, read once (rapat compares them without line ends).
check "... the same calendar in both parts, read once (one reply, not one more already recorded)" \
  grep -qx "1 reply recorded." "$tmp/out"

# Google Calendar, bare calendars (Nylas' fixtures): a CN folded after a
# space, X-NUM-GUESTS, and Exchange's X-MICROSOFT-CDO-* properties.
m=$(meeting cccc@nylas.com test2@example.com test1@example.com karim@example.com)
r import ics "$data/google-nylas-reply-tentative.ics"
check "Google (bare .ics, folded CN): tentative" \
  test "$(rsvp_of "$m" test1@example.com)" = tentative
r import ics "$data/google-nylas-reply-accepted.ics"
check "Google: another invitee accepted" test "$(rsvp_of "$m" karim@example.com)" = accepted
check "... and the first one's reply stays" test "$(rsvp_of "$m" test1@example.com)" = tentative
r import ics "$data/google-nylas-reply-declined.ics"
check "Google: the same DTSTAMP with another answer replaces it" \
  test "$(rsvp_of "$m" karim@example.com)" = declined

# A Google COUNTER: the MIME part says method=REPLY, the calendar
# METHOD:COUNTER; the new time is in UTC (18:45Z, 01:45 WIB the next day).
# BlueMind anonymised the text/calendar part (max@gmail.com) but not the
# same calendar in invite.ics (gfritos@gmail.com): rapat reads both, so the
# second address is one it does not know.
m=$(meeting 36da4919-6cf5-4ce9-aa18-6e56c1da2298 max.mustermann@bluemind.net max@gmail.com)
start=$(sql "SELECT start_utc FROM meeting WHERE id = $m")
r import mail "$data/google-counter.eml"
check "Google COUNTER: a new time proposed, not a reply" \
  grep -qx "1 unknown sender, 1 new time proposed (see 'rapat import requests')." "$tmp/out"
check "... invite.ics's other address reported, not added" \
  grep -q "attendee 'gfritos@gmail.com': an address rapat does not know; not added" "$tmp/out"
check "... at the time it says, in the meeting's zone" \
  grep -q "proposes to hold 'Sample 36da4919' (2030-09-02 09:00 WIB) at 2021-01-14 01:45 WIB instead" \
  "$tmp/out"
check "... not applied" test "$(sql "SELECT start_utc FROM meeting WHERE id = $m")" = "$start"
check "... and the PARTSTAT of a COUNTER is no reply" test "$(rsvp_of "$m" max@gmail.com)" = needs-action
r import requests "$m"
check "import requests lists it: who, the new time and when it was sent (DTSTAMP)" \
  grep -Eq "^$m +max +a new time +Thu 14 Jan 2021, 01:45–02:45 WIB +2021-01-13 17:24 WIB$" "$tmp/out"

# iPhone (Apple Inc.//iPhone 3.0): a quoted-printable text/calendar part,
# X-CALENDARSERVER-PRIVATE-COMMENT.
m=$(meeting 5b596379 tom@willow.vmw admin@willow.vmw)
r import mail "$data/ios-reply-tentative.eml"
check "iPhone (quoted-printable): tentative" test "$(rsvp_of "$m" admin@willow.vmw)" = tentative

# Android's mail app (PRODID:AndroidEmail): a base64 text/calendar part
# without charset, the attendee's address folded with a TAB.
m=$(meeting 6C5861338FC94376B376095E9884760B00000000000000000000000000000000 \
      thomas.cataldo@blue-mind.net david.phan@blue-mind.net)
r import mail "$data/android-reply-accepted.eml"
check "Android (base64, folded with a TAB): accepted" \
  test "$(rsvp_of "$m" david.phan@blue-mind.net)" = accepted

# BlueMind's own server (-//Blue Mind//Blue Mind Calendar//FR): an 8bit
# text/calendar part, the same calendar again as a base64 event.ics.
m=$(meeting 0839ab78569b58f97c8f56d61493ba30dced2013 admin@bm.lan \
      evelyne.dutouron@ledepartement00.zz)
r import mail "$data/bluemind-reply-accepted.eml"
check "BlueMind (8bit, and event.ics): accepted" \
  test "$(rsvp_of "$m" evelyne.dutouron@ledepartement00.zz)" = accepted

# Apple iCal 3.0 through Mail.app (Apple's CalendarServer tests): the .ics
# in multipart/mixed inside multipart/alternative, quoted-printable with
# its CRLFs written as =0D=0A; SEQUENCE:7 of a meeting rapat sent as 0.
m=$(meeting 1E71F9C8-AEDA-48EB-98D0-76E898F6BB5C \
      ical-living-on+d7cdf68d-8b73-4df1-ad3b-f08002fb285f@example.com xyzzy@example.com)
before=$(sum)
r import mail "$data/apple-ical3-reply-no-attendee.eml"
check "Apple iCal 3, the reply without its ATTENDEE: skipped, said why" \
  grep -q "the answer names no ATTENDEE" "$tmp/out"
check "... and the database is byte-identical" test "$(sum)" = "$before"
r import mail "$data/apple-ical3-reply-accepted.eml"
check "Apple iCal 3 (nested multipart, quoted-printable): accepted" \
  test "$(rsvp_of "$m" xyzzy@example.com)" = accepted

# Every message again, at once: nothing changes.
before=$(sum)
files=()
for f in "$data"/*.eml; do
  case $f in *google-reply-alarm-attendee.eml | *outlook-mac-reply-tentative.eml) ;;
    *) files+=("$f") ;; esac
done
r import mail "${files[@]}"
check "all the messages again: nothing new" \
  grep -qx "11 already recorded, 2 stale ignored, 1 unknown sender, 1 skipped." "$tmp/out"
r import mail "$data/google-reply-alarm-attendee.eml"
check "... the Google message whose two parts differ in line ends: once" \
  grep -qx "1 already recorded." "$tmp/out"
check "... and the database is byte-identical" test "$(sum)" = "$before"

printf '%s: %d checks, %d passed, %d failed, %d known\n' "${cli_name%.sh}" "$n" "$n_pass" \
  "$n_fail" "$n_skip"
[ "$n_fail" -eq 0 ]
