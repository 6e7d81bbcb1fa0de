# The review of follow-up actions (issue 15): 'agenda add-review' links the
# open actions of the last meeting of the same kind (one with no issue too)
# and those under the issues the agenda discusses; the agenda, the meeting
# and the minutes show them as they are now; 'minutes report' records what
# the meeting heard, updates the action with the meeting as the source of
# its history; final minutes refuse it and leave the database as it was.

r person add "Ricky Dwi Biantoro" --position "Kepala Kantor Wilayah"
r person add "Maria Wattimena"
r person add "Yohanis Leiwakabessy"
r issue add "Kelebihan penghuni"
r meeting add "Rapat staf Agustus" --start "2025-08-04 09:00" --duration 1h --tz Asia/Jayapura --kind staf
r meeting add "Rapat staf Juli" --start "2025-07-07 09:00" --duration 1h --tz Asia/Jayapura --kind staf
r meeting add "Rapat koordinasi" --start "2025-08-20 09:00" --duration 1h --tz Asia/Jayapura --kind koordinasi
r meeting add "Rapat staf September" --start "2025-09-01 09:00" --duration 2h --tz Asia/Jayapura --kind staf
r action add "Perbaiki pagar blok C" --owner Yohanis --meeting "staf Agustus" --due 2025-08-29
r action add "Rekap hunian" --owner Maria --meeting "staf Agustus" --issue penghuni
r action add "Laporan Juli" --owner Maria --meeting "staf Juli"
r action add "Usulan redistribusi" --owner Yohanis --meeting koordinasi --issue penghuni --due 2025-09-15
r agenda add "staf September" "Pembukaan" --type opening --duration 10m
r agenda add "staf September" "Kelebihan penghuni" --issue penghuni

note "Default: the last 'staf' meeting (August, not July) and the issue discussed."
r agenda add-review "staf September" --presenter Maria
r agenda list "staf September"

note "Live: a change to the action shows at once."
r action update "pagar" --status in-progress --progress 50

note "Run again: nothing new, one line; --from names July, which joins the same item."
snapshot
r agenda add-review "staf September"
unchanged
r agenda add-review "staf September" --from "staf Juli"
r agenda list "staf September" --json
r meeting show "staf September"

note "In the minutes: what the meeting heard, kept beside the action as it is now."
r minutes start "staf September" --notulis Maria --chair Ricky
r minutes report "staf September" "pagar" --progress 80 --note "Tinggal pengecatan"
r minutes report "staf September" "Rekap hunian" --status done
r minutes show "staf September"
r action show "pagar"

r action add "Evaluasi SOP kunjungan" --owner Maria

note "Refused: an action not under review; nothing reported; a bad percent; final minutes."
snapshot
r minutes report "staf September" "SOP kunjungan" --progress 10
r minutes report "staf September" "Usulan redistribusi"
r minutes report "staf September" "Usulan redistribusi" --progress 101
unchanged
r minutes finalize "staf September"
r action add "Cat ulang aula" --owner Maria --meeting "staf Juli"
snapshot
r minutes report "staf September" "Usulan redistribusi" --progress 10
r agenda add-review "staf September" --from "staf Juli"
unchanged
