# The bundled sample: the Rakernis of Kanwil Ditjenpas Maluku, 2 September
# 2025.  Loading it twice adds nothing the second time.

r demo
sql "SELECT (SELECT count(*) FROM unit) AS units, (SELECT count(*) FROM person) AS people, (SELECT count(*) FROM meeting) AS meetings, (SELECT count(*) FROM agenda_item) AS items, (SELECT count(*) FROM attendee) AS attendees"
snapshot
note "Again: the same id, no duplicates, nothing changed"
r demo
sql "SELECT (SELECT count(*) FROM unit) AS units, (SELECT count(*) FROM person) AS people, (SELECT count(*) FROM meeting) AS meetings, (SELECT count(*) FROM agenda_item) AS items, (SELECT count(*) FROM attendee) AS attendees"
unchanged
r unit list
r person list
r meeting list
r meeting show 1
r agenda list 1
r attendee list 1 --json
