# The secretariat of the Maluku regional office sets up its directory: the
# regional office, the units below it and their heads.

note "An empty directory"
r unit list
r person list

note "Units: the ministry's directorate, the regional office and units below it"
r unit add "Direktorat Jenderal Pemasyarakatan" --code DITJENPAS
r unit add "Kantor Wilayah Ditjen Pemasyarakatan Maluku" --code KANWIL-MAL --parent DITJENPAS
r unit add "Lapas Kelas IIA Ambon" --code LAPAS-AMB --parent kanwil-mal
r unit add "Rutan Kelas IIA Ambon" --parent "kantor wilayah"
r unit add "Seksi Pembinaan Narapidana" --parent LAPAS-AMB
r unit add "Bapas Kelas II Ambon" --code BAPAS-AMB --parent KANWIL-MAL
r unit list

note "A unit by code, by part of its name (any case) and by id"
r unit show KANWIL-MAL
r unit show "rutan kelas"
r unit show 5 --json

note "Edit: give the Rutan a code, rename the Seksi, move Bapas to the top and back"
r unit edit Rutan --code RUTAN-AMB
r unit edit "Seksi Pembinaan" --name "Seksi Bimbingan Narapidana"
r unit edit BAPAS-AMB --parent ""
r unit list
r unit edit BAPAS-AMB --parent KANWIL-MAL --code ""
r unit show Bapas

note "A unit cannot be moved below itself, directly or through a child"
r unit edit DITJENPAS --parent "Seksi Bimbingan"
r unit edit LAPAS-AMB --parent LAPAS-AMB

note "People"
r person add "Ricky Dwi Biantoro" --position "Kepala Kantor Wilayah" --unit KANWIL-MAL --email kakanwil@maluku.pas.example --phone "+62 911 352100"
r person add "Maria Wattimena" --position "Kepala Bagian Tata Usaha dan Umum" --unit KANWIL-MAL --email tu@maluku.pas.example
r person add "Hendrik Sahetapy" --position "Kepala Lapas Kelas IIA Ambon" --unit LAPAS-AMB --email lapas.ambon@maluku.pas.example
r person add "Fransina Matulessy" --position "Kepala Rutan Kelas IIA Ambon" --unit RUTAN-AMB
r person add "Siti Umasugi" --position "Kepala Seksi Bimbingan Narapidana" --unit "Seksi Bimbingan"
r person add "Lilik Sujandi" --position "Direktur Kepatuhan Internal" --unit DITJENPAS --email direktur.ki@ditjenpas.example
r person list
r person list --unit KANWIL-MAL
r person list --unit lapas --json
r person list --unit Bapas

note "People counts now show in the unit tree"
r unit list
r unit show LAPAS-AMB

note "A person by name part, by e-mail (any case) and by id"
r person show maria
r person show LAPAS.AMBON@maluku.pas.example
r person show 1 --json

note "Edit: clear the phone and the position, change the unit and the e-mail"
r person edit Ricky --phone ""
r person edit Siti --position "" --unit LAPAS-AMB --email siti.umasugi@maluku.pas.example
r person show Siti
r person show Siti --json
r person edit Fransina --unit ""
r person show Fransina

note "Removing a person nobody refers to works"
r person remove Fransina
r person show Fransina
r person list

note "Removing someone referenced is refused, and nothing changes"
r meeting add "Rapat pimpinan" --start "2025-09-01 09:00" --duration 1h --tz Asia/Jayapura --organizer Maria
r attendee add "Rapat pimpinan" Ricky Hendrik
snapshot
r person remove Maria
r person remove Ricky
unchanged
r person list --json

note "A civil servant's NIP, pangkat, eselon and protocol rank; the NIP names the person"
r person edit Ricky --nip "19750812 199903 1 001" --pangkat "Pembina Utama Muda (IV/c)" --eselon iia --rank 1
r person show 197508121999031001
r person show 197508121999031001 --json
snapshot
r person add "Budi Santoso" --nip 197508121999031001
r person add "Budi Santoso" --nip 197513121999031001
r person add "Budi Santoso" --nip 197508121999031000
r person add "Budi Santoso" --eselon II.c
r person add "Budi Santoso" --rank x
unchanged
r person edit Ricky --nip "" --eselon "" --pangkat "" --rank ""
r person show Ricky

note "Names resolve as people expect; a second person of a name is added with a warning"
r person add "Siti Nurhaliza" --position "Analis Kepegawaian" --unit KANWIL-MAL
r person add "Siti Umasugi" --position "Pengadministrasi Umum" --unit RUTAN-AMB
r person show Siti
r person show "Siti Umasugi"
r person show Nurha
r person show umasugi
r person show siti.umasugi@maluku.pas.example
