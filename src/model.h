/* rapat — the model: plain values passed between the layers (core layer).
 *
 * Records are plain structs owned by whoever holds them; strings are owned by
 * the record and freed by its _free function.  Optional strings are NULL when
 * absent; optional ids are 0. */
#pragma once

#include "rapat.h"

G_BEGIN_DECLS

/* An enumeration whose values are stored and shown as text. */
typedef struct {
  const char *what;             /* name of the field, for error messages */
  const char *const *names;     /* canonical names, index = value */
  const char *const *aliases;   /* NULL-terminated "alias", "canonical" pairs, or NULL */
} RapatEnum;

extern const RapatEnum rapat_meeting_status_enum;
extern const RapatEnum rapat_agenda_type_enum;
extern const RapatEnum rapat_role_enum;
extern const RapatEnum rapat_rsvp_enum;
extern const RapatEnum rapat_attendance_enum;

typedef enum {
  RAPAT_MEETING_TENTATIVE,
  RAPAT_MEETING_CONFIRMED,
  RAPAT_MEETING_CANCELLED,
} RapatMeetingStatus;

typedef enum {
  RAPAT_ITEM_OPENING,
  RAPAT_ITEM_BRIEFING,
  RAPAT_ITEM_DISCUSSION,
  RAPAT_ITEM_PRESENTATION,
  RAPAT_ITEM_BREAK,
  RAPAT_ITEM_REVIEW,
  RAPAT_ITEM_CLOSING,
} RapatAgendaType;

typedef enum {
  RAPAT_ROLE_CHAIR,
  RAPAT_ROLE_SPEAKER,
  RAPAT_ROLE_PARTICIPANT,
  RAPAT_ROLE_OPTIONAL,
  RAPAT_ROLE_OBSERVER,
} RapatRole;

typedef enum {
  RAPAT_RSVP_NEEDS_ACTION,
  RAPAT_RSVP_ACCEPTED,
  RAPAT_RSVP_DECLINED,
  RAPAT_RSVP_TENTATIVE,
} RapatRsvp;

typedef enum {
  RAPAT_ATTENDANCE_NONE = -1,   /* not recorded yet */
  RAPAT_ATTENDANCE_PRESENT,
  RAPAT_ATTENDANCE_REPRESENTED,
  RAPAT_ATTENDANCE_EXCUSED,
  RAPAT_ATTENDANCE_SICK,
  RAPAT_ATTENDANCE_DUTY,
  RAPAT_ATTENDANCE_ABSENT,
} RapatAttendance;

/* Parses @text (case-insensitive; canonical names and aliases) as a value of
 * @e.  On failure sets @error naming the field, the value and the accepted
 * names. */
gboolean rapat_enum_parse (const RapatEnum *e, const char *text, int *out, GError **error);

/* Returns the canonical name of @value, or NULL if it is out of range. */
const char *rapat_enum_name (const RapatEnum *e, int value);

/* Returns the number of values of @e. */
int rapat_enum_count (const RapatEnum *e);

typedef struct {
  gint64 id;
  char *name;
  char *code;
  gint64 parent_id;
  char *parent_name;     /* filled by the store on reads */
  gint64 n_people;       /* filled by the store on reads */
} RapatUnit;

typedef struct {
  gint64 id;
  char *name;
  char *position;
  gint64 unit_id;
  char *unit_name;       /* filled by the store on reads */
  char *email;
  char *phone;
} RapatPerson;

typedef struct {
  gint64 id;
  char *uid;
  char *title;
  char *kind;
  char *description;
  char *location;
  gint64 start_utc;
  gint64 end_utc;
  char *tzid;
  RapatMeetingStatus status;
  gint64 sequence;
  gint64 organizer_id;
  char *organizer_name;  /* filled by the store on reads */
  char *organizer_email; /* filled by the store on reads */
  char *cancel_reason;
  gint64 created_at;
  gint64 updated_at;
  gint64 n_attendees;    /* filled by the store on reads */
  gint64 n_items;        /* filled by the store on reads */
} RapatMeeting;

typedef struct {
  gint64 id;
  gint64 meeting_id;
  int position;
  char *title;
  RapatAgendaType type;
  int duration_min;
  gint64 presenter_id;
  char *presenter_name;  /* filled by the store on reads */
  char *notes;
} RapatAgendaItem;

typedef struct {
  gint64 id;
  gint64 meeting_id;
  gint64 person_id;
  char *person_name;     /* the fields below up to rsvp are filled by the store on reads */
  char *position;
  char *unit_name;
  char *email;
  RapatRole role;
  RapatRsvp rsvp;
  RapatAttendance attendance;
  gint64 arrived_utc;    /* 0 when not recorded */
  gint64 stand_in_id;    /* the person who represented them, or 0 */
  char *stand_in_name;
  char *stand_in_position;
  char *note;
} RapatAttendee;

RapatUnit *rapat_unit_new (void);
void rapat_unit_free (RapatUnit *unit);
RapatPerson *rapat_person_new (void);
void rapat_person_free (RapatPerson *person);
RapatMeeting *rapat_meeting_new (void);
void rapat_meeting_free (RapatMeeting *meeting);
RapatAgendaItem *rapat_agenda_item_new (void);
void rapat_agenda_item_free (RapatAgendaItem *item);
RapatAttendee *rapat_attendee_new (void);
void rapat_attendee_free (RapatAttendee *attendee);

/* Returns TRUE when going from @before to @after changes something a calendar
 * must see (title, time, zone, location or status), so the sequence rises. */
gboolean rapat_meeting_is_significant_change (const RapatMeeting *before,
                                              const RapatMeeting *after);

/* Returns a new globally unique identifier for a meeting or action. */
char *rapat_uid_new (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapatUnit, rapat_unit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapatPerson, rapat_person_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapatMeeting, rapat_meeting_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapatAgendaItem, rapat_agenda_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapatAttendee, rapat_attendee_free)

G_END_DECLS
