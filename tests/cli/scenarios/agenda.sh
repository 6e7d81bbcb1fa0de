# The secretariat builds the Rakernis agenda: 09:00-16:00 WIT.  Start times
# follow from the meeting's start and the lengths of the items before.

r unit add "Kantor Wilayah Ditjen Pemasyarakatan Maluku" --code KANWIL-MAL
r person add "Maria Wattimena" --position "Kepala Bagian Tata Usaha dan Umum" --unit KANWIL-MAL
r person add "Ricky Dwi Biantoro" --position "Kepala Kantor Wilayah" --unit KANWIL-MAL
r person add "Lilik Sujandi" --position "Direktur Kepatuhan Internal"
r person add "Samuel Pattiasina" --position "Kepala Bidang Keamanan dan Ketertiban" --unit KANWIL-MAL
r person add "Yohanis Leiwakabessy" --position "Kepala Bidang Pelayanan Tahanan" --unit KANWIL-MAL
r meeting add "Rapat Kerja Teknis Pemasyarakatan Maluku 2025" --start "2025-09-02 09:00" --duration 7h --tz Asia/Jayapura --kind rakernis
r agenda list "kerja teknis"

note "Items added at the end; the default is a 30-minute discussion"
r agenda add 1 "Pembukaan dan laporan panitia" --duration 15m --type opening --presenter Maria
r agenda add 1 "Arahan Kepala Kantor Wilayah" --type pengarahan --presenter Ricky
r agenda add 1 "Pengarahan Direktur Kepatuhan Internal" --duration 1h --type briefing --presenter Lilik
r agenda add 1 "Isu strategis: narkoba dan penipuan" --duration 1h --presenter Samuel
r agenda add 1 "Ishoma" --duration 1h --type istirahat
r agenda add 1 "Isu strategis: kelebihan penghuni" --duration 45m --presenter Yohanis
r agenda add 1 "Penutupan" --duration 15m --type closing --presenter Ricky
r agenda list 1

note "--at inserts and renumbers the items after it"
r agenda add 1 "Rehat kopi" --duration 15m --type break --at 4
r agenda add 1 "Evaluasi target kinerja" --duration 1h --type review --presenter Maria --at 8
r agenda list 1

note "Move down (Ishoma from 6 to 7), then up (kelebihan penghuni from 6 to 5)"
r agenda move 1 Ishoma 7
r agenda list 1
r agenda move 1 6 5
r agenda list 1
note "Moving an item to where it is changes nothing"
r agenda move 1 Penutupan 9

note "Edit by part of the title or by number"
r agenda edit 1 narkoba --title "Isu strategis: pemberantasan narkoba dan penipuan" --duration 1h30m --notes "Data per Agustus 2025"
r agenda edit 1 3 --type paparan --title "Paparan Direktur Kepatuhan Internal: SOP dan integritas"
r agenda edit 1 Evaluasi --presenter ""
r agenda list 1
note "Ambiguous and unknown items"
r agenda edit 1 "isu strategis" --duration 1h
r agenda remove 1 Sambutan
r agenda move 1 1 10

note "Remove: the numbers stay 1..n"
r agenda remove 1 Rehat
r agenda list 1

note "A longer review pushes the closing past 16:00: marked with ! and a warning"
r agenda edit 1 Evaluasi --duration 2h
r agenda list 1
r meeting show 1
r agenda list 1 --json

note "Shortened again, the agenda ends exactly at 16:00: no warning"
r agenda edit 1 7 --duration 1h45m
r agenda list 1
note "An item added at the end and removed again"
r agenda add 1 "Foto bersama" --duration 10m
r agenda list 1
r agenda remove 1 9
r agenda list 1 --json
