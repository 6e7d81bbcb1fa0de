/* rapat — libical, loaded when first needed (core layer).
 *
 * libical brings ICU and libstdc++ with it: loading them costs every start
 * of the program about a millisecond and a half, a third of what a command
 * like "meeting list" takes.  Only the iCalendar writer and the recurrence
 * rules need libical, so the program is not linked with it: the first use
 * opens it with dlopen() and calls go through a table of its functions.
 *
 * Include this header instead of <libical/ical.h>.  Calls are written as
 * usual; the macros at the end send each through the table.  Every entry
 * point that reaches libical (rapat_recur_*(), the "export ics" command,
 * a test of the writer) calls rapat_ical_load() first, so that a missing
 * library is a GError reported like any other; a call through the table
 * without it is a programming error that aborts (see rapat_ical()). */
#pragma once

#include <glib.h>
#include <libical/ical.h>

G_BEGIN_DECLS

/* The shared library opened is RAPAT_LIBICAL_SONAME (config.h): the one
 * configure found, so the version the program was built against. */

/* Every libical function rapat calls. */
#define RAPAT_ICAL_FUNCTIONS(X) \
  X (icalcomponent_add_component) \
  X (icalcomponent_add_property) \
  X (icalcomponent_as_ical_string_r) \
  X (icalcomponent_count_components) \
  X (icalcomponent_free) \
  X (icalcomponent_get_dtstart) \
  X (icalcomponent_get_first_component) \
  X (icalcomponent_get_first_property) \
  X (icalcomponent_get_next_component) \
  X (icalcomponent_get_next_property) \
  X (icalcomponent_get_timezone) \
  X (icalcomponent_isa) \
  X (icalcomponent_new) \
  X (icalcomponent_new_clone) \
  X (icalcomponent_remove_component) \
  X (icalcomponent_remove_property) \
  X (icaldurationtype_as_ical_string_r) \
  X (icaldurationtype_as_int) \
  X (icaldurationtype_from_int) \
  X (icalerrno_return) \
  X (icalerror_clear_errno) \
  X (icalparameter_as_ical_string_r) \
  X (icalparameter_free) \
  X (icalparameter_get_cn) \
  X (icalparameter_get_cutype) \
  X (icalparameter_get_delegatedfrom) \
  X (icalparameter_get_delegatedto) \
  X (icalparameter_get_email) \
  X (icalparameter_get_sentby) \
  X (icalparameter_get_partstat) \
  X (icalparameter_get_role) \
  X (icalparameter_get_tzid) \
  X (icalparameter_new_cn) \
  X (icalparameter_new_cutype) \
  X (icalparameter_new_delegatedfrom) \
  X (icalparameter_new_delegatedto) \
  X (icalparameter_new_feature) \
  X (icalparameter_new_label) \
  X (icalparameter_new_partstat) \
  X (icalparameter_new_role) \
  X (icalparameter_new_rsvp) \
  X (icalparameter_new_tzid) \
  X (icalparameter_new_value) \
  X (icalparser_parse_string) \
  X (icalproperty_add_parameter) \
  X (icalproperty_as_ical_string_r) \
  X (icalproperty_free) \
  X (icalproperty_get_attendee) \
  X (icalproperty_get_categories) \
  X (icalproperty_get_comment) \
  X (icalproperty_get_conference) \
  X (icalproperty_get_created) \
  X (icalproperty_get_description) \
  X (icalproperty_get_dtend) \
  X (icalproperty_get_dtstamp) \
  X (icalproperty_get_dtstart) \
  X (icalproperty_get_duration) \
  X (icalproperty_get_exdate) \
  X (icalproperty_get_first_parameter) \
  X (icalproperty_get_lastmodified) \
  X (icalproperty_get_location) \
  X (icalproperty_get_method) \
  X (icalproperty_get_organizer) \
  X (icalproperty_get_rdate) \
  X (icalproperty_get_recurrenceid) \
  X (icalproperty_get_sequence) \
  X (icalproperty_get_status) \
  X (icalproperty_get_summary) \
  X (icalproperty_get_transp) \
  X (icalproperty_get_tzoffsetto) \
  X (icalproperty_get_uid) \
  X (icalproperty_get_url) \
  X (icalproperty_get_value_as_string_r) \
  X (icalproperty_get_x) \
  X (icalproperty_get_x_name) \
  X (icalproperty_get_xlicerror) \
  X (icalproperty_isa) \
  X (icalproperty_method_to_string) \
  X (icalproperty_new) \
  X (icalproperty_new_action) \
  X (icalproperty_new_attendee) \
  X (icalproperty_new_calscale) \
  X (icalproperty_new_clone) \
  X (icalproperty_new_comment) \
  X (icalproperty_new_completed) \
  X (icalproperty_new_conference) \
  X (icalproperty_new_created) \
  X (icalproperty_new_description) \
  X (icalproperty_new_dtstamp) \
  X (icalproperty_new_due) \
  X (icalproperty_new_lastmodified) \
  X (icalproperty_new_location) \
  X (icalproperty_new_method) \
  X (icalproperty_new_name) \
  X (icalproperty_new_organizer) \
  X (icalproperty_new_percentcomplete) \
  X (icalproperty_new_priority) \
  X (icalproperty_new_prodid) \
  X (icalproperty_new_refreshinterval) \
  X (icalproperty_new_relatedto) \
  X (icalproperty_new_rrule) \
  X (icalproperty_new_sequence) \
  X (icalproperty_new_status) \
  X (icalproperty_new_summary) \
  X (icalproperty_new_transp) \
  X (icalproperty_new_trigger) \
  X (icalproperty_new_uid) \
  X (icalproperty_new_url) \
  X (icalproperty_new_version) \
  X (icalproperty_new_x) \
  X (icalproperty_set_tzid) \
  X (icalproperty_set_value) \
  X (icalproperty_set_x_name) \
  X (icalrecur_iterator_free) \
  X (icalrecur_iterator_new) \
  X (icalrecur_iterator_next) \
  X (icalrecurrencetype_as_string_r) \
  X (icalrecurrencetype_from_string) \
  X (icaltime_as_timet) \
  X (icaltime_as_timet_with_zone) \
  X (icaltime_from_string) \
  X (icaltime_from_timet_with_zone) \
  X (icaltime_is_null_time) \
  X (icaltime_is_utc) \
  X (icaltime_null_time) \
  X (icaltimezone_get_builtin_timezone) \
  X (icaltimezone_get_component) \
  X (icaltimezone_get_utc_offset) \
  X (icaltimezone_get_utc_timezone) \
  X (icaltimezone_truncate_vtimezone) \
  X (icaltriggertype_from_int) \
  X (icalvalue_new_datetime)

typedef struct {
#define RAPAT_ICAL_MEMBER(f) __typeof__ (f) *f;
  RAPAT_ICAL_FUNCTIONS (RAPAT_ICAL_MEMBER)
#undef RAPAT_ICAL_MEMBER
} RapatIcal;

/* Opens libical once per process; FALSE with @error set (naming the
 * library and the reason) when it cannot be opened or lacks a function. */
gboolean rapat_ical_load (GError **error);
/* Returns the version of libical rapat was built against ("3.0.16"). */
const char *rapat_ical_version (void);

/* Returns the table.  rapat_ical_load() must have succeeded first: calling
 * this before is a programming error, which aborts with a message (it never
 * loads the library itself, so that no path can skip the error report). */
const RapatIcal *rapat_ical (void);

G_END_DECLS

#ifndef RAPAT_ICAL_NO_REDIRECT
#define icalcomponent_add_component (rapat_ical ()->icalcomponent_add_component)
#define icalcomponent_add_property (rapat_ical ()->icalcomponent_add_property)
#define icalcomponent_as_ical_string_r (rapat_ical ()->icalcomponent_as_ical_string_r)
#define icalcomponent_count_components (rapat_ical ()->icalcomponent_count_components)
#define icalcomponent_free (rapat_ical ()->icalcomponent_free)
#define icalcomponent_get_dtstart (rapat_ical ()->icalcomponent_get_dtstart)
#define icalcomponent_get_first_component (rapat_ical ()->icalcomponent_get_first_component)
#define icalcomponent_get_first_property (rapat_ical ()->icalcomponent_get_first_property)
#define icalcomponent_get_next_component (rapat_ical ()->icalcomponent_get_next_component)
#define icalcomponent_get_next_property (rapat_ical ()->icalcomponent_get_next_property)
#define icalcomponent_get_timezone (rapat_ical ()->icalcomponent_get_timezone)
#define icalcomponent_isa (rapat_ical ()->icalcomponent_isa)
#define icalcomponent_new (rapat_ical ()->icalcomponent_new)
#define icalcomponent_new_clone (rapat_ical ()->icalcomponent_new_clone)
#define icalcomponent_remove_component (rapat_ical ()->icalcomponent_remove_component)
#define icalcomponent_remove_property (rapat_ical ()->icalcomponent_remove_property)
#define icaldurationtype_as_ical_string_r (rapat_ical ()->icaldurationtype_as_ical_string_r)
#define icaldurationtype_as_int (rapat_ical ()->icaldurationtype_as_int)
#define icaldurationtype_from_int (rapat_ical ()->icaldurationtype_from_int)
#define icalerrno_return (rapat_ical ()->icalerrno_return)
#define icalerror_clear_errno (rapat_ical ()->icalerror_clear_errno)
#define icalparameter_as_ical_string_r (rapat_ical ()->icalparameter_as_ical_string_r)
#define icalparameter_free (rapat_ical ()->icalparameter_free)
#define icalparameter_get_cn (rapat_ical ()->icalparameter_get_cn)
#define icalparameter_get_cutype (rapat_ical ()->icalparameter_get_cutype)
#define icalparameter_get_delegatedfrom (rapat_ical ()->icalparameter_get_delegatedfrom)
#define icalparameter_get_delegatedto (rapat_ical ()->icalparameter_get_delegatedto)
#define icalparameter_get_email (rapat_ical ()->icalparameter_get_email)
#define icalparameter_get_sentby (rapat_ical ()->icalparameter_get_sentby)
#define icalparameter_get_partstat (rapat_ical ()->icalparameter_get_partstat)
#define icalparameter_get_role (rapat_ical ()->icalparameter_get_role)
#define icalparameter_get_tzid (rapat_ical ()->icalparameter_get_tzid)
#define icalparameter_new_cn (rapat_ical ()->icalparameter_new_cn)
#define icalparameter_new_cutype (rapat_ical ()->icalparameter_new_cutype)
#define icalparameter_new_delegatedfrom (rapat_ical ()->icalparameter_new_delegatedfrom)
#define icalparameter_new_delegatedto (rapat_ical ()->icalparameter_new_delegatedto)
#define icalparameter_new_feature (rapat_ical ()->icalparameter_new_feature)
#define icalparameter_new_label (rapat_ical ()->icalparameter_new_label)
#define icalparameter_new_partstat (rapat_ical ()->icalparameter_new_partstat)
#define icalparameter_new_role (rapat_ical ()->icalparameter_new_role)
#define icalparameter_new_rsvp (rapat_ical ()->icalparameter_new_rsvp)
#define icalparameter_new_tzid (rapat_ical ()->icalparameter_new_tzid)
#define icalparameter_new_value (rapat_ical ()->icalparameter_new_value)
#define icalparser_parse_string (rapat_ical ()->icalparser_parse_string)
#define icalproperty_add_parameter (rapat_ical ()->icalproperty_add_parameter)
#define icalproperty_as_ical_string_r (rapat_ical ()->icalproperty_as_ical_string_r)
#define icalproperty_free (rapat_ical ()->icalproperty_free)
#define icalproperty_get_attendee (rapat_ical ()->icalproperty_get_attendee)
#define icalproperty_get_categories (rapat_ical ()->icalproperty_get_categories)
#define icalproperty_get_comment (rapat_ical ()->icalproperty_get_comment)
#define icalproperty_get_conference (rapat_ical ()->icalproperty_get_conference)
#define icalproperty_get_created (rapat_ical ()->icalproperty_get_created)
#define icalproperty_get_description (rapat_ical ()->icalproperty_get_description)
#define icalproperty_get_dtend (rapat_ical ()->icalproperty_get_dtend)
#define icalproperty_get_dtstamp (rapat_ical ()->icalproperty_get_dtstamp)
#define icalproperty_get_dtstart (rapat_ical ()->icalproperty_get_dtstart)
#define icalproperty_get_duration (rapat_ical ()->icalproperty_get_duration)
#define icalproperty_get_exdate (rapat_ical ()->icalproperty_get_exdate)
#define icalproperty_get_first_parameter (rapat_ical ()->icalproperty_get_first_parameter)
#define icalproperty_get_lastmodified (rapat_ical ()->icalproperty_get_lastmodified)
#define icalproperty_get_location (rapat_ical ()->icalproperty_get_location)
#define icalproperty_get_method (rapat_ical ()->icalproperty_get_method)
#define icalproperty_get_organizer (rapat_ical ()->icalproperty_get_organizer)
#define icalproperty_get_rdate (rapat_ical ()->icalproperty_get_rdate)
#define icalproperty_get_recurrenceid (rapat_ical ()->icalproperty_get_recurrenceid)
#define icalproperty_get_sequence (rapat_ical ()->icalproperty_get_sequence)
#define icalproperty_get_status (rapat_ical ()->icalproperty_get_status)
#define icalproperty_get_summary (rapat_ical ()->icalproperty_get_summary)
#define icalproperty_get_transp (rapat_ical ()->icalproperty_get_transp)
#define icalproperty_get_tzoffsetto (rapat_ical ()->icalproperty_get_tzoffsetto)
#define icalproperty_get_uid (rapat_ical ()->icalproperty_get_uid)
#define icalproperty_get_url (rapat_ical ()->icalproperty_get_url)
#define icalproperty_get_value_as_string_r (rapat_ical ()->icalproperty_get_value_as_string_r)
#define icalproperty_get_x (rapat_ical ()->icalproperty_get_x)
#define icalproperty_get_x_name (rapat_ical ()->icalproperty_get_x_name)
#define icalproperty_get_xlicerror (rapat_ical ()->icalproperty_get_xlicerror)
#define icalproperty_isa (rapat_ical ()->icalproperty_isa)
#define icalproperty_method_to_string (rapat_ical ()->icalproperty_method_to_string)
#define icalproperty_new (rapat_ical ()->icalproperty_new)
#define icalproperty_new_action (rapat_ical ()->icalproperty_new_action)
#define icalproperty_new_attendee (rapat_ical ()->icalproperty_new_attendee)
#define icalproperty_new_calscale (rapat_ical ()->icalproperty_new_calscale)
#define icalproperty_new_clone (rapat_ical ()->icalproperty_new_clone)
#define icalproperty_new_comment (rapat_ical ()->icalproperty_new_comment)
#define icalproperty_new_completed (rapat_ical ()->icalproperty_new_completed)
#define icalproperty_new_conference (rapat_ical ()->icalproperty_new_conference)
#define icalproperty_new_created (rapat_ical ()->icalproperty_new_created)
#define icalproperty_new_description (rapat_ical ()->icalproperty_new_description)
#define icalproperty_new_dtstamp (rapat_ical ()->icalproperty_new_dtstamp)
#define icalproperty_new_due (rapat_ical ()->icalproperty_new_due)
#define icalproperty_new_lastmodified (rapat_ical ()->icalproperty_new_lastmodified)
#define icalproperty_new_location (rapat_ical ()->icalproperty_new_location)
#define icalproperty_new_method (rapat_ical ()->icalproperty_new_method)
#define icalproperty_new_name (rapat_ical ()->icalproperty_new_name)
#define icalproperty_new_organizer (rapat_ical ()->icalproperty_new_organizer)
#define icalproperty_new_percentcomplete (rapat_ical ()->icalproperty_new_percentcomplete)
#define icalproperty_new_priority (rapat_ical ()->icalproperty_new_priority)
#define icalproperty_new_prodid (rapat_ical ()->icalproperty_new_prodid)
#define icalproperty_new_refreshinterval (rapat_ical ()->icalproperty_new_refreshinterval)
#define icalproperty_new_relatedto (rapat_ical ()->icalproperty_new_relatedto)
#define icalproperty_new_rrule (rapat_ical ()->icalproperty_new_rrule)
#define icalproperty_new_sequence (rapat_ical ()->icalproperty_new_sequence)
#define icalproperty_new_status (rapat_ical ()->icalproperty_new_status)
#define icalproperty_new_summary (rapat_ical ()->icalproperty_new_summary)
#define icalproperty_new_transp (rapat_ical ()->icalproperty_new_transp)
#define icalproperty_new_trigger (rapat_ical ()->icalproperty_new_trigger)
#define icalproperty_new_uid (rapat_ical ()->icalproperty_new_uid)
#define icalproperty_new_url (rapat_ical ()->icalproperty_new_url)
#define icalproperty_new_version (rapat_ical ()->icalproperty_new_version)
#define icalproperty_new_x (rapat_ical ()->icalproperty_new_x)
#define icalproperty_set_tzid (rapat_ical ()->icalproperty_set_tzid)
#define icalproperty_set_value (rapat_ical ()->icalproperty_set_value)
#define icalproperty_set_x_name (rapat_ical ()->icalproperty_set_x_name)
#define icalrecur_iterator_free (rapat_ical ()->icalrecur_iterator_free)
#define icalrecur_iterator_new (rapat_ical ()->icalrecur_iterator_new)
#define icalrecur_iterator_next (rapat_ical ()->icalrecur_iterator_next)
#define icalrecurrencetype_as_string_r (rapat_ical ()->icalrecurrencetype_as_string_r)
#define icalrecurrencetype_from_string (rapat_ical ()->icalrecurrencetype_from_string)
#define icaltime_as_timet (rapat_ical ()->icaltime_as_timet)
#define icaltime_as_timet_with_zone (rapat_ical ()->icaltime_as_timet_with_zone)
#define icaltime_from_string (rapat_ical ()->icaltime_from_string)
#define icaltime_from_timet_with_zone (rapat_ical ()->icaltime_from_timet_with_zone)
#define icaltime_is_null_time (rapat_ical ()->icaltime_is_null_time)
#define icaltime_is_utc (rapat_ical ()->icaltime_is_utc)
#define icaltime_null_time (rapat_ical ()->icaltime_null_time)
#define icaltimezone_get_builtin_timezone (rapat_ical ()->icaltimezone_get_builtin_timezone)
#define icaltimezone_get_component (rapat_ical ()->icaltimezone_get_component)
#define icaltimezone_get_utc_offset (rapat_ical ()->icaltimezone_get_utc_offset)
#define icaltimezone_get_utc_timezone (rapat_ical ()->icaltimezone_get_utc_timezone)
#define icaltimezone_truncate_vtimezone (rapat_ical ()->icaltimezone_truncate_vtimezone)
#define icaltriggertype_from_int (rapat_ical ()->icaltriggertype_from_int)
#define icalvalue_new_datetime (rapat_ical ()->icalvalue_new_datetime)
#endif
